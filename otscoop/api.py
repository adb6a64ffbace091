"""Building blocks of the REST API shared by both apps (NetBox style: thin viewsets on top).

- `ApiViewSet`: the base viewset. Anonymous clients (and users without the model's `view_`
  permission) see published records only; drafts are 404 for them. Writes are atomic, and
  database refusals become 400 / 409 instead of 500.
- `ApiPagination`, `?lang=` (or else `Accept-Language`: the language of the response), the API
  root and the JSON 404 of unknown paths.

The rest of the API's base lives beside it: serializers (`ApiModelSerializer`) in
`otscoop.api_serializers`, their fields (`BriefRelatedField` ...) in `otscoop.api_fields`,
renderers (JSON, CSV) in `otscoop.api_renderers`, the OpenAPI schema in `otscoop.api_schema`,
filtering (`ApiFilterSet`, ordering and search) in `otscoop.api_filters`.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, routers, status, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .api_fields import has_view_permission
from .api_filters import ApiOrderingFilter, ApiSearchFilter
from .api_renderers import CSV_MAX_ROWS, CSVRenderer, EscapedJSONRenderer
from .api_schema import LANGUAGE_QUERY_PARAM, ApiAutoSchema

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


# --- Language ------------------------------------------------------------------------------


def requested_language(request) -> str | None:
    """The language asked for with `?lang=`, or None; an unknown code is a 400 naming `lang`."""
    code = request.query_params.get(LANGUAGE_QUERY_PARAM)
    if not code:
        return None
    languages = [language for language, _name in settings.LANGUAGES]
    if code not in languages:
        raise exceptions.ValidationError(
            {
                LANGUAGE_QUERY_PARAM: [
                    _("Unknown language; use one of: %(languages)s.")
                    % {"languages": ", ".join(languages)}
                ]
            }
        )
    return code


def reject_null_characters(request):
    """NUL cannot be stored or compared in PostgreSQL text: refuse it up front with a 400."""
    for name, values in request.query_params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            key = name.replace("\x00", "") or "query"
            raise exceptions.ValidationError({key: [_("Null characters are not allowed.")]})


# --- Pagination, ordering, search -----------------------------------------------------------


class ApiPagination(PageNumberPagination):
    """`?page=` and `?page_size=` (default 25; larger values are capped at 100)."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_number(self, request, paginator):
        number = super().get_page_number(request, paginator)
        if isinstance(number, int):  # "last", or no page asked for
            return number
        try:
            valid = int(number) >= 1
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise exceptions.ValidationError(
                {self.page_query_param: [_("A page number is a whole number from 1.")]}
            )
        return number

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": _("Number of records that match, on all pages."),
            "next": _("URL of the next page; null on the last."),
            "previous": _("URL of the previous page; null on the first."),
            "results": _("The records of this page."),
        }
        for name, description in descriptions.items():
            paginated["properties"][name]["description"] = str(description)
        return paginated

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    _("Page number, from 1. A page past the last one is a 404; `last` works too.")
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    _(
                        "Results per page: %(default)s by default, at most %(max)s "
                        "(larger values are capped)."
                    )
                    % {"default": DEFAULT_PAGE_SIZE, "max": MAX_PAGE_SIZE}
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


# --- Views -----------------------------------------------------------------------------------


def keep_negotiated_response_private(request, response):
    """A response whose format the Accept header chose (the browsable API's HTML, or CSV) is
    private: the shared page cache keys by URL, not by Accept header, so it must not serve it
    to other clients of the URL."""
    renderer = getattr(response, "accepted_renderer", None)
    negotiated = api_settings.URL_FORMAT_OVERRIDE not in request.query_params
    if renderer is not None and not isinstance(renderer, JSONRenderer) and negotiated:
        patch_cache_control(response, private=True)


class ApiRootView(routers.APIRootView):
    """The resources of the API, each with the URL of its list."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        keep_negotiated_response_private(request, response)
        return response


@csrf_exempt  # it changes nothing; a write to an unknown path is a 404 like any other
def api_not_found(request, path=""):
    """Any other path under /api/: a JSON 404, so that clients always get JSON; or the slash
    redirect Django's CommonMiddleware would have given for a path missing its final slash."""
    if not request.path.endswith("/"):
        try:
            match = resolve(f"{request.path}/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Other records refer to this one; change or delete them first.")
    default_code = "conflict"


class ApiViewSet(viewsets.ModelViewSet):
    """Base of every API resource. Subclasses state `serializer_class`, `filterset_class`,
    `search_fields`, `ordering_fields`, and `get_queryset()` with its related loading.

    Rules kept here: drafts only for users with the model's view permission (a draft's detail is
    a 404 for everyone else); `?lang=`; CSV export of the whole filtered list; atomic writes.
    """

    lookup_field = "slug"
    pagination_class = ApiPagination
    filter_backends = [DjangoFilterBackend, ApiSearchFilter, ApiOrderingFilter]
    renderer_classes = [EscapedJSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    schema = ApiAutoSchema()

    def initial(self, request, *args, **kwargs):
        reject_null_characters(request)
        language = requested_language(request)
        if language:
            translation.activate(language)
        super().initial(request, *args, **kwargs)

    def get_renderers(self):
        renderers = super().get_renderers()
        if getattr(self, "action", None) != "list":
            renderers = [
                renderer for renderer in renderers if not isinstance(renderer, CSVRenderer)
            ]
        return renderers

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
            getattr(response, "accepted_renderer", None), CSVRenderer
        ):
            # Errors stay JSON, even for a CSV request.
            response.accepted_renderer = EscapedJSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        response["Content-Language"] = translation.get_language()
        keep_negotiated_response_private(request, response)
        return response

    def has_view_permission(self, model) -> bool:
        return has_view_permission(self.request, model)

    def filter_queryset(self, queryset):
        if hasattr(queryset, "published") and not self.has_view_permission(queryset.model):
            queryset = queryset.published()
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        if not isinstance(request.accepted_renderer, CSVRenderer):
            return super().list(request, *args, **kwargs)
        rows = list(self.filter_queryset(self.get_queryset())[: CSV_MAX_ROWS + 1])
        if len(rows) > CSV_MAX_ROWS:
            raise exceptions.ValidationError(
                {
                    "format": [
                        _("A CSV export holds at most %(max)s rows; narrow the filters.")
                        % {"max": CSV_MAX_ROWS}
                    ]
                }
            )
        serializer = self.get_serializer(rows, many=True)
        return Response(
            serializer.data,
            headers={"Content-Disposition": f'attachment; filename="{self.basename}.csv"'},
        )

    def perform_create(self, serializer):
        self.save_atomically(serializer)

    def perform_update(self, serializer):
        self.save_atomically(serializer)

    def save_atomically(self, serializer):
        try:
            with transaction.atomic():
                serializer.save()
        except IntegrityError as error:
            # Validation checked the constraints; a concurrent write can still break one.
            raise exceptions.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: [
                        _("The database refused the change: %(error)s") % {"error": error}
                    ]
                }
            ) from error

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, RestrictedError) as error:
            related = getattr(error, "protected_objects", None) or error.restricted_objects
            dependents = sorted({str(obj) for obj in list(related)[:10]})
            raise Conflict(
                _("Other records refer to this one: %(records)s.")
                % {"records": "; ".join(dependents)}
            ) from error
