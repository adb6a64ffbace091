from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """The decisions, instructions and commitments adopted at meetings, and their follow-up."""

    name = "decisions"
    verbose_name = _("Decisions and their follow-up")

    def ready(self):
        from otscoop.search import register_search_group

        from .search import GROUP

        register_search_group(GROUP)
