"""Routes of the decisions API; otscoop.api.urls registers them under /api/v1/."""

from . import views

# (resource path = basename, viewset)
routes = [
    ("decisions", views.DecisionViewSet),
    ("decision-steps", views.DecisionStepViewSet),
]
