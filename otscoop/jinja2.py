"""The Jinja2 environment of the row templates and list pieces (`templates/jinja2/`).

The records every list repeats — a meeting, a statement — and the pieces every list page has
(its filter form, its page links) are rendered by Jinja2, which costs a fraction of what
Django's template language costs (see bench/RESULTS.md); the pages around them stay Django
templates and call them through tags (`{% meeting_items %}`, `{% filter_form %}`). They use
the same helpers as the Django templates, and `_()` for translations (which
`makemessages` finds, as it does in Django templates).
"""

from django.utils.text import Truncator
from django.utils.translation import gettext
from jinja2 import Environment


def truncatewords(value, count):
    return Truncator(value).words(count, truncate=" …")


def environment(**options):
    from .templatetags.otscoop import page_url, partial_date, state_link

    env = Environment(**options)
    env.globals.update(
        _=gettext, page_url=page_url, partial_date=partial_date, state_link=state_link
    )
    env.filters["truncatewords"] = truncatewords
    return env
