"""Building blocks of the public pages shared by both apps."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django_filters.views import FilterView

PAGE_SIZE = 25
# A record page's section (a council's meetings, a state's candidacies ...) shows this many of
# the latest rows and links to the whole filtered list.
SECTION_ROWS = 25
# Lists count their rows up to this many; a longer list says "more than 10,000" and pages
# through its first 10,000 (the filters narrow it down to the rest). Counting every row would
# make each page of a list cost more as the table grows (5 ms at 100,000 meetings).
COUNT_LIMIT = 10_000


def latest_rows(context: dict, name: str, queryset, size: int = SECTION_ROWS) -> None:
    """The first `size` records of `queryset` as `name`, and `name_more`: whether there are more
    (one row more is read to know, so a section never counts a whole table)."""
    rows = list(queryset[: size + 1])
    context[name] = rows[:size]
    context[f"{name}_more"] = len(rows) > size


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
