"""The Jinja2 environment of the row templates (`templates/jinja2/`).

The records every list repeats — a meeting, a statement — are rendered by Jinja2, which costs a
fraction of what Django's template language costs per row (see bench/RESULTS.md); the pages
around them stay Django templates and call the rows through tags (`{% meeting_item %}`). The
rows use the same helpers as the Django templates, and `_()` for translations (which
`makemessages` finds, as it does in Django templates).
"""

from django.utils.text import Truncator
from django.utils.translation import gettext
from jinja2 import Environment


def truncatewords(value, count):
    return Truncator(value).words(count, truncate=" …")


def environment(**options):
    from .templatetags.otscoop import partial_date, state_link

    env = Environment(**options)
    env.globals.update(_=gettext, partial_date=partial_date, state_link=state_link)
    env.filters["truncatewords"] = truncatewords
    return env
