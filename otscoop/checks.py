"""System checks for a production deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


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
