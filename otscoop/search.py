"""Full-text search over translated fields: PostgreSQL's text search with a GIN index where the
database is PostgreSQL, a word-by-word `icontains` search elsewhere (SQLite).

Every language column of a translated field is searched, so a Turkish query finds a record
whose Turkish title matches while the page is in English, and the other way round.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q

# "simple": no stemming, the same rules for Turkish, English and Russian text.
SEARCH_CONFIG = "simple"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def localized(*fields: str) -> list[str]:
    """The language columns of translated fields: title → title_tr, title_en, title_ru."""
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


def search_vector(columns: list[str]) -> SearchVector:
    return SearchVector(*columns, config=SEARCH_CONFIG)


def search_index(columns: list[str], name: str) -> GinIndex:
    """A GIN index on exactly the expression `search()` filters on, so PostgreSQL uses it."""
    return GinIndex(search_vector(columns), name=name)


def terms(query: str) -> list[str]:
    return [term for term in query.split() if term]


def search(queryset, columns: list[str], query: str, related=None):
    """Rows of `queryset` that match every word of `query`, in the queryset's own order.

    A word matches when it is in one of `columns`, or when `related(word)` (a Q object on the
    queryset's own columns, e.g. a host state id among those whose name holds the word)
    matches it. There is no relevance ranking on purpose: ranking recomputes the text vector
    of every matching row, which costs seconds at 100,000 rows, while a plain match is read
    from the GIN index and the newest records come first.
    """
    words = terms(query)
    if not words:
        return queryset.none()
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        queryset = queryset.annotate(_search=search_vector(columns))
    condition = Q()
    for word in words:
        if postgresql:
            matches_word = Q(_search=SearchQuery(word, search_type="plain", config=SEARCH_CONFIG))
        else:
            matches_word = Q()
            for column in columns:
                matches_word |= Q(**{f"{column}__icontains": word})
        if related is not None:
            matches_word |= related(word)
        condition &= matches_word
    return queryset.filter(condition)
