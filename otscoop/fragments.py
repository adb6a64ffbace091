"""Fragments of a page cached apart from it, in the shared cache, for as long as the records they
show stay the same: the first page rendered after an edit (a miss of the page cache) renders
again only the fragments that show the edited model.

A fragment is keyed by what it shows: the generations of the models it names (otscoop/cache.py:
each content model's generation moves on with any change to one of its records or links), the
audience, the page's address and query (the language prefix among them) and the language. A
row of a list is keyed by its record's `updated_at` instead of its own model's generation, so
an edit of one meeting renders one row again, not the whole list.

- `{% fragment "name" "events.council memberships.state" %}...{% endfragment %}`: a part of a
  page (the filter form, a section of a state's page, the page's header);
- `{% rows records "includes/meeting_row.html" "meeting" "events.council ..." %}`: a list's rows,
  read in one round trip.

Both tags are in otscoop/templatetags/fragments.py.
"""

import hashlib
import logging

from django.utils.translation import get_language

from otscoop import cache as generations

logger = logging.getLogger(__name__)

# As long as a page entry (otscoop/page_cache.py): a fragment no longer used expires.
FRAGMENT_TIMEOUT = 24 * 60 * 60


def request_generations(request) -> dict | None:
    """Every content model's generation, read once per request (on the first fragment); None
    when the cache is down (nothing is cached then)."""
    if request is None:
        return None
    found = getattr(request, "otscoop_model_generations", None)
    if found is None:
        try:
            found = generations.model_generations()
        except Exception:  # the cache being down must not take the page down
            logger.warning("cache unavailable, rendering fragments without it", exc_info=True)
            found = {}
        request.otscoop_model_generations = found
    return found or None


def versions_of(request, models: str) -> str | None:
    """The generations of `models` (labels separated by spaces) as one string; None when nothing
    may be cached."""
    found = request_generations(request)
    if found is None:
        return None
    try:
        return ".".join(str(found[label]) for label in models.split())
    except KeyError as error:
        raise ValueError(f"{error.args[0]!r} is not a content model's label") from None


def fragment_key(request, name: str, models: str, rows: str = "") -> str | None:
    """A fragment's key: its name, the audience, the page (address and query), the language, the
    generations of `models` and `rows` (the versions of the rows it shows, if it names them
    that way instead of by their model's generation); None when nothing may be cached."""
    versions = versions_of(request, models)
    if versions is None:
        return None
    audience = getattr(request, "audience", None)
    varies = f"{request.build_absolute_uri()}|{rows}"
    digest = hashlib.md5(varies.encode(), usedforsecurity=False).hexdigest()
    return f"otscoop:fragment:{name}:{audience}:{get_language()}:{digest}:{versions}"


def row_keys(request, records, template_name: str, models: str, options: dict) -> list | None:
    """Each record's row key: the row template and its options, the record (model, pk and
    `updated_at`), the audience, the language and the generations of `models` (the records the
    row shows besides its own); None when nothing may be cached, or when a record was read
    without its `updated_at` (reading it would cost a query per row)."""
    if any("updated_at" in record.get_deferred_fields() for record in records):
        return None
    versions = versions_of(request, models)
    if versions is None:
        return None
    audience = getattr(request, "audience", None)
    shared = f"{template_name}:{sorted(options.items())}:{audience}:{get_language()}:{versions}"
    digest = hashlib.md5(shared.encode(), usedforsecurity=False).hexdigest()
    return [
        f"otscoop:row:{digest}:{record._meta.label_lower}:{record.pk}:"
        f"{record.updated_at.timestamp()}"
        for record in records
    ]
