from django.urls import path

from . import views

app_name = "memberships"

urlpatterns = [
    path("states/", views.StateListView.as_view(), name="state-list"),
    path("states/<slug:slug>/", views.StateDetailView.as_view(), name="state-detail"),
    path("candidacies/", views.CandidacyListView.as_view(), name="candidacy-list"),
    path("observer-status/", views.ObserverStatusListView.as_view(), name="observer-status-list"),
]
