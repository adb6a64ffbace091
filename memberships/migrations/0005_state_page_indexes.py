"""A state page's support given, latest first, read straight off an index."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("memberships", "0004_candidacy_search_document"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="candidacysupport",
            index=models.Index(
                fields=["supporting_state", "-declared_on", "-id"], name="memberships_support_given"
            ),
        ),
    ]
