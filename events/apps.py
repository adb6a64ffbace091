from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Councils, meetings, statements and election observation missions."""

    name = "events"
    verbose_name = _("Councils, meetings and statements")

    def ready(self):
        from otscoop.search import register_search_group

        from .search import GROUPS

        for group in GROUPS:
            register_search_group(group)
