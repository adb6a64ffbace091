from django.urls import path

from . import views
from .feeds import DecisionStepFeed

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.DecisionListView.as_view(), name="decision-list"),
    # The feed in the page's language (also at /decisions/feed/, the root URLconf's).
    path("decisions/feed/", DecisionStepFeed(), name="decision-feed"),
    path("decisions/<int:pk>/", views.DecisionDetailView.as_view(), name="decision-detail"),
]
