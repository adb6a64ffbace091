"""Template helpers of the public pages: language alternates and pagination links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

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
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": request.build_absolute_uri(translate_url(path, code)),
                "path": translate_url(path, code),
                "is_current": code == current,
            }
        )
    return alternates


@register.simple_tag
def page_url(query_without_page, page_number):
    """A link to another page of a filtered list that keeps the filters."""
    prefix = f"{query_without_page}&" if query_without_page else ""
    return f"?{prefix}page={page_number}"
