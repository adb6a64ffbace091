"""Full-text search over translated fields: PostgreSQL's text search where the database is
PostgreSQL, a word-by-word `icontains` search elsewhere (SQLite).

Every language column of a translated field is searched, so a Turkish query finds a record
whose Turkish title matches while the page is in English, and the other way round.

On PostgreSQL each searched table has a stored generated column, `search_document`: the
`tsvector` of its search columns, kept up to date by the database and indexed with GIN
(`AddSearchDocumentOnPostgreSQL` in `otscoop.migration_operations`). It is not a model field,
so no query selects it; `search()` filters on it through `SearchDocument`.
"""

import dataclasses
import operator
from collections.abc import Callable
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q
from django.db.models.expressions import Col

# "simple": no stemming, the same rules for Turkish, English and Russian text.
SEARCH_CONFIG = "simple"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
DOCUMENT_COLUMN = "search_document"


@dataclasses.dataclass(frozen=True)
class SearchGroup:
    """One kind of record on the search page: its newest matches and their count.

    `queryset` returns the published records in their list order, reading only what the row
    shows; `columns` are the columns searched; `relations` (`field: model`) find a record by
    the name of a state, place or organization it points to. `row_template` (one of
    otscoop.fragments.ROW_TEMPLATES) draws each match; without one the search page has its own
    markup for the group. `document`: the table has a stored search document (PostgreSQL);
    without one, words are looked up with `icontains` on every database.
    """

    key: str
    label: str
    queryset: Callable
    columns: list[str]
    relations: dict = dataclasses.field(default_factory=dict)
    row_template: str = ""
    document: bool = True


# The search page's groups, in the order of the apps that register them in their
# AppConfig.ready() (the core knows no domain app: each app adds its own).
SEARCH_GROUPS: list[SearchGroup] = []


def register_search_group(group: SearchGroup) -> None:
    """Add a group to the search page (once: a second registration of its key replaces it)."""
    SEARCH_GROUPS[:] = [known for known in SEARCH_GROUPS if known.key != group.key]
    SEARCH_GROUPS.append(group)


def localized(*fields: str) -> list[str]:
    """The language columns of translated fields: title → title_tr, title_en, title_ru."""
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


def _document_field() -> SearchVectorField:
    field = SearchVectorField()
    field.set_attributes_from_name(DOCUMENT_COLUMN)
    return field


class SearchDocument(Expression):
    """The queryset's own table's `search_document` column (PostgreSQL only)."""

    output_field = _document_field()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, **kw):
        # A column of the query's base table, relabelled like any other if the query nests.
        # The field belongs to that model (as a real field would), so that `.count()` and
        # other aggregations over the filtered queryset can inspect it.
        field = _document_field()
        field.model = query.model
        return Col(query.get_initial_alias(), field)


def ids_named(model, word):
    """Ids of the (few) records of `model` — states, organizations — whose name, in any
    language, holds the word, or whose acronym (for a model with one) is the word.

    Looked up first, so that a search can test a plain column of its own table against a short
    list of ids — which keeps the whole condition answerable from indexes.
    """
    condition = Q()
    for column in localized("name"):
        condition |= Q(**{f"{column}__icontains": word})
    if any(field.name == "acronym" for field in model._meta.fields):
        condition |= Q(acronym__iexact=word)
    return tuple(model.objects.filter(condition).values_list("pk", flat=True)[:200])


def related_by_name(relations: dict, named=ids_named):
    """`related` for search(): word → Q(host_state_id__in=[...]) | ... for each
    `field: model` of `relations`, with the ids of the records named so."""

    def related(word):
        condition = Q()
        for field, model in relations.items():
            ids = named(model, word)
            if ids:
                condition |= Q(**{f"{field}__in": ids})
        return condition

    return related


def terms(query: str) -> list[str]:
    return [term for term in query.split() if term]


def search(queryset, columns: list[str], query: str, related=None, prefix=False, document=True):
    """Rows of `queryset` that match every word of `query`, in the queryset's own order.

    A word matches when it is in one of `columns` (on PostgreSQL: in the table's stored search
    document, which holds exactly those columns), or when `related(word)` (a Q object on the
    queryset's own columns, e.g. a host state id among those whose name holds the word)
    matches it. There is no relevance ranking on purpose: the newest records come first, and
    a page of them is read by walking the table's date index (frequent words) or from the GIN
    index (rare words), whichever the planner finds cheaper. With `prefix`, a word also matches
    the words it begins (as the admin's search box and its autocompletes expect: "Bish" finds
    Bishkek); without it, whole words only. Without `document` (a table with no stored search
    document), every database looks for each word with `icontains`, as SQLite does.
    """
    words = terms(query)
    if not words:
        return queryset.none()
    postgresql = document and connection.vendor == "postgresql"
    condition = Q()
    in_document = []  # PostgreSQL: words that can only match the document, tested at once
    for word in words:
        by_relation = related(word) if related is not None else Q()
        if postgresql and not by_relation:
            in_document.append(word)
            continue
        if postgresql:
            matches_word = Q(_search=_document_query([word], prefix))
        else:
            matches_word = Q()
            for column in columns:
                matches_word |= Q(**{f"{column}__icontains": word})
        condition &= matches_word | by_relation
    if in_document:
        condition &= Q(_search=_document_query(in_document, prefix))
    if postgresql:
        # alias(), not annotate(): filter on the document without selecting it.
        queryset = queryset.alias(_search=SearchDocument())
    return queryset.filter(condition)


def _document_query(words: list[str], prefix=False):
    """All the words, as one text-search query (one test of each row's document)."""
    return reduce(operator.and_, (_word_query(word, prefix) for word in words))


def _word_query(word: str, prefix: bool):
    # With `prefix`: the word quoted as one lexeme (nothing in it is tsquery syntax), then
    # `:*`; a word with nothing left to quote is searched as plain text.
    lexeme = word.replace("\\", "")
    if prefix and lexeme:
        quoted = "'{}':*".format(lexeme.replace("'", "''"))
        return SearchQuery(quoted, search_type="raw", config=SEARCH_CONFIG)
    return SearchQuery(word, search_type="plain", config=SEARCH_CONFIG)
