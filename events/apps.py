from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Councils, meetings, statements and election observation missions."""

    name = "events"
    verbose_name = _("Councils, meetings and statements")
