from django.contrib.sitemaps import Sitemap

from .models import State


class StateSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return State.objects.order_by("pk")

    def lastmod(self, item):
        return item.updated_at
