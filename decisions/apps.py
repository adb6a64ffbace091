from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """The decisions, instructions and commitments adopted at meetings, and their follow-up."""

    name = "decisions"
    verbose_name = _("Decisions and their follow-up")
    # Steps the demo loader (events/demo/loader.py) runs after its own, by dotted path: events
    # does not import decisions.
    demo_steps = ["decisions.demo.load_decisions"]

    def ready(self):
        from otscoop.search import register_search_group

        from .search import GROUP

        register_search_group(GROUP)
