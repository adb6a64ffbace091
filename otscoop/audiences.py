"""Who reads a page: the two audiences that share cached pages and API responses.

- **public**: anonymous readers, and signed-in users or tokens that may not see drafts;
- **staff**: users and tokens that may see drafts — the view permission of every model with a
  publication state (Secretariat editors and viewers, superusers). Editors and viewers see the
  same data, so one cached entry serves them all; the admin decides what each may change.

A user with the view permission of some of those models but not all sees data neither audience
sees: `audience_of_user` gives None, and such requests are never served from the cache.
"""

from functools import cache

from django.apps import apps

from .models import Published

PUBLIC = "public"
STAFF = "staff"


@cache
def draft_view_permissions() -> tuple[str, ...]:
    """The view permissions that let a user see drafts: one per model with a publication
    state."""
    return tuple(
        f"{model._meta.app_label}.view_{model._meta.model_name}"
        for model in apps.get_models()
        if issubclass(model, Published)
    )


def audience_of_user(user) -> str | None:
    """PUBLIC, STAFF, or None for a user between the two (never cached)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    granted = [user.has_perm(permission) for permission in draft_view_permissions()]
    if all(granted):
        return STAFF
    if not any(granted):
        return PUBLIC
    return None


def audience(request) -> dict:
    """Context processor: `audience` ("public", "staff" or None) for templates, e.g. to show
    staff an "Open in the admin" link. The page cache sets `request.audience` first; otherwise
    (a page outside the cache) it is worked out from the user."""
    if hasattr(request, "audience"):
        return {"audience": request.audience}
    return {"audience": audience_of_user(getattr(request, "user", None))}
