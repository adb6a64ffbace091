from django.urls import path

from . import views

# A state's own page is composed in events (it lists meetings and statements): see the root
# URLconf and events/state_page.py.

app_name = "memberships"

urlpatterns = [
    path("states/", views.StateListView.as_view(), name="state-list"),
    path("candidacies/", views.CandidacyListView.as_view(), name="candidacy-list"),
    path("observer-status/", views.ObserverStatusListView.as_view(), name="observer-status-list"),
]
