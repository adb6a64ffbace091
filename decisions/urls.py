from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("decisions/", views.DecisionListView.as_view(), name="decision-list"),
    path("decisions/<int:pk>/", views.DecisionDetailView.as_view(), name="decision-detail"),
]
