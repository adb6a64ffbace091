"""The generations that make cached entries stale: one for the content, one for who may see it.

Every cached page carries the content *generation* it was rendered at. Saving or deleting any
record (or changing a many-to-many link) increments the generation in the shared cache, so every
entry rendered before becomes stale at once — in every worker process, since the counter lives
in the shared cache (Redis in production; see CACHE_URL).

The *audience generation* does the same for what a session or a token is allowed to see (its
audience, kept with the session or the token: otscoop/page_cache.py): any change to users,
groups, permissions or tokens increments it, so a withdrawn permission counts at the next
request. A login alone (which only stamps `last_login`) does not.
"""

import secrets

from django.apps import apps
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "otscoop:content-generation"
AUDIENCE_GENERATION_KEY = "otscoop:audience-generation"
COUNTERS = (GENERATION_KEY, AUDIENCE_GENERATION_KEY)
CONTENT_APPS = ("otscoop", "memberships", "events")
AUDIENCE_MODELS = ("auth.user", "auth.group", "auth.permission", "authtoken.token")


def first_generation() -> int:
    # A random start rather than 1: after the cache is emptied (Redis restarted or flushed) the
    # counter must not come back to a value an entry or a session still holds.
    return secrets.randbelow(2**48) + 1


def read(*keys) -> dict:
    """Both generations and `keys`, in one round trip to the shared cache; a counter missing
    (a new or emptied cache) is started."""
    found = cache.get_many([*COUNTERS, *keys])
    for counter in COUNTERS:
        if counter not in found:
            cache.add(counter, first_generation(), timeout=None)
            found[counter] = cache.get(counter, 0)
    return found


def current_generation() -> int:
    return read()[GENERATION_KEY]


def current_audience_generation() -> int:
    return read()[AUDIENCE_GENERATION_KEY]


def bump(counter: str) -> None:
    try:
        cache.incr(counter)
    except ValueError:  # no counter yet (new or emptied cache)
        if not cache.add(counter, first_generation(), timeout=None):
            cache.incr(counter)


def invalidate() -> None:
    """Make every cached page stale (in every process sharing the cache)."""
    bump(GENERATION_KEY)


def invalidate_audiences() -> None:
    """Make every session and token work out its audience again."""
    bump(AUDIENCE_GENERATION_KEY)


def now_and_after_commit(function) -> None:
    # Now: this process stops serving old pages at once. After commit: a page rendered by
    # another request between this change and its commit (still showing the old data) is
    # made stale too.
    function()
    transaction.on_commit(function)


def is_content_model(model) -> bool:
    return model._meta.app_label in CONTENT_APPS and not model.__name__.startswith("Historical")


def is_audience_model(model) -> bool:
    return model._meta.label_lower in AUDIENCE_MODELS


def content_changed(sender, **kwargs):
    if is_content_model(sender) or (
        kwargs.get("model") is not None and is_content_model(kwargs["model"])
    ):
        now_and_after_commit(invalidate)


def audience_changed(sender, **kwargs):
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # a login: nothing about what the user may see changed
    if is_audience_model(sender) or (
        kwargs.get("model") is not None and is_audience_model(kwargs["model"])
    ):
        now_and_after_commit(invalidate_audiences)


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        if is_content_model(model):
            handler, name = content_changed, "cache"
        elif is_audience_model(model):
            handler, name = audience_changed, "audience"
        else:
            continue
        post_save.connect(handler, sender=model, dispatch_uid=f"{name}-{model}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"{name}-del-{model}")
    m2m_changed.connect(content_changed, dispatch_uid="cache-m2m")
    m2m_changed.connect(audience_changed, dispatch_uid="audience-m2m")
