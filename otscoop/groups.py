"""The Secretariat's two staff groups and their permissions.

Used by data migrations (with the migration's historical `apps`), so that a migration that adds
a content model can bring the groups up to date with one call.
"""

from django.contrib.auth.management import create_permissions

from .cache import CONTENT_APPS

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"


def sync_secretariat_groups(apps, schema_editor=None):
    """Give editors add/change/delete/view and viewers view on every content model."""
    # Permissions are normally created after migrate; create them now for the models so far.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    content_types = [
        content_type
        for content_type in ContentType.objects.filter(app_label__in=CONTENT_APPS)
        if not content_type.model.startswith("historical")
    ]
    permissions = Permission.objects.filter(content_type__in=content_types)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    editors.permissions.add(*permissions)
    viewers.permissions.add(*permissions.filter(codename__startswith="view_"))


def remove_secretariat_groups(apps, schema_editor=None):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, VIEWERS]).delete()
