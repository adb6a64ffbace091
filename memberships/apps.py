from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipsConfig(AppConfig):
    """States, their OTS membership, organizations, candidacies and observer status."""

    name = "memberships"
    verbose_name = _("States and organizations")
