"""The generations that make cached entries stale: one for the content, one for who may see it.

Every cached page carries the content *generation* it was rendered at. Saving or deleting any
record (or changing a many-to-many link) increments the generation in the shared cache, so every
entry rendered before becomes stale at once — in every worker process, since the counter lives
in the shared cache (Redis in production; see CACHE_URL).

Each content model also has a generation of its own, moved on by a change to one of its records
(or to a many-to-many link of it): the fragments of a page (otscoop/fragments.py) are cached
under the generations of the models they show, so the page rendered after an edit of a meeting
reuses every fragment that shows no meeting.

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
CONTENT_APPS = ("otscoop", "memberships", "events", "decisions")
MODEL_GENERATION_PREFIX = "otscoop:model-generation:"
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


def model_generation_key(label: str) -> str:
    return f"{MODEL_GENERATION_PREFIX}{label}"


def content_labels() -> list[str]:
    models = apps.get_models(include_auto_created=True)  # the many-to-many link tables too
    return [model._meta.label_lower for model in models if is_content_model(model)]


def model_generations() -> dict[str, int]:
    """{model label: generation} of every content model, in one round trip; a counter missing
    (a new or emptied cache) is started."""
    labels = content_labels()
    found = cache.get_many([model_generation_key(label) for label in labels])
    generations = {}
    for label in labels:
        key = model_generation_key(label)
        if key not in found:
            cache.add(key, first_generation(), timeout=None)
            found[key] = cache.get(key, 0)
        generations[label] = found[key]
    return generations


def invalidate_models(labels) -> None:
    """Make the fragments that show these models stale."""
    for label in labels:
        bump(model_generation_key(label))


def invalidate_everything() -> None:
    """Pages and every fragment (after a restore, say)."""
    invalidate()
    invalidate_models(content_labels())


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
    # A many-to-many change is sent by the link table, with the record changed (`instance`)
    # and the model of the records linked (`model`): all three models changed.
    models = [sender, type(kwargs["instance"]), kwargs.get("model")]
    labels = {model._meta.label_lower for model in models if model and is_content_model(model)}
    if labels:

        def stale():
            invalidate()
            invalidate_models(labels)

        now_and_after_commit(stale)


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
