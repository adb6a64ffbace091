"""Fast links to records by slug: `reverse()` once per view, language and prefix, then reuse.

A list page links every row (and its state, its council ...); `reverse()` costs ~50 µs a call,
most of a row's Python time. A slug is `[-a-zA-Z0-9_]+`, which a URL carries as it is, so the
link is the reversed pattern with the slug put in place of a placeholder — exactly what
`reverse()` returns. Anything else goes through `reverse()` itself (and fails as it would).
"""

import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

SLUG = re.compile(r"[-a-zA-Z0-9_]+")
PLACEHOLDER = "0otscoop0slug0"
_patterns: dict[tuple, tuple[str, str]] = {}
_urls: dict[tuple, str] = {}


def _key(viewname: str) -> tuple:
    return (viewname, get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def view_url(viewname: str) -> str:
    """`reverse(viewname)` of a view without arguments (the navigation's links), kept per
    language and prefix."""
    key = _key(viewname)
    url = _urls.get(key)
    if url is None:
        url = _urls[key] = reverse(viewname)
    return url


def slug_url(viewname: str, slug: str) -> str:
    """`reverse(viewname, kwargs={"slug": slug})`, without resolving the pattern per call."""
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return reverse(viewname, kwargs={"slug": slug})
    key = _key(viewname)
    parts = _patterns.get(key)
    if parts is None:
        before, found, after = reverse(viewname, kwargs={"slug": PLACEHOLDER}).partition(
            PLACEHOLDER
        )
        if not found or PLACEHOLDER in after:  # not a plain slug segment: never shortcut
            return reverse(viewname, kwargs={"slug": slug})
        parts = _patterns[key] = (before, after)
    return f"{parts[0]}{slug}{parts[1]}"
