"""Building blocks of the public pages shared by both apps."""

from functools import cache

from django.forms.renderers import Jinja2
from django_filters.views import FilterView
from markupsafe import escape

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
        # Django's own widget templates, rendered by Jinja2 (the selects written in Python):
        # the same markup, without a template include per option.
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


SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


class FilterFormRenderer(Jinja2):
    """Django's Jinja2 form renderer, with each select written out in Python.

    A filter form's selects hold some thirty options (councils, states, kinds); Django's
    templates render each through an include of its own. `select_html` writes the markup those
    templates give, byte for byte (tests/test_render_shortcuts.py compares them), from the same
    widget context, so the options, their order and what is selected stay Django's.
    """

    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE:
            html = select_html(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)


def _attrs_html(attrs) -> str:
    """django/forms/widgets/attrs.html: `True` gives a bare attribute, `False` none."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget) -> str | None:
    """django/forms/widgets/select.html for a widget context (None for options drawn by
    another template: the renderer then uses the templates)."""
    parts = [f'<select name="{escape(widget["name"])}"{_attrs_html(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(
                f'\n  <option value="{escape(option["value"])}"{_attrs_html(option["attrs"])}>'
                f"{escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


@cache
def filter_form_renderer():
    return FilterFormRenderer()


def last_updated(records):
    """The latest `updated_at` among records already loaded (no extra query)."""
    stamps = [record.updated_at for record in records if getattr(record, "updated_at", None)]
    return max(stamps) if stamps else None
