"""Create the Secretariat's editor and viewer groups with permissions on every content model."""

from django.db import migrations

from otscoop.groups import remove_secretariat_groups, sync_secretariat_groups


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("otscoop", "0001_initial"),
        ("memberships", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_secretariat_groups, remove_secretariat_groups)]
