"""System checks: the page cache's middleware pair, and a production deployment's shared cache
(`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
PUBLIC_PAGE_CACHE = "otscoop.page_cache.PublicPageCacheMiddleware"
SHARED_PAGE_CACHE = "otscoop.page_cache.SharedPageCacheMiddleware"


@checks.register(checks.Tags.caches)
def page_cache_middleware(app_configs, **kwargs):
    """SharedPageCacheMiddleware works out each entry; PublicPageCacheMiddleware, further out,
    stores it with the finished headers. Without the outer one nothing would ever be stored."""
    middleware = list(settings.MIDDLEWARE)
    if SHARED_PAGE_CACHE not in middleware:
        return []
    if PUBLIC_PAGE_CACHE in middleware[: middleware.index(SHARED_PAGE_CACHE)]:
        return []
    return [
        checks.Error(
            f"{SHARED_PAGE_CACHE} needs {PUBLIC_PAGE_CACHE} before it in MIDDLEWARE.",
            hint="The outer middleware stores the entries; without it no page is ever cached.",
            id="otscoop.E001",
        )
    ]


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production needs one cache shared by every worker (CACHE_URL at Redis): the content
    generations live there, and the cached pages and sessions of every worker with them.
    Each process has a local-memory cache of its own."""
    if settings.CACHES["default"]["BACKEND"] != LOCAL_MEMORY:
        return []
    return [
        checks.Warning(
            "CACHE_URL is not set: the cache is each process's own memory.",
            hint=(
                "With more than one gunicorn worker, a change saved through one worker would "
                "not reach the others' cached pages, nor a session their cache. Set CACHE_URL to "
                "Redis (e.g. redis://127.0.0.1:6379/1), shared by every worker."
            ),
            id="otscoop.W001",
        )
    ]
