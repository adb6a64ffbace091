"""Give the Secretariat's editor and viewer groups their permissions on the decisions."""

from django.db import migrations

from otscoop.groups import sync_secretariat_groups


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_initial"),
        ("events", "0002_secretariat_groups"),
    ]

    operations = [migrations.RunPython(sync_secretariat_groups, migrations.RunPython.noop)]
