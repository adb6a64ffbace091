from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from decisions.feeds import DecisionStepFeed
from decisions.sitemaps import DecisionSitemap
from events import feeds
from events.candidacy_page import CandidacyMatrixView
from events.sitemaps import (
    CouncilSitemap,
    DocumentSitemap,
    ElectionObservationMissionSitemap,
    JointStatementSitemap,
    MeetingSitemap,
    PageSitemap,
)
from events.state_page import StateDetailView
from memberships.sitemaps import StateSitemap

from . import views

sitemaps = {
    "pages": PageSitemap,
    "meetings": MeetingSitemap,
    "councils": CouncilSitemap,
    "statements": JointStatementSitemap,
    "documents": DocumentSitemap,
    "election-missions": ElectionObservationMissionSitemap,
    "decisions": DecisionSitemap,
    "states": StateSitemap,
}

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("meetings.ics", feeds.meetings_calendar, name="meetings-ics"),
    path("statements/feed/", feeds.StatementFeed(), name="statement-feed"),
    path("decisions/feed/", DecisionStepFeed(), name="decision-feed"),
    path("admin/", admin.site.urls),
    path("api/", include("otscoop.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Public pages live under a language prefix: /tr/, /en/, /ru/.
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("memberships.urls")),
    path("", include("decisions.urls")),
    # A state's page and the candidacies page gather records of both apps, so they are
    # composed in events.
    path("states/<slug:slug>/", StateDetailView.as_view(), name="state-detail"),
    path("candidacies/", CandidacyMatrixView.as_view(), name="candidacy-list"),
)
