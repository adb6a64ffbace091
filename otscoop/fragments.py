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
- `{% rows records "includes/meeting_row.html" %}`: a list's rows, read in one round trip; what
  each row template calls its record and which models it shows is declared once, in
  `ROW_TEMPLATES`.

Both tags are in otscoop/templatetags/fragments.py.
"""

import hashlib
import logging

from django.utils.translation import get_language

from otscoop import cache as generations

logger = logging.getLogger(__name__)

# Each row template: the name under which it sees its record, and the models it shows besides the
# record itself (a row is stale when one of them changes). A row template is declared here once,
# so no list that shows it can forget a model.
ROW_TEMPLATES = {
    "includes/meeting_row.html": ("meeting", "events.council memberships.place memberships.state"),
    "includes/statement_row.html": ("statement", "events.council events.topic"),
    "includes/summit_row.html": (
        "summit",
        "events.council memberships.place memberships.state events.document"
        " decisions.decision decisions.decisionstep",
    ),
    "includes/decision_row.html": (
        "decision",
        "events.meeting events.council memberships.place memberships.state"
        " memberships.organization",
    ),
    "includes/document_row.html": (
        "document",
        "events.meeting events.jointstatement events.council memberships.place memberships.state",
    ),
}

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


def row_template(template_name: str) -> tuple[str, str]:
    """The name a row template gives its record and the models it shows (ROW_TEMPLATES)."""
    try:
        return ROW_TEMPLATES[template_name]
    except KeyError:
        raise ValueError(
            f"{template_name!r} is not a row template: declare it in ROW_TEMPLATES"
        ) from None


def row_keys(request, records, template_name: str, options: dict) -> list | None:
    """Each record's row key: the row template and its options, the record (model, pk and
    `updated_at`), the audience, the language and the generations of the models the row shows
    besides its record (ROW_TEMPLATES); None when nothing may be cached, or when a record was
    read without its `updated_at` (reading it would cost a query per row)."""
    models = row_template(template_name)[1]
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
