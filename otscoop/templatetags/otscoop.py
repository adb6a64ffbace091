"""Template helpers of the public pages: language alternates, pagination links, and the small
pieces every row repeats (a state with its flag, a date at its precision).

The row pieces are tags rather than `{% include %}`s: an include costs a context push and a
template's worth of node rendering per use, and a list page uses them 50 times.
"""

from django import template
from django.conf import settings
from django.template import engines
from django.template.defaultfilters import date as date_filter
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language_info, gettext

from otscoop.choices import DatePrecision
from otscoop.links import view_url
from otscoop.pages import last_updated

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language: [{code, name, url, is_current}].

    Used for the language switcher (which keeps the page) and the hreflang alternates.
    """
    request = context["request"]
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        translated = path if code == current else translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": request.build_absolute_uri(translated),
                "path": translated,
                "is_current": code == current,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def nav_item(context, name, label, detail=None):
    """A main-navigation link; `aria-current` marks the page it names ("page") or one of its
    detail pages (`detail`: "true")."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = match.view_name if match else None
    if current == name:
        marker = mark_safe(' aria-current="page"')
    elif detail and current == detail:
        marker = mark_safe(' aria-current="true"')
    else:
        marker = ""
    return format_html('<li><a href="{}"{}>{}</a></li>', view_url(name), marker, label)


@register.simple_tag
def state_link(state, link=True):
    """A state's flag and name, linked to its page unless `link=False`; nothing without one.

    Written out rather than through `format_html` (the same escaping): a list calls it per row.
    """
    if not state:
        return ""
    flag = conditional_escape(state.flag)
    name = conditional_escape(state.name)
    if link is False:
        return SafeString(
            f'<span class="state"><span class="flag" aria-hidden="true">{flag}</span> {name}</span>'
        )
    url = conditional_escape(state.get_absolute_url())
    return SafeString(
        f'<a class="state" href="{url}"><span class="flag" aria-hidden="true">{flag}</span> '
        f"{name}</a>"
    )


# The machine-readable form of a partial date: no made-up day or month.
DATETIME_AT_PRECISION = {
    DatePrecision.YEAR: "%Y",
    DatePrecision.MONTH: "%Y-%m",
    DatePrecision.APPROXIMATE: "%Y-%m",
}


@register.simple_tag
def partial_date(value, precision, text):
    """`<time datetime="…">text</time>`: the date as read (`text`), and as ISO 8601 at its
    precision for machines; nothing without a date."""
    if not value:
        return ""
    iso = conditional_escape(value.strftime(DATETIME_AT_PRECISION.get(precision, "%Y-%m-%d")))
    return SafeString(f'<time datetime="{iso}">{conditional_escape(text)}</time>')


@register.simple_tag
def page_url(query_without_page, page_number):
    """A link to another page of a filtered list that keeps the filters."""
    prefix = f"{query_without_page}&" if query_without_page else ""
    return f"?{prefix}page={page_number}"


@register.simple_tag
def last_updated_note(value=None, records=None):
    """ "Last updated:" and the date of `value`, or of the latest `updated_at` among `records`
    (already loaded); nothing without one."""
    if not value and records:
        value = last_updated(records)
    if not value:
        return ""
    value = template_localtime(value)
    return format_html(
        '\n<p class="last-updated">{} <time datetime="{}">{}</time></p>\n',
        gettext("Last updated:"),
        date_filter(value, "Y-m-d"),
        date_filter(value, "DATE_FORMAT"),
    )


# --- Pieces rendered by Jinja2 (templates/jinja2/, see otscoop/jinja2.py) ---------------------


def _jinja(template_name: str, context: dict) -> str:
    template = engines["jinja2"].get_template(template_name)
    return mark_safe(template.render(context))  # autoescaped by Jinja2


def _rows(template_name: str, records, **options) -> str:
    return _jinja(template_name, {"records": records, **options})


@register.simple_tag(takes_context=True)
def filter_form(context):
    """A list page's filter form, with the filters it could not apply named."""
    names = ("request", "filter", "filter_errors", "is_filtered")
    return _jinja("includes/filters.html", {name: context.get(name) for name in names})


@register.simple_tag(takes_context=True)
def pagination(context):
    """Links to the previous, next and nearby pages of a list, keeping its filters."""
    names = ("is_paginated", "page_obj", "paginator", "page_numbers", "query_without_page")
    return _jinja("includes/pagination.html", {name: context.get(name) for name in names})


@register.simple_tag
def meeting_items(meetings, show_council=True):
    """`<li>` rows of meetings: title, dates, place, kind, council, status, theme."""
    return _rows("rows/meetings.html", meetings, show_council=show_council)


@register.simple_tag
def statement_items(statements, show_council=False, show_topics=False, show_summary=False):
    """`<li>` rows of joint statements: title, date, kind, and on request the council, the
    topics (prefetch them) and the start of the summary."""
    return _rows(
        "rows/statements.html",
        statements,
        show_council=show_council,
        show_topics=show_topics,
        show_summary=show_summary,
    )
