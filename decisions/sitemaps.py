"""Sitemap section of the decisions: published decisions of published meetings."""

from events.sitemaps import I18nSitemap

from .models import Decision


class DecisionSitemap(I18nSitemap):
    def items(self):
        return Decision.objects.public().only("pk", "updated_at").order_by("pk")
