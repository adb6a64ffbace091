"""Serializer fields of the REST API, and who may see drafts through them.

- `BriefRelatedField`: a relation read as a brief nested object and written as a slug; a draft
  the client may not see reads as null (left out of lists).
- `PageUrlField`: the absolute URL of the record's public page.
- `EnumChoiceField`: a choice field that names its TextChoices (one enum per choice set in the
  schema); their schema is in `otscoop.api.schema`.
- `ShownTextField` and `FallbacksField`: texts in the request's language (composed where a
  record composes them) and which texts fall back to another language.
"""

import re

from django.db.models import TextChoices
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_translation_fields
from rest_framework import relations, serializers

from .. import translated
from ..models import Published
from .visibility import is_visible

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


# --- Columns a list loads ---------------------------------------------------------------------


def own_columns(model) -> list[str]:
    """Every column of the record itself, for `only()` beside `brief_columns()`."""
    return [field.name for field in model._meta.concrete_fields]


def brief_columns(brief_serializer, relation: str = "") -> list[str]:
    """What a nested record needs for its brief, for `only()`: the model fields the brief
    serializer shows, with their translations, and `publication` for a record that may be a
    draft (`is_visible`). A nested record then loads a few columns, not every text in every
    language. With `relation`, as `relation__field`, for `select_related()`."""
    model = brief_serializer.Meta.model
    model_fields = {field.name for field in model._meta.concrete_fields}
    shown = [name for name in brief_serializer.Meta.fields if name in model_fields]
    if issubclass(model, Published):
        shown.append("publication")
    translations = [name for name in get_translation_fields(*shown) if name in model_fields]
    prefix = f"{relation}__" if relation else ""
    return [f"{prefix}{name}" for name in (*shown, *translations)]


# --- Relations -------------------------------------------------------------------------------


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


# --- Values ----------------------------------------------------------------------------------


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


class EnumChoiceField(serializers.ChoiceField):
    """A choice field that names its TextChoices, so the schema has one enum per choice set."""

    def __init__(self, *, choices_class, **kwargs):
        self.choices_class = choices_class
        super().__init__(choices=choices_class.choices, **kwargs)


def text_choices_of(model_field):
    """The TextChoices class whose choices the model field uses, or None.

    Values are compared first: serializers build their fields for every response, and a label
    is only translated for a class whose values match.
    """
    choices = model_field.flatchoices
    values = [value for value, _label in choices]
    for choices_class in TextChoices.__subclasses__():
        if choices_class.values != values:
            continue
        if [str(label) for label in choices_class.labels] == [str(label) for _v, label in choices]:
            return choices_class
    return None


def display_field(help_text):
    """A read-only text the model computes: a `*_display` property (say, dates at their
    precision), in the response's language."""
    return serializers.CharField(read_only=True, help_text=help_text)


class ChoiceLabelField(serializers.CharField):
    """The label of a choice, in the response's language (what `get_<field>_display()` shows);
    `source` names the model field. A value outside the choices shows as it is.

    The labels are looked up in a table this field makes on first use: the field lives for
    one response (DRF builds a serializer's fields per response), so for one language.
    Django's `get_<field>_display()` would translate every label of the choice set again for
    each value.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @cached_property
    def labels(self) -> dict:
        model_field = self.parent.Meta.model._meta.get_field(self.source)
        return {value: str(label) for value, label in model_field.flatchoices}

    def to_representation(self, value):
        return self.labels.get(value, value)


def choice_label_field(help_text, source):
    return ChoiceLabelField(source=source, help_text=help_text)


class DisplayTextField(serializers.CharField):
    """The record's name as shown to readers: `str(record)`."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", _("The record's name as shown to readers."))
        super().__init__(**kwargs)

    def to_representation(self, value):
        return str(value)


def url_field(view_name, lookup_field="slug"):
    return serializers.HyperlinkedIdentityField(
        view_name=view_name,
        lookup_field=lookup_field,
        help_text=_("Absolute URL of this record in the API."),
    )


# --- Texts in the reader's language ------------------------------------------------------------


class ShownTextField(serializers.CharField):
    """A translated text as readers of the request's language see it (otscoop/translated.py):
    typed in that language, else composed in it (a meeting's title), else a fallback's, which
    the record's `fallbacks` names. Written like any field: to the language's own column."""

    def get_attribute(self, instance):
        return translated.shown(instance, self.source).text


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "string", "enum": ["tr", "en", "ru"]},
        "description": "Each text of the record not written in the request's language, and the "
        'language it is shown in instead, e.g. {"summary": "en"}.',
    }
)
class FallbacksField(serializers.Field):
    """Which of the record's translated texts are shown in another language, and which."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault(
            "help_text", _("The record's texts shown in another language, and in which.")
        )
        super().__init__(**kwargs)

    def to_representation(self, value):
        texts = [name for name in self.parent.fields if name in translated_names(type(value))]
        return translated.fallbacks_of(value, texts)


def translated_names(model) -> set[str]:
    """The model's translated fields (modeltranslation), e.g. {"title", "summary"}."""
    try:
        return set(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return set()
