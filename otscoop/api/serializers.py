"""Serializers of the REST API: the base of every model serializer, and sources.

`ApiModelSerializer` validates writes through the model (`full_clean()`), so the API keeps the
same rules as the admin; choice fields become named enums in the OpenAPI schema.
"""

import copy

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.settings import api_settings

from ..models import Source
from ..slugs import unique_slug
from ..validation import clean_instance
from .fields import EnumChoiceField, ShownTextField, text_choices_of

# The API's word for a required text missing in the default language (see clean_instance).
MISSING_TRANSLATION = _(
    "This text is required in the default language (%(language)s): write "
    "it with ?lang=%(language)s first, then its translations."
)


class ApiModelSerializer(serializers.ModelSerializer):
    # Writes pass the model's own validation, as in the admin: `validate()` builds the
    # resulting instance and runs `full_clean()` (field validators, `clean()`, unique and check
    # constraints); Django's errors come back keyed by field. DRF's own unique-together
    # validators are left out: they would duplicate the constraints and make nullable fields
    # required. (A comment, not a docstring: the schema shows each subclass's docstring.)

    def get_validators(self):
        return []

    def get_fields(self):
        fields = super().get_fields()
        if getattr(self.Meta.model, "slug_from", None) and "slug" in fields:
            # As in the admin, a new record's slug is made from its title when none is sent.
            fields["slug"].required = False
        for name, field in fields.items():
            if not field.read_only or not isinstance(
                field, serializers.CharField | serializers.ChoiceField
            ):
                continue
            try:
                model_field = self.Meta.model._meta.get_field(field.source or name)
            except FieldDoesNotExist:
                continue
            # DRF drops `allow_blank` from read-only fields, but the value may still be "":
            # keep it, so that the schema (drf-spectacular reads it) allows "" as well.
            if getattr(model_field, "blank", False):
                field.allow_blank = True
        return fields

    def get_uniqueness_extra_kwargs(self, field_names, declared_fields, extra_kwargs):
        return extra_kwargs, {}

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if field_name in getattr(self.Meta, "shown_fields", ()):
            # Read as readers of the request's language see it (typed, composed, fallback).
            field_class = ShownTextField
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
        source = getattr(model, "slug_from", None)
        if source and self.instance is None and not attrs.get("slug"):
            # The title as sent, or in the first language sent (title_tr, ...).
            texts = [attrs.get(source)] + [
                attrs.get(f"{source}_{code}") for code, _name in settings.LANGUAGES
            ]
            attrs["slug"] = unique_slug(model, str(next(filter(None, texts), "")))
        instance = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            if not model._meta.get_field(name).many_to_many:
                setattr(instance, name, value)
        try:
            clean_instance(instance, MISSING_TRANSLATION)
        except DjangoValidationError as error:
            raise serializers.ValidationError(model_errors(error)) from error
        return attrs


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
