"""`load_demo --reset`: delete every record of the site's content before loading the demo afresh.

Content is every model of the content apps (otscoop.cache.CONTENT_APPS) (the demo ledger included)
but their history: each deletion is recorded there, so what was deleted can still be looked up.
Users, groups, API tokens and the admin's log are not content and stay.
"""

from django.apps import apps

from otscoop.cache import CONTENT_APPS, is_content_model
from otscoop.models import DemoRecord


def content_models() -> list:
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if is_content_model(model)
    ]


def content_count() -> int:
    """How many content records there are (the ledger's entries aside: they are not records)."""
    return sum(
        model._meta.default_manager.count() for model in content_models() if model is not DemoRecord
    )


def points_to(model, target) -> bool:
    """Whether a foreign key of `model` (not to itself) refers to `target`."""
    return any(
        field.many_to_one and field.related_model is target and target is not model
        for field in model._meta.concrete_fields
    )


def deletion_order(models: list) -> list:
    """The models, each before those its foreign keys refer to (which PROTECT them)."""
    remaining, ordered = list(models), []
    while remaining:
        free = [m for m in remaining if not any(points_to(o, m) for o in remaining)]
        if not free:
            raise RuntimeError(f"The foreign keys of {remaining} refer to each other in a circle.")
        ordered.extend(free)
        remaining = [m for m in remaining if m not in free]
    return ordered


def delete_content() -> int:
    """Delete every content record (in the caller's transaction); return how many there were."""
    deleted = 0
    for model in deletion_order(content_models()):
        rows = model._meta.default_manager.all()
        # A protected reference to the same model (an organization's parent) goes first.
        for field in model._meta.concrete_fields:
            if field.many_to_one and field.related_model is model and field.null:
                rows.update(**{field.name: None})
        deleted += rows.count()
        rows.delete()
    return deleted
