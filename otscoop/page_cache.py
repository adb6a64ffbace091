"""One shared cache for every GET of a public page, feed and API response, for both audiences.

An entry's key is the reader's audience (otscoop/audiences.py), the address (scheme, host,
path, query) and the response's language. The audience takes the place of `Cookie` and
`Authorization`: entries are never per session or token, so every Secretariat member shares the
staff entries and every other reader the public ones. Each entry carries the content generation
it was rendered at (otscoop/cache.py) and is only served while that is current.

- An anonymous reader costs one round trip: the generations and the entry, read together,
  before the session and authentication middleware run (PublicPageCacheMiddleware).
- A signed-in reader's session is kept in the cache (the `cached_db` engine) and holds its
  audience with the audience generation it was worked out at; a token's audience is kept in
  the cache the same way, under a digest of the token. Either is worked out again (user,
  permissions) only after users, groups, permissions or tokens change. The session (or the
  token's entry) is read in the same round trip as the generations and the staff entry, so a
  staff hit also costs one round trip, and no query.
- A token that fails authentication, a user between the two audiences, or a request for the
  browsable HTML API is never served from the cache; DRF answers it.

Django's own cache middleware keys entries by the values of the headers in `Vary` — here
`Cookie`, which would give every session its own entries — and needs a second round trip
for the list of those headers; so the key is made here, and Django's helpers
(`patch_vary_headers`, `patch_cache_control`) say to other caches what the response varies on.
Nothing per user is stored: a response that sets a cookie or used a CSRF token is not kept.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from . import cache as generations
from .audiences import PUBLIC, STAFF, audience_of_user

logger = logging.getLogger(__name__)

# A stale entry can never be served (the generation moved on); this only bounds memory.
ENTRY_TIMEOUT = 24 * 60 * 60
TOKEN_TIMEOUT = 24 * 60 * 60
SESSION_AUDIENCE = "otscoop_audience"  # in the session: [audience generation, audience]
INVALID = "invalid"
AUDIENCES = (PUBLIC, STAFF)
ALWAYS_CURRENT = object()
NOT_OURS = object()
CACHED_PREFIXES = (
    *(f"/{code}/" for code, _name in settings.LANGUAGES),
    "/api/v1/",
    "/meetings.ics",
    "/statements/feed/",
    "/sitemap.xml",
    "/robots.txt",
)
API_PREFIX = "/api/"
CACHED_API_FORMATS = ("json", "csv")
# An entry keeps the headers of the finished response, as the middleware outside the cache
# (security headers, Content-Security-Policy, Vary, Content-Language) made them, except those
# that belong to one request or one reader.
UNKEPT_HEADERS = {"date", "x-cache", "x-audience", "x-request-id", "set-cookie"}


def token_audience_key(token: str) -> str:
    return f"otscoop:token-audience:{hashlib.sha256(token.encode()).hexdigest()}"


def page_key(request, audience: str) -> str:
    # Scheme and host too: API responses and feeds hold absolute URLs.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    # As LocaleMiddleware picks it (the path's prefix, else the cookie or Accept-Language), so
    # that a key can be made before it runs.
    language = translation.get_language_from_request(request, check_path=True)
    return f"otscoop:page:{audience}:{language}:{hashlib.md5(address.encode()).hexdigest()}"


class PublicPageCacheMiddleware:
    """Serve an anonymous reader's cached entries before the rest of the stack — security
    headers, Content-Security-Policy, ETag, session, language, CSRF and authentication — whose
    work the entry already holds: it stores the finished response, headers included, on its way
    out. Everything else (and every miss) goes on to SharedPageCacheMiddleware, which works out
    the audience and the key of the entry to store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.is_anonymous(request) and SharedPageCacheMiddleware.is_cacheable_request(request):
            key = page_key(request, PUBLIC)
            try:
                found = generations.read(key)
            except Exception:  # the cache being down must not take the site down
                found = {}
            entry = found.get(key)
            if entry is not None and entry[0] == found[generations.GENERATION_KEY]:
                return conditional(request, SharedPageCacheMiddleware.rebuild(entry, PUBLIC))
        response = self.get_response(request)
        to_store = getattr(request, "otscoop_entry", None)
        if to_store is not None and response.status_code == 200:
            key, generation = to_store
            headers = {
                name: value
                for name, value in response.items()
                if name.lower() not in UNKEPT_HEADERS
            }
            entry = (generation, response.status_code, headers, response.content)
            SharedPageCacheMiddleware.safely(lambda: cache.set(key, entry, ENTRY_TIMEOUT))
        return response

    @staticmethod
    def is_anonymous(request) -> bool:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return not (request.path.startswith(API_PREFIX) and "HTTP_AUTHORIZATION" in request.META)


def conditional(request, response):
    """A 304 for a client that holds the entry already (If-None-Match, If-Modified-Since), as
    ConditionalGetMiddleware would give further in."""
    last_modified = response.get("Last-Modified")
    not_modified = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified and parse_http_date_safe(last_modified),
        response=response,
    )
    if not_modified is None or not_modified is response:
        return response
    for name in ("X-Cache", "X-Audience"):
        not_modified[name] = response[name]
    return not_modified


class SharedPageCacheMiddleware:
    """Serve GET requests of public pages, feeds and the API from the shared cache.

    Placed after the session, locale and authentication middleware: it reads the session (from
    the cache) and the language, and works out an audience from `request.user` when the
    session holds none that is current.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        try:
            reader_key = self.reader_key(request)
            if reader_key is NOT_OURS:
                return self.get_response(request)
            # One round trip: the generations, what the session or token holds, and the entry
            # of the audience a reader with a session or token most likely has.
            guess = PUBLIC if reader_key is None else STAFF
            keys = [page_key(request, guess), *([reader_key] if reader_key else [])]
            found = generations.read(*keys)
            stored_generation, audience = self.stored_audience(request, reader_key, found)
        except Exception:  # the cache being down must not take the site down
            logger.warning("cache unavailable, rendering without it", exc_info=True)
            return self.get_response(request)
        audience_generation = found[generations.AUDIENCE_GENERATION_KEY]
        if stored_generation is not ALWAYS_CURRENT and stored_generation != audience_generation:
            audience = self.work_out_audience(request, audience_generation)
        if audience not in AUDIENCES:
            return self.get_response(request)  # DRF answers a bad token; mixed rights: uncached
        request.audience = audience
        key = page_key(request, audience)
        if audience != guess:  # a second round trip, only when the guess was wrong
            found.update(self.safely(lambda: cache.get_many([key])) or {})
        generation = found[generations.GENERATION_KEY]
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return self.rebuild(entry, audience)
        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            self.mark(request, response, audience)
            response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
            response["Last-Modified"] = http_date()
            # PublicPageCacheMiddleware stores it with the headers the outer middleware add.
            request.otscoop_entry = (key, generation)
            response["X-Cache"] = "miss"
            response["X-Audience"] = audience
        return response

    # --- Audiences ---------------------------------------------------------------------------

    @staticmethod
    def reader_key(request):
        """The cache key of what says who reads: the token's audience entry, or the session
        (the `cached_db` engine keeps it in the cache); None for a reader with neither;
        NOT_OURS for another authentication scheme (never cached)."""
        # Only the API reads tokens; the website's views ignore the header.
        header = request.path.startswith(API_PREFIX) and get_authorization_header(request).split()
        if header:
            if len(header) != 2 or header[0].lower() != b"token":
                return NOT_OURS
            request.otscoop_token = header[1].decode("latin-1")
            return token_audience_key(request.otscoop_token)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        # Another session engine has no cache key: the session is then read the usual way.
        return getattr(request.session, "cache_key", "")

    @staticmethod
    def stored_audience(request, reader_key, found):
        """(audience generation, audience) as last worked out, without a query;
        (ALWAYS_CURRENT, PUBLIC) for a reader without a token or a signed-in session."""
        if reader_key is None:
            return ALWAYS_CURRENT, PUBLIC
        stored = found.get(reader_key)
        if getattr(request, "otscoop_token", None) is not None:
            return tuple(stored) if stored else (None, INVALID)
        # The session as the `cached_db` engine keeps it in the cache (a dict); not there
        # (expired from the cache, another engine): read through the session itself.
        session = stored if isinstance(stored, dict) else request.session
        if SESSION_KEY not in session:
            return ALWAYS_CURRENT, PUBLIC
        audience = session.get(SESSION_AUDIENCE)
        return tuple(audience) if audience else (None, None)

    def work_out_audience(self, request, audience_generation):
        token = getattr(request, "otscoop_token", None)
        if token is not None:
            try:
                user, _token = TokenAuthentication().authenticate_credentials(token)
            except AuthenticationFailed:
                audience = INVALID
            else:
                audience = audience_of_user(user)
            stored = [audience_generation, audience]
            self.safely(lambda: cache.set(token_audience_key(token), stored, TOKEN_TIMEOUT))
            return audience
        # `request.user` checks the session against the user's password hash (a changed
        # password signs the session out) and loads the permissions.
        audience = audience_of_user(request.user)
        if request.user.is_authenticated:
            request.session[SESSION_AUDIENCE] = [audience_generation, audience]
        return audience

    # --- Requests and responses --------------------------------------------------------------

    @staticmethod
    def is_cacheable_request(request) -> bool:
        if request.method != "GET" or not request.path.startswith(CACHED_PREFIXES):
            return False
        if request.path.startswith(API_PREFIX):
            # JSON or CSV only: the browsable API (HTML) is never cached.
            requested_format = request.GET.get("format")
            if requested_format is not None:
                return requested_format in CACHED_API_FORMATS
            return "text/html" not in request.headers.get("Accept", "")
        return True

    @staticmethod
    def is_cacheable_response(request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page that holds a CSRF token holds something of this user's.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def mark(request, response, audience):
        """Tell other caches (a proxy, the browser) what the response depends on: who reads
        (the session cookie or the token) and, outside the language prefixes, Accept-Language —
        and keep staff responses out of shared caches. The language is named here, not only
        by LocaleMiddleware on the way out: an anonymous hit is served before it runs."""
        vary = ["Cookie", "Authorization"]
        if translation.get_language_from_path(request.path_info) is None:
            vary.append("Accept-Language")
        patch_vary_headers(response, vary)
        response.headers.setdefault("Content-Language", translation.get_language())
        if audience == STAFF:
            patch_cache_control(response, private=True)

    @staticmethod
    def rebuild(entry, audience) -> HttpResponse:
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        if audience == STAFF:
            patch_cache_control(response, private=True)
        response["X-Cache"] = "hit"
        response["X-Audience"] = audience
        return response

    @staticmethod
    def safely(action):
        try:
            return action()
        except Exception:  # a cache outage only costs the next rendering
            logger.warning("cache unavailable", exc_info=True)
            return None
