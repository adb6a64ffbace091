"""Routes of the events API; otscoop.api.urls registers them under /api/v1/."""

from . import views

# (resource path = basename, viewset)
routes = [
    ("councils", views.CouncilViewSet),
    ("meetings", views.MeetingViewSet),
    ("statements", views.JointStatementViewSet),
    ("topics", views.TopicViewSet),
    ("election-missions", views.ElectionObservationMissionViewSet),
    ("documents", views.DocumentViewSet),
    ("secretaries-general", views.SecretaryGeneralViewSet),
]
