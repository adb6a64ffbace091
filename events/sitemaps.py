"""Sitemap sections of the events app: published records only, in every language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Council, Document, ElectionObservationMission, JointStatement, Meeting


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


class PageSitemap(I18nSitemap):
    """The list pages themselves."""

    changefreq = "daily"

    def items(self):
        return [
            "events:home",
            "events:meeting-list",
            "events:summit-list",
            "events:council-list",
            "events:statement-list",
            "events:statement-alignment",
            "events:document-list",
            "events:election-mission-list",
            "events:secretary-general-list",
            "events:chairmanship",
            "decisions:decision-list",
            "memberships:state-list",
            "candidacy-list",
            "memberships:observer-status-list",
        ]

    def location(self, item):
        return reverse(item)


class MeetingSitemap(I18nSitemap):
    def items(self):
        return Meeting.objects.published().order_by("pk")


class CouncilSitemap(I18nSitemap):
    def items(self):
        return Council.objects.order_by("pk")


class JointStatementSitemap(I18nSitemap):
    def items(self):
        return JointStatement.objects.published().order_by("pk")


class ElectionObservationMissionSitemap(I18nSitemap):
    def items(self):
        return ElectionObservationMission.objects.published().order_by("pk")


class DocumentSitemap(I18nSitemap):
    """Documents of published meetings and statements."""

    def items(self):
        return Document.objects.public().only("pk", "updated_at").order_by("pk")
