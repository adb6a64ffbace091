"""Cached anonymous pages and API responses, invalidated by any change to the content.

Every cached entry carries the content *generation* it was rendered at. Saving or deleting any
record (or changing a many-to-many link) increments the generation in the shared cache, so
every entry rendered before becomes stale at once — in every worker process, since the counter
lives in the shared cache (Redis in production; see CACHE_URL). The check costs one round trip:
the generation and the page are read together.

Only anonymous GET requests are cached: a request with a session cookie or an
Authorization header (staff, API tokens) is always rendered fresh, since it may see drafts.
"""

import contextlib
import contextvars
import hashlib
import logging
import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "otscoop:content-generation"
CONTENT_APPS = ("otscoop", "memberships", "events")
# A stale entry can never be served (the generation moved on); this only bounds memory.
ENTRY_TIMEOUT = 24 * 60 * 60
CACHED_PREFIXES = (
    *(f"/{code}/" for code, _name in settings.LANGUAGES),
    "/api/v1/",
    "/meetings.ics",
    "/statements/feed/",
    "/sitemap.xml",
    "/robots.txt",
)
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Vary",
    "Allow",
    "X-Frame-Options",
)


# Inside a request: what it has read of the shared cache's bookkeeping (the generation), so
# that the page, its row count and its filter options agree and cost one round trip. Set by
# AnonymousPageCacheMiddleware for each request; None outside requests (commands, shells).
_request_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "otscoop_request_scope", default=None
)


def _first_generation() -> int:
    # A random start rather than 1: after the cache is emptied (Redis restarted or flushed) the
    # counter must not come back to a value a worker still holds entries for (process_cached).
    return secrets.randbelow(2**48) + 1


def _read(*keys) -> tuple[int, dict]:
    """The current generation and `keys` from the shared cache, in one round trip; within a
    request the generation is read once and kept."""
    scope = _request_scope.get()
    if scope is not None and "generation" in scope:
        return scope["generation"], (cache.get_many(keys) if keys else {})
    found = cache.get_many([GENERATION_KEY, *keys])
    generation = found.pop(GENERATION_KEY, None)
    if generation is None:  # new or emptied cache
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    if scope is not None:
        scope["generation"] = generation
    return generation, found


def current_generation() -> int:
    return _read()[0]


def generation_cached(key: str, compute, timeout: int):
    """`compute()`, kept in the shared cache until the content next changes.

    The entry carries the generation it was computed at, so every worker sees a change at once.
    Without the cache (an outage) the value is computed each time.
    """
    try:
        generation, found = _read(key)
    except Exception:
        return compute()
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    with contextlib.suppress(Exception):  # a cache outage only costs the next computation
        cache.set(key, (generation, value), timeout)
    return value


_process_entries: dict[str, tuple[int, object]] = {}


def process_cached(key: str, compute):
    """`compute()`, kept in this process's memory until the content next changes.

    For small values every page needs (a few keys, never one per query): no round trip beyond
    the request's one read of the generation. Without the cache it is computed each time.
    """
    try:
        generation = current_generation()
    except Exception:
        return compute()
    entry = _process_entries.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    _process_entries[key] = (generation, value)
    return value


def invalidate() -> None:
    """Make every cached page stale (in every process sharing the cache)."""
    scope = _request_scope.get()
    if scope is not None:  # the rest of this request reads the new generation
        scope.pop("generation", None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (new or emptied cache)
        if not cache.add(GENERATION_KEY, _first_generation(), timeout=None):
            cache.incr(GENERATION_KEY)


def _invalidate_now_and_after_commit() -> None:
    # Now: this process stops serving old pages at once. After commit: a page rendered by
    # another request between this change and its commit (still showing the old data) is
    # made stale too.
    invalidate()
    transaction.on_commit(invalidate)


def is_content_model(model) -> bool:
    return model._meta.app_label in CONTENT_APPS and not model.__name__.startswith("Historical")


def content_changed(sender, **kwargs):
    if is_content_model(sender) or (
        kwargs.get("model") is not None and is_content_model(kwargs["model"])
    ):
        _invalidate_now_and_after_commit()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        if is_content_model(model):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-del-{model}")
    m2m_changed.connect(content_changed, dispatch_uid="cache-m2m")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests of public pages, feeds and the API from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_scope.set({})
        try:
            return self.respond(request)
        finally:
            _request_scope.reset(token)

    def respond(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        try:
            generation, found = _read(key)
        except Exception:  # the cache being down must not take the site down
            logger.warning("cache unavailable, rendering without it", exc_info=True)
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return self.rebuild(entry)

        response = self.get_response(request)
        if self.is_cacheable_response(response):
            response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
            response["Last-Modified"] = http_date()
            headers = {
                name: response[name]
                for name in (*KEPT_HEADERS, "ETag", "Last-Modified")
                if response.has_header(name)
            }
            try:
                cache.set(
                    key,
                    (generation, response.status_code, headers, response.content),
                    ENTRY_TIMEOUT,
                )
            except Exception:
                logger.warning("cache unavailable, response not stored", exc_info=True)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def is_cacheable_request(request) -> bool:
        return (
            request.method == "GET"
            and request.path.startswith(CACHED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def is_cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def key(request) -> str:
        language = translation.get_language_from_request(request, check_path=True)
        # Scheme and host too: API responses and feeds hold absolute URLs.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"otscoop:page:{language}:{hashlib.md5(address.encode()).hexdigest()}"

    @staticmethod
    def rebuild(entry) -> HttpResponse:
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Cache"] = "hit"
        return response
