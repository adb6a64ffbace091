from django.urls import path

from . import views

# A state's own page and the candidacies page are composed in events (they list meetings,
# statements and documents): see the root URLconf, events/state_page.py and
# events/candidacy_page.py.

app_name = "memberships"

urlpatterns = [
    path("states/", views.StateListView.as_view(), name="state-list"),
    path("observer-status/", views.ObserverStatusListView.as_view(), name="observer-status-list"),
]
