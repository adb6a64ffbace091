"""Who sees what through the API: published records for everyone, drafts and internal rows
only for users with the model's `view_` permission (the Secretariat's editors and viewers)."""

from ..models import Published


def has_view_permission(request, model) -> bool:
    """Whether the request's user has the `view_` permission of `model` (the Secretariat editors
    and viewers, and superusers): it lets them see drafts and internal rows."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def is_visible(instance, request) -> bool:
    if not isinstance(instance, Published) or instance.is_published:
        return True
    return has_view_permission(request, type(instance))


def visible(queryset, request):
    """`queryset` as the request may see it: published records only, unless the user may view
    the model's drafts."""
    if hasattr(queryset, "published") and not has_view_permission(request, queryset.model):
        return queryset.published()
    return queryset
