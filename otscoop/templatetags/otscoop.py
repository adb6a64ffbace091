"""Template helpers of the public pages: language alternates, the main navigation, page links,
and the small pieces rows repeat (a state with its flag, a date at its precision).
"""

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import linebreaks_filter
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import get_language_info, gettext

from otscoop import translated
from otscoop.dates import iso_partial_date
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
    return format_html('<li><a href="{}"{}>{}</a></li>', reverse(name), marker, label)


@register.simple_tag
def flag(state):
    """A state's flag (an SVG image), decorative: its name always stands beside it."""
    path = state.flag_path if state else ""
    if not path:
        return ""
    return format_html(
        '<img class="flag" src="{}" alt="" width="20" height="15" loading="lazy">', static(path)
    )


@register.simple_tag
def state_link(state, link=True):
    """A state's flag and name, linked to its page unless `link=False`; nothing without one."""
    if not state:
        return ""
    if link is False:
        return format_html('<span class="state">{} {}</span>', flag(state), state.name)
    return format_html(
        '<a class="state" href="{}">{} {}</a>', state.get_absolute_url(), flag(state), state.name
    )


@register.simple_tag
def partial_date(value, precision, text):
    """`<time datetime="…">text</time>`: the date as read (`text`), and as ISO 8601 at its
    precision for machines; nothing without a date."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', iso_partial_date(value, precision), text)


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


@register.simple_tag
def text(record, field, paragraphs=False, words=0, first_upper=False):
    """A translated text of `record` as the page's reader sees it (otscoop/translated.py): the
    text of the page's language, or one composed in it; a fallback in another language carries
    that language's `lang` and a small mark ("in English"). `paragraphs` keeps the text's line
    breaks as paragraphs; `words` shortens it to that many words; `first_upper` capitalizes its
    first letter."""
    shown = translated.shown(record, field)
    value = shown.text
    if first_upper:
        value = capfirst(value)
    if words:
        value = Truncator(value).words(words, truncate=" …")
    if paragraphs:
        body = linebreaks_filter(value, autoescape=True)
        if not shown.fallback:
            return body
        return format_html(
            '<div lang="{}">{}</div><p class="fallback-mark">({})</p>',
            shown.language,
            body,
            shown.mark,
        )
    if not shown.fallback:
        return value
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-mark">({})</span>',
        shown.language,
        value,
        shown.mark,
    )


@register.filter
def shown(record, field):
    """The text of `record`'s translated `field` as the page's reader sees it, as plain text (for
    a page's <title> and description, where no mark fits): see the `text` tag."""
    return translated.shown(record, field).text
