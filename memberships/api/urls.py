"""Routes of the memberships API; otscoop.api.urls registers them under /api/v1/."""

from . import views

# (resource path = basename, viewset)
routes = [
    ("states", views.StateViewSet),
    ("memberships", views.MembershipViewSet),
    ("organizations", views.OrganizationViewSet),
    ("candidacies", views.CandidacyViewSet),
    ("observer-statuses", views.ObserverStatusViewSet),
]
