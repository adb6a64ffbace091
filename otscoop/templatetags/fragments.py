"""The template tags of otscoop/fragments.py: `{% fragment %}` and `{% rows %}`.

Django's `{% cache %}` tag caches a fragment too, but a cache that is down makes it fail the
page, and it reads one key per fragment; these go on without the cache (as the page cache
does), and `{% rows %}` reads a list's rows in one round trip.
"""

import logging

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from otscoop.fragments import FRAGMENT_TIMEOUT, fragment_key, row_keys, row_template

register = template.Library()
logger = logging.getLogger(__name__)


def cache_call(function, default=None):
    try:
        return function()
    except Exception:  # the cache being down must not take the page down
        logger.warning("cache unavailable, rendering fragments without it", exc_info=True)
        return default


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, models, versions=None):
        self.nodelist = nodelist
        self.name = name
        self.models = models
        self.versions = versions

    def render(self, context):
        request = context.get("request")
        versions = self.versions.resolve(context) if self.versions else ""
        key = request and fragment_key(
            request, self.name.resolve(context), self.models.resolve(context), versions
        )
        if not key:
            return self.nodelist.render(context)
        value = cache_call(lambda: cache.get(key))
        if value is None:
            value = self.nodelist.render(context)
            cache_call(lambda: cache.set(key, value, FRAGMENT_TIMEOUT))
        return mark_safe(value)


@register.tag
def fragment(parser, token):
    """{% fragment "name" "app.model app.model ..." [versions] %} ... {% endfragment %}: cached
    until a record of one of the models named changes, or `versions` (e.g. a LatestRows'
    `versions`: its rows' pk and updated_at) does; the page's path, query and language apart."""
    bits = token.split_contents()
    if len(bits) not in (3, 4):
        raise template.TemplateSyntaxError(
            "{% fragment %} takes the name, the models it shows and, optionally, versions."
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, *(parser.compile_filter(bit) for bit in bits[1:]))


@register.simple_tag(takes_context=True)
def rows(context, records, template_name, **options):
    """Each of `records` rendered with the row template `template_name` (with `options`), from
    the shared cache where the record, the models the row shows (otscoop.fragments.ROW_TEMPLATES)
    and the language are as when it was stored. The row template sees only the record, under
    its declared name, and the options."""
    name = row_template(template_name)[0]
    records = list(records)
    keys = row_keys(context.get("request"), records, template_name, options)
    found = cache_call(lambda: cache.get_many(keys), {}) if keys else {}
    template_object = get_template(template_name)
    html, missing = [], {}
    for index, record in enumerate(records):
        key = keys[index] if keys else None
        value = found.get(key) if key else None
        if value is None:
            value = template_object.render({name: record, **options})
            if key:
                missing[key] = value
        html.append(value)
    if missing:
        cache_call(lambda: cache.set_many(missing, FRAGMENT_TIMEOUT))
    return mark_safe("".join(html))
