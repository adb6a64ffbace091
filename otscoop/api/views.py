"""The base viewset of the REST API (NetBox style: thin viewsets on top), the API root and the
JSON 404 of unknown paths.

`ApiViewSet`: anonymous clients (and users without the model's `view_` permission) see published
records only; drafts are 404 for them. `?lang=` (or else `Accept-Language`) is the language of
the response. Writes are atomic, and database refusals become 400 / 409 instead of 500.
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
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .filters import ApiOrderingFilter, ApiSearchFilter
from .pagination import ApiPagination
from .renderers import CSV_MAX_ROWS, CSVRenderer, EscapedJSONRenderer
from .schema import LANGUAGE_QUERY_PARAM, ApiAutoSchema
from .visibility import has_view_permission, visible

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
        return super().filter_queryset(visible(queryset, self.request))

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
