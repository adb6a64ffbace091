"""Building blocks of the REST API shared by both apps (NetBox style: thin viewsets on top).

- `ApiViewSet`: the base viewset. Anonymous clients (and users without the model's `view_`
  permission) see published records only; drafts are 404 for them. Writes are atomic, and
  database refusals become 400 / 409 instead of 500.
- `ApiModelSerializer`: validates writes through the model (`full_clean()`), so the API keeps
  the same rules as the admin; choice fields become named enums in the OpenAPI schema.
- `BriefRelatedField`: a relation shown as a brief nested object and written as a slug.
- `ApiPagination`, `CSVRenderer`, `ApiAutoSchema`; filtering (`ApiFilterSet`, ordering and
  search) is in `otscoop.api_filters`, the read path of serializers in `otscoop.api_read`.
- Content language: `?lang=` (or else `Accept-Language`) picks the language of the response.
"""

import copy
import csv
import io
import re

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import ProtectedError, RestrictedError, TextChoices
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent, build_choice_description_list
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from rest_framework import (
    exceptions,
    permissions,
    relations,
    routers,
    serializers,
    status,
    viewsets,
)
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from . import api_read
from .api_filters import ApiOrderingFilter, ApiSearchFilter
from .models import Published, Source
from .pagination import CachedCountPaginator

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# A CSV export holds every filtered row, up to this many; beyond it the client narrows the
# filters (the whole OTS record is a few thousand rows, so this is a guard, not a limit).
CSV_MAX_ROWS = 10_000
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
LANGUAGE_QUERY_PARAM = "lang"


# --- Visibility: published records for the public, drafts for the Secretariat -------------


def has_view_permission(request, model) -> bool:
    """Whether the request's user has the `view_` permission of `model` (the Secretariat editors
    and viewers, and superusers): it lets them see drafts and internal rows."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def is_visible(instance, request) -> bool:
    if not isinstance(instance, Published) or instance.is_published:
        return True
    return has_view_permission(request, type(instance))


# --- Language ------------------------------------------------------------------------------

LANGUAGE_PARAMETER = OpenApiParameter(
    name=LANGUAGE_QUERY_PARAM,
    type=OpenApiTypes.STR,
    location=OpenApiParameter.QUERY,
    enum=[code for code, _name in settings.LANGUAGES],
    description=_(
        "Language of translatable texts, labels and displayed dates. Without it, the "
        "Accept-Language header decides; the response's Content-Language names the language."
    ),
)


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

    django_paginator_class = CachedCountPaginator  # the row count is cached per content change
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


# --- Serializer fields -----------------------------------------------------------------------


class BriefManyRelatedField(relations.ManyRelatedField):
    """A list of brief objects that leaves out drafts the client may not see."""

    def to_representation(self, iterable):
        request = self.context.get("request")
        return [
            self.child_relation.to_representation(value)
            for value in iterable
            if is_visible(value, request)
        ]


class BriefRelatedField(relations.SlugRelatedField):
    """A relation read as a brief nested object (id, url, slug, name) and written as a slug.

    A draft the client may not see reads as null (and is left out of lists).
    """

    default_error_messages = {
        "does_not_exist": _("No record with the slug “{value}”."),
        "invalid": _("Give the slug of the record, as a string."),
    }

    def __init__(self, brief_serializer, **kwargs):
        self.brief_serializer = brief_serializer
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in relations.MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return BriefManyRelatedField(**list_kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        if not re.fullmatch(SLUG_PATTERN, data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=data[:100])
        return super().to_internal_value(data)

    @cached_property
    def brief(self):
        # One brief serializer per field and response: its fields are built once, not per row.
        return self.brief_serializer(context=self.context)

    def to_representation(self, value):
        if not is_visible(value, self.context.get("request")):
            return None
        return self.brief.to_representation(value)

    def get_choices(self, cutoff=None):
        # The browsable API's form: options keyed by slug, the value a client writes.
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {getattr(item, self.slug_field): self.display_value(item) for item in queryset}


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = BriefRelatedField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "pattern": SLUG_PATTERN}
        return auto_schema.resolve_serializer(self.target.brief_serializer, direction).ref


class PageUrlField(serializers.Field):
    """The absolute URL of the record's public page, in the response's language.

    `path` gives the page's path for an instance (or None); by default `get_absolute_url()`.
    """

    def __init__(self, path=None, **kwargs):
        self.path = path or (lambda instance: instance.get_absolute_url())
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault(
            "help_text", _("Absolute URL of the record's public page, in the response's language.")
        )
        super().__init__(**kwargs)

    def to_representation(self, instance):
        path = self.path(instance)
        if path is None:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class PageUrlFieldExtension(OpenApiSerializerFieldExtension):
    target_class = PageUrlField

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "format": "uri"}


class EnumChoiceField(serializers.ChoiceField):
    """A choice field that names its TextChoices, so the schema has one enum per choice set."""

    def __init__(self, *, choices_class, **kwargs):
        self.choices_class = choices_class
        super().__init__(choices=choices_class.choices, **kwargs)


class EnumChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EnumChoiceField

    def get_name(self):
        return f"{self.target.choices_class.__name__}Enum"

    def map_serializer_field(self, auto_schema, direction):
        choices_class = self.target.choices_class
        return {
            "type": "string",
            "enum": list(choices_class.values),
            "description": build_choice_description_list(choices_class.choices),
        }


def text_choices_of(model_field):
    """The TextChoices class whose choices the model field uses, or None."""
    choices = [(value, str(label)) for value, label in model_field.flatchoices]
    for choices_class in TextChoices.__subclasses__():
        if [(value, str(label)) for value, label in choices_class.choices] == choices:
            return choices_class
    return None


def display_field(help_text, source=None):
    """A read-only text computed by the model: a `*_display` property, or `get_*_display` as
    `source` for a choice's label (in the response's language)."""
    if source is not None:
        return serializers.CharField(source=source, read_only=True, help_text=help_text)
    return serializers.CharField(read_only=True, help_text=help_text)


# --- Serializers -----------------------------------------------------------------------------


class ApiModelSerializer(serializers.ModelSerializer):
    # Writes pass the model's own validation, as in the admin: `validate()` builds the
    # resulting instance and runs `full_clean()` (field validators, `clean()`, unique and check
    # constraints); Django's errors come back keyed by field. DRF's own unique-together
    # validators are left out: they would duplicate the constraints and make nullable fields
    # required. (A comment, not a docstring: the schema shows each subclass's docstring.)

    def get_validators(self):
        return []

    def to_representation(self, instance):
        # Reading goes through a plan compiled once per class (otscoop.api_read): the same
        # output as DRF's, without building the fields for every response.
        state = api_read.response_state(self.context) if api_read.enabled else None
        plan = api_read.read_plan(type(self)) if state is not None else None
        if plan is None:
            return super().to_representation(instance)
        return plan.represent(instance, state)

    to_representation.uses_read_plan = True

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            try:
                model_field = self.Meta.model._meta.get_field(field.source or name)
            except FieldDoesNotExist:
                continue
            field.model_blank = bool(getattr(model_field, "blank", False)) and isinstance(
                field, serializers.CharField | serializers.ChoiceField
            )
        return fields

    def get_uniqueness_extra_kwargs(self, field_names, declared_fields, extra_kwargs):
        return extra_kwargs, {}

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        # Integer bounds as every database enforces them (SQLite would take any 64-bit value),
        # so that what passes on a laptop also passes on PostgreSQL.
        bounds = BaseDatabaseOperations.integer_field_ranges.get(model_field.get_internal_type())
        if (
            bounds
            and issubclass(field_class, serializers.IntegerField)
            and not field_kwargs.get("read_only")
        ):
            low, high = bounds
            field_kwargs["min_value"] = max(field_kwargs.get("min_value", low), low)
            field_kwargs["max_value"] = min(field_kwargs.get("max_value", high), high)
        if not field_kwargs.get("help_text"):
            field_kwargs["help_text"] = capfirst(model_field.verbose_name)
        if (
            field_class is serializers.ChoiceField
            and not field_kwargs.get("allow_blank")
            and not field_kwargs.get("allow_null")
        ):
            choices_class = text_choices_of(model_field)
            if choices_class is not None:
                field_kwargs.pop("choices")
                field_kwargs["choices_class"] = choices_class
                field_class = EnumChoiceField
        return field_class, field_kwargs

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            if not model._meta.get_field(name).many_to_many:
                setattr(instance, name, value)
        try:
            clean_instance(instance)
        except DjangoValidationError as error:
            raise serializers.ValidationError(model_errors(error)) from error
        return attrs


def clean_instance(instance):
    """`full_clean()`, but a unique constraint's violation is reported on each of its fields
    (Django files a constraint over several fields under "all fields")."""
    errors = {}
    try:
        instance.full_clean(validate_constraints=False)
    except DjangoValidationError as error:
        errors = error.update_error_dict(errors)
    for name, messages in missing_default_translations(instance).items():
        errors.setdefault(name, messages)  # unless the field has errors already
    exclude = {name for name in errors if name != NON_FIELD_ERRORS}
    for model_class, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                constraint.validate(model_class, instance, exclude=exclude)
            except DjangoValidationError as error:
                for name in getattr(constraint, "fields", None) or [NON_FIELD_ERRORS]:
                    errors.setdefault(name, []).extend(error.error_list)
    if errors:
        raise DjangoValidationError(errors)


def missing_default_translations(instance) -> dict:
    """A required translatable text must exist in the default language, as the admin's
    translation tabs require: the others fall back to it (django-modeltranslation)."""
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return {}
    language = modeltranslation_settings.DEFAULT_LANGUAGE
    errors = {}
    for name in options.all_fields:
        if instance._meta.get_field(name).blank:
            continue
        if getattr(instance, build_localized_fieldname(name, language)) in (None, ""):
            errors[name] = [
                DjangoValidationError(
                    _(
                        "This text is required in the default language (%(language)s): write "
                        "it with ?lang=%(language)s first, then its translations."
                    ),
                    params={"language": language},
                    code="required",
                )
            ]
    return errors


def model_errors(error: DjangoValidationError) -> dict:
    """Django's validation errors in DRF's shape: {field: [messages]}."""
    detail = serializers.as_serializer_error(error)
    if NON_FIELD_ERRORS in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
    return detail


class SourceSerializer(serializers.ModelSerializer):
    """A public source a reader can check the record against."""

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "accessed_on"]
        read_only_fields = fields
        extra_kwargs = {
            "url": {"help_text": _("Address of the source.")},
            "publisher": {"help_text": _("Who published the source.")},
            "accessed_on": {"help_text": _("When the source was last read.")},
        }


def sources_field():
    return SourceSerializer(
        many=True,
        read_only=True,
        help_text=_("Public sources a reader can check this record against."),
    )


def url_field(view_name, lookup_field="slug"):
    return serializers.HyperlinkedIdentityField(
        view_name=view_name,
        lookup_field=lookup_field,
        help_text=_("Absolute URL of this record in the API."),
    )


def display_text_field():
    return serializers.CharField(
        source="__str__", read_only=True, help_text=_("The record's name as shown to readers.")
    )


# --- CSV -------------------------------------------------------------------------------------


def csv_cell(value) -> str:
    """A flat CSV cell: a related object by its slug (else by its first related object, URL,
    title, display text or id); lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if value.get("slug"):
            return csv_cell(value["slug"])
        nested = [item for item in value.values() if isinstance(item, dict)]
        if nested:  # e.g. a delegation by its state
            return csv_cell(nested[0])
        for key in ("url", "title", "display", "id"):
            if value.get(key) not in (None, ""):
                return csv_cell(value[key])
        return ""
    if isinstance(value, list):
        return "; ".join(csv_cell(item) for item in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # a cell starting like a formula would run in a spreadsheet
    return str(value)


class CSVRenderer(BaseRenderer):
    """A list as CSV, one row per record (`?format=csv`); the list's filters apply."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data if isinstance(data, list) else [data]
        view = (renderer_context or {}).get("view")
        if view is not None and hasattr(view, "get_serializer"):
            header = [
                name for name, field in view.get_serializer().fields.items() if not field.write_only
            ]
        else:
            header = list(rows[0]) if rows else []
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(row.get(name)) for name in header])
        return buffer.getvalue().encode(self.charset)


# --- Schema ----------------------------------------------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "What went wrong."}},
    "required": ["detail"],
    "description": "An error that concerns the whole request.",
}
VALIDATION_ERROR_SCHEMA = {
    "type": "object",
    "additionalProperties": {
        "type": "array",
        "items": {"oneOf": [{"type": "string"}, {"type": "object"}]},
    },
    "description": (
        "Invalid input: each key names the offending field, query parameter or body field "
        "(`non_field_errors` for rules across fields), with its messages."
    ),
}


SUMMARIES = {
    "list": _("List %(plural)s"),
    "create": _("Create one %(singular)s"),
    "retrieve": _("Read one %(singular)s"),
    "update": _("Replace one %(singular)s"),
    "partial_update": _("Change fields of one %(singular)s"),
    "destroy": _("Delete one %(singular)s"),
}


class ApiAutoSchema(AutoSchema):
    """The schema of `ApiViewSet`s: `lang` on every operation, the error responses, CSV."""

    def get_tags(self):
        return [self.view.basename]

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(field, schema)
        if getattr(field, "model_blank", False):
            # The value may be "" (DRF forgets it for read-only fields): no URI format then,
            # and "" among the choices.
            if isinstance(field, serializers.URLField):
                schema.pop("format", None)
            if "enum" in schema and "" not in schema["enum"]:
                schema["enum"] = [*schema["enum"], ""]

    def get_summary(self):
        template = SUMMARIES.get(getattr(self.view, "action", None))
        if template is None:
            return super().get_summary()
        opts = self.view.get_serializer_class().Meta.model._meta
        return str(template % {"singular": opts.verbose_name, "plural": opts.verbose_name_plural})

    def get_auth(self):
        auths = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})  # reading needs no authentication
        return auths

    def map_parsers(self):
        # JSON is the documented body; forms are accepted for the browsable API only.
        return [JSONParser.media_type]

    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANGUAGE_PARAMETER]

    def _get_format_parameters(self):
        parameters = super()._get_format_parameters()
        for parameter in parameters:
            parameter["description"] = str(
                _(
                    "`csv` exports every filtered row (up to %(max)s) as CSV, without pagination; "
                    "`json` is the default."
                )
                % {"max": CSV_MAX_ROWS}
            )
        return parameters

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        model = self.view.get_serializer_class().Meta.model
        for parameter in parameters:
            if not parameter.get("description"):
                parameter["description"] = str(
                    _("The %(field)s of the %(model)s.")
                    % {"field": parameter["name"], "model": model._meta.verbose_name}
                )
        return parameters

    def _get_response_for_code(
        self, serializer, status_code, media_types=None, direction="response"
    ):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        content = response.get("content", {})
        if CSVRenderer.media_type in content:
            content[CSVRenderer.media_type] = {
                "schema": {
                    "type": "string",
                    "description": "CSV with a header row; related records by slug.",
                }
            }
        return response

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        action = getattr(self.view, "action", None)
        errors = {
            "400": _("Invalid query parameter or body; the body names the field."),
            "401": _("The token or session is not valid."),
        }
        if action in ("create", "update", "partial_update", "destroy"):
            errors["401"] = _("Authentication is needed to write.")
            errors["403"] = _("The user lacks the model permission for this change.")
        if action != "create":
            errors["404"] = (
                _("No such page.") if action == "list" else _("No such record (or not published).")
            )
        if action == "destroy":
            errors["409"] = _("Other records refer to this one; change or delete them first.")
        errors["429"] = _("Too many requests from an anonymous client; retry later.")
        error = self.register_component("Error", ERROR_SCHEMA)
        invalid = self.register_component("ValidationError", VALIDATION_ERROR_SCHEMA)
        for code, description in errors.items():
            # A 400 names fields, or (for a body that is not JSON) gives a detail.
            schema = {"anyOf": [invalid.ref, error.ref]} if code == "400" else error.ref
            content = {"application/json": {"schema": schema}}
            responses.setdefault(code, {"content": content, "description": str(description)})
        return responses

    def register_component(self, name, schema):
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name
        )
        self.registry.register_on_missing(component)
        return component


class EscapedJSONRenderer(JSONRenderer):
    """JSON with "<", ">" and "&" written as \\u escapes.

    The same data for any JSON parser, but text a member of staff typed (say a title holding
    "<script>") can never act as markup if a client pastes the body into a page. These three
    characters only occur inside JSON strings, so replacing them in the output is safe.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


# --- Views -----------------------------------------------------------------------------------


def keep_negotiated_response_private(request, response):
    """A response whose format the Accept header chose (the browsable API's HTML, or CSV) is
    private: the shared page cache (otscoop.cache) keys by URL only, so it must not serve it to
    other clients of the URL."""
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
            request._request.LANGUAGE_CODE = language
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
