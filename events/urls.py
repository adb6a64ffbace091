from django.urls import path

from . import feeds, views
from .alignment import AlignmentView
from .chairmanship import ChairmanshipView
from .documents_page import DocumentDetailView, DocumentListView

app_name = "events"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("documents/", DocumentListView.as_view(), name="document-list"),
    path("documents/<int:pk>/", DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<int:pk>/file/", views.document_file, name="document-file"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    # Before the records' slug routes: "feed" would read as a slug.
    path("meetings/calendar.ics", feeds.meetings_calendar, name="meeting-calendar"),
    path("meetings/feed/", feeds.MeetingFeed(), name="meeting-feed"),
    path("statements/feed/", feeds.StatementFeed(), name="statement-feed"),
    path("statements/alignment/", AlignmentView.as_view(), name="statement-alignment"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("summits/", views.SummitListView.as_view(), name="summit-list"),
    path("chairmanship/", ChairmanshipView.as_view(), name="chairmanship"),
    path("councils/", views.CouncilListView.as_view(), name="council-list"),
    path("councils/<slug:slug>/", views.CouncilDetailView.as_view(), name="council-detail"),
    path("statements/", views.JointStatementListView.as_view(), name="statement-list"),
    path(
        "statements/<slug:slug>/",
        views.JointStatementDetailView.as_view(),
        name="statement-detail",
    ),
    path(
        "secretaries-general/",
        views.SecretaryGeneralListView.as_view(),
        name="secretary-general-list",
    ),
    path(
        "election-missions/",
        views.ElectionObservationMissionListView.as_view(),
        name="election-mission-list",
    ),
    path(
        "election-missions/<slug:slug>/",
        views.ElectionObservationMissionDetailView.as_view(),
        name="election-mission-detail",
    ),
]
