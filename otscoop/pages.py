"""Building blocks of the public pages shared by both apps."""

from functools import cache

from django.forms.renderers import Jinja2
from django_filters.views import FilterView

from .pagination import CachedCountPaginator

PAGE_SIZE = 25


class PaginatedMixin:
    """Pages of a list view whose cost does not grow with the table: the row count comes from
    the shared cache, and the page links are a window around the current page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = CachedCountPaginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            # A window around the current page, not one link per page: the page links cost
            # the same with 4 pages or 4,000.
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

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # Django's own widget templates, rendered by Jinja2: the same markup, and the selects'
        # options (states, councils, kinds) no longer cost a template include each.
        filterset.form.renderer = filter_form_renderer()
        return filterset

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


@cache
def filter_form_renderer():
    return Jinja2()


def last_updated(records):
    """The latest `updated_at` among records already loaded (no extra query)."""
    stamps = [record.updated_at for record in records if getattr(record, "updated_at", None)]
    return max(stamps) if stamps else None
