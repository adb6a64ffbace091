from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OtscoopConfig(AppConfig):
    """Shared base models (sources), helpers and project-wide commands."""

    name = "otscoop"
    verbose_name = _("Shared records")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy checks)
        from .cache import connect_signals

        connect_signals()
