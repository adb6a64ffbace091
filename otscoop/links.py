"""Fast links to records by slug or id: `reverse()` once per view, language and prefix, reused.

A list page links every row (and its state, its council ...); `reverse()` costs ~50 µs a call,
most of a row's Python time. A slug is `[-a-zA-Z0-9_]+`, which a URL carries as it is, so the
link is the reversed pattern with the slug put in place of a placeholder — exactly what
`reverse()` returns. Anything else goes through `reverse()` itself (and fails as it would).
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
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
    return lookup_url(viewname, "slug", slug)


def lookup_url(viewname: str, kwarg: str, value) -> str:
    """`reverse(viewname, kwargs={kwarg: value})` for a slug or a whole number (a record's
    key), from the pattern reversed once per view, argument, language and prefix."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, str) and SLUG.fullmatch(value):
        text = value
    else:
        return reverse(viewname, kwargs={kwarg: value})
    key = (*_key(viewname), kwarg)
    parts = _patterns.get(key)
    if parts is None:
        try:
            pattern = reverse(viewname, kwargs={kwarg: PLACEHOLDER})
        except NoReverseMatch:  # a converter that takes no placeholder (<int:pk>)
            return reverse(viewname, kwargs={kwarg: value})
        before, found, after = pattern.partition(PLACEHOLDER)
        if not found or PLACEHOLDER in after:  # not a plain path segment: never shortcut
            return reverse(viewname, kwargs={kwarg: value})
        parts = _patterns[key] = (before, after)
    return f"{parts[0]}{text}{parts[1]}"
