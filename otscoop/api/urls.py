"""The REST API: /api/v1/<resource>/, the OpenAPI schema and its Swagger UI.

Each app lists its resources in `<app>/api/urls.py` as (path, viewset) routes; the router's
basenames equal the paths, so URL names read `meetings-list`, `election-missions-detail`.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from decisions.api.urls import routes as decisions_routes
from events.api.urls import routes as events_routes
from memberships.api.urls import routes as memberships_routes

from .views import ApiRootView, api_not_found


class ApiRouter(DefaultRouter):
    APIRootView = ApiRootView
    include_format_suffixes = False  # `?format=csv` is the one way to ask for CSV


router = ApiRouter()
for prefix, viewset in [*memberships_routes, *events_routes, *decisions_routes]:
    router.register(prefix, viewset, basename=prefix)

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file: the CSP forbids inline code.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^(?P<path>.*)$", api_not_found, name="api-not-found"),
]
