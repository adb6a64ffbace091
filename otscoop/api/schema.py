"""The OpenAPI schema of the REST API (drf-spectacular), through its documented hooks only.

`ApiAutoSchema` adds `lang` and describes `format` and the record's path key on every
operation (`get_override_parameters`), and lists the error responses and the CSV export
(`get_response_serializers`). The extensions describe the fields of `otscoop.api.fields`.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent, build_choice_description_list
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import permissions
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings

from .fields import SLUG_PATTERN, BriefRelatedField, EnumChoiceField, PageUrlField
from .renderers import CSV_MAX_ROWS, CSVRenderer

LANGUAGE_QUERY_PARAM = "lang"
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
CSV_SCHEMA = OpenApiTypes.STR  # with a header row; related records by slug

SUMMARIES = {
    "list": _("List %(plural)s"),
    "create": _("Create one %(singular)s"),
    "retrieve": _("Read one %(singular)s"),
    "update": _("Replace one %(singular)s"),
    "partial_update": _("Change fields of one %(singular)s"),
    "destroy": _("Delete one %(singular)s"),
}
WRITES = ("create", "update", "partial_update", "destroy")


# --- Fields ----------------------------------------------------------------------------------


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = BriefRelatedField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "pattern": SLUG_PATTERN}
        return auto_schema.resolve_serializer(self.target.brief_serializer, direction).ref


class PageUrlFieldExtension(OpenApiSerializerFieldExtension):
    target_class = PageUrlField

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "format": "uri"}


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


# --- Operations ------------------------------------------------------------------------------


def error_descriptions(action) -> dict:
    """The error responses an action can give, by status code."""
    errors = {
        "400": _("Invalid query parameter or body; the body names the field."),
        "401": _("The token or session is not valid."),
    }
    if action in WRITES:
        errors["401"] = _("Authentication is needed to write.")
        errors["403"] = _("The user lacks the model permission for this change.")
    if action != "create":
        errors["404"] = (
            _("No such page.") if action == "list" else _("No such record (or not published).")
        )
    if action == "destroy":
        errors["409"] = _("Other records refer to this one; change or delete them first.")
    errors["429"] = _("Too many requests from an anonymous client; retry later.")
    return errors


class ApiAutoSchema(AutoSchema):
    """The schema of `ApiViewSet`s: `lang` on every operation, the error responses, CSV."""

    def get_tags(self):
        return [self.view.basename]

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
        parameters = [*super().get_override_parameters(), LANGUAGE_PARAMETER]
        formats = self.map_renderers("format")
        if api_settings.URL_FORMAT_OVERRIDE and len(formats) > 1:
            parameters.append(
                OpenApiParameter(
                    name=api_settings.URL_FORMAT_OVERRIDE,
                    type=OpenApiTypes.STR,
                    location=OpenApiParameter.QUERY,
                    enum=formats,
                    description=_(
                        "`csv` exports every filtered row (up to %(max)s) as CSV, without "
                        "pagination; `json` is the default."
                    )
                    % {"max": CSV_MAX_ROWS},
                )
            )
        lookup = self.view.lookup_url_kwarg or self.view.lookup_field
        if lookup != "pk" and f"{{{lookup}}}" in self.path:
            model = self.view.get_serializer_class().Meta.model
            parameters.append(
                OpenApiParameter(
                    name=lookup,
                    type=OpenApiTypes.STR,
                    location=OpenApiParameter.PATH,
                    description=_("The %(field)s of the %(model)s.")
                    % {"field": lookup, "model": model._meta.verbose_name},
                )
            )
        return parameters

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        action = getattr(self.view, "action", None)
        if self.method == "DELETE":
            responses = {"204": None}
        else:
            code = "201" if action == "create" else "200"
            responses = {
                (code, media_type): (
                    CSV_SCHEMA if media_type == CSVRenderer.media_type else serializer
                )
                for media_type in self.map_renderers("media_type")
            }
        error = self.register_component("Error", ERROR_SCHEMA)
        invalid = self.register_component("ValidationError", VALIDATION_ERROR_SCHEMA)
        for code, description in error_descriptions(action).items():
            # A 400 names fields, or (for a body that is not JSON) gives a detail.
            schema = {"anyOf": [invalid.ref, error.ref]} if code == "400" else error.ref
            responses[(code, "application/json")] = OpenApiResponse(
                response=schema, description=str(description)
            )
        return responses

    def register_component(self, name, schema):
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name
        )
        self.registry.register_on_missing(component)
        return component
