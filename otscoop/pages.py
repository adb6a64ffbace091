"""Building blocks of the public pages shared by both apps."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject, cached_property
from django_filters.views import FilterView

PAGE_SIZE = 25
# A record page's section (a council's meetings, a state's candidacies ...) shows this many of
# the latest rows and links to the whole filtered list.
SECTION_ROWS = 25
# Lists count their rows up to this many; a longer list says "more than 10,000" and pages
# through its first 10,000 (the filters narrow it down to the rest). Counting every row would
# make each page of a list cost more as the table grows (5 ms at 100,000 meetings).
COUNT_LIMIT = 10_000


class LatestRows:
    """The first `size` records of a queryset, built and read when a template first uses them
    (so a section served from a cached fragment costs nothing); one row more is read to know
    whether there are more (`more`), so a section never counts a whole table. `queryset` may be
    a function that returns it.

    `versions`: the columns that say whether a row changed (its `pk` and `updated_at`, and those
    of the records it shows, e.g. `meeting__updated_at`): `versions` reads only those, for the
    key of a cached fragment (otscoop/fragments.py) that shows the rows."""

    def __init__(self, queryset, size: int, versions=("pk", "updated_at")):
        self.queryset = queryset
        self.size = size
        self.version_fields = versions

    @cached_property
    def built(self):
        return self.queryset() if callable(self.queryset) else self.queryset

    @cached_property
    def rows(self) -> list:
        return list(self.built[: self.size + 1])

    @cached_property
    def versions(self) -> str:
        """The version columns of the rows, as one string (one small query). Aggregates (the
        latest `updated_at` of related records) are computed over the rows shown only."""
        if all(isinstance(field, str) for field in self.version_fields):
            return repr(list(self.built.values_list(*self.version_fields)[: self.size + 1]))
        shown = self.built.values("pk")[: self.size + 1]
        rows = self.built.model.objects.filter(pk__in=shown).order_by("pk")
        return repr(list(rows.values_list(*self.version_fields)))

    def __iter__(self):
        return iter(self.rows[: self.size])

    def __getitem__(self, index):
        # A template's `rows.versions` tries `rows["versions"]` first: that must not read them.
        if not isinstance(index, int | slice):
            raise TypeError(f"{type(self).__name__} indices are integers or slices")
        return self.rows[: self.size][index]

    def __len__(self):
        return min(len(self.rows), self.size)

    def __bool__(self):
        return bool(self.rows)

    @property
    def more(self) -> bool:
        return len(self.rows) > self.size


def lazy_list(queryset) -> SimpleLazyObject:
    """The records of what `queryset` (a function) returns, read when a template first uses them:
    a section of a page served from a cached fragment (otscoop/fragments.py) costs no query."""
    return SimpleLazyObject(lambda: list(queryset()))


def latest_rows(context: dict, name: str, queryset, size: int = SECTION_ROWS, **options) -> None:
    """The first `size` records of `queryset` (or of what a function returns) as `name` (a
    LatestRows: read when first used), and `name_more`: whether there are more."""
    rows = LatestRows(queryset, size, **options)
    context[name] = rows
    context[f"{name}_more"] = SimpleLazyObject(lambda: rows.more)


class CountLimitPaginator(Paginator):
    """Django's Paginator, counting a queryset's rows only up to COUNT_LIMIT + 1: the count
    stops at the limit, whatever the size of the table."""

    count_limit = COUNT_LIMIT

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return super().count
        rows = self.object_list.order_by().values("pk")
        return rows[: self.count_limit + 1].count()

    @property
    def is_limited(self) -> bool:
        """Whether the list holds more rows than were counted."""
        return self.count > self.count_limit


class PaginatedMixin:
    """Pages of a list view: an impossible page number shows the nearest page rather than an
    error, the page links are a window around the current page, and rows are counted up to
    COUNT_LIMIT."""

    paginator_class = CountLimitPaginator

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            # A window around the current page, not one link per page: a list of 4,000 pages
            # gets a dozen links.
            context["page_numbers"] = list(
                page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class FilteredListView(PaginatedMixin, FilterView):
    """A list page filtered by a shared FilterSet, 25 a page.

    Bad parameters never fail the page: an invalid filter is reported by name on the page and
    left out (the valid ones still apply), and an impossible page number shows the nearest page.
    """

    paginate_by = PAGE_SIZE
    strict = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        context["filter_errors"] = [
            (filterset.form[name].label, errors) for name, errors in filterset.errors.items()
        ]
        query = self.request.GET.copy()
        query.pop("page", None)
        context["is_filtered"] = any(
            value for name, value in query.items() if name in filterset.filters
        )
        return context


def last_updated(records):
    """The latest `updated_at` among records already loaded (no extra query)."""
    stamps = [record.updated_at for record in records if getattr(record, "updated_at", None)]
    return max(stamps) if stamps else None
