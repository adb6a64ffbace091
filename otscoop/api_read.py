"""The API's read path: a plan per serializer class, compiled once, instead of DRF's per-response
field building.

For every response DRF builds each serializer's fields anew (a ModelSerializer introspects its
model; a meeting list builds ~80 fields with its nested serializers), then per value looks the
attribute up through `get_attribute` (which inspects the signature of every method it calls),
reverses each record's URL and makes a related manager per record and prefetched relation.
None of that changes between responses. `read_plan(serializer_class)` walks a serializer's fields
once and keeps, per field, a small function from an instance to its JSON value:

- model values through the field's own `to_representation` (str, isoformat, choice value ...);
  a method source (`get_kind_display`, `__str__`) is called, a property read; a translated
  field (modeltranslation) reads its columns in the language order worked out once per
  response instead of once per value;
- the record's API URL from `otscoop.links.lookup_url` (one `reverse()` per view and language)
  and page URLs made absolute against the request's scheme and host, computed once per response;
- nested serializers and brief relations by their own plans; related lists read from the
  prefetch cache as they are (no manager or queryset per record), drafts left out for clients
  who may not see them.

The output is DRF's, byte for byte (tests/test_api_read_plan.py compares whole responses of
every resource, language and client). A field type the plan does not know makes the whole
serializer use DRF's path, as does a serializer without a request in its context or with a URL
format suffix. Writes, forms, the schema and CSV headers use DRF's fields as before.
"""

import re
from functools import partial

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.fields.files import FileField as ModelFileField
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as translation_language
from rest_framework import fields as drf_fields
from rest_framework import relations, serializers
from rest_framework.fields import SkipField, empty
from rest_framework.settings import api_settings

from .links import lookup_url

# Set to False (tests do) to compare with DRF's own path.
enabled = True

# Field classes whose `to_representation` uses nothing but the value.
PLAIN_REPRESENTATIONS = {
    cls.to_representation
    for cls in (
        drf_fields.BigIntegerField,
        drf_fields.BooleanField,
        drf_fields.CharField,
        drf_fields.ChoiceField,
        drf_fields.DateField,
        drf_fields.DateTimeField,
        drf_fields.DecimalField,
        drf_fields.FloatField,
        drf_fields.IntegerField,
        drf_fields.ReadOnlyField,
    )
}
# A path that `iri_to_uri()` leaves as it is and `build_absolute_uri()` only prefixes.
PLAIN_PATH = re.compile(r"/(?!/)[-A-Za-z0-9_.~/?=&%+,;:@!$'()*]*")
_plans: dict[type, "ReadPlan | None"] = {}


class ResponseState:
    """What a plan needs from the response: the request, its scheme and host, and who may see
    drafts (asked once per model)."""

    __slots__ = ("request", "origin", "plain_reverse", "_translated")

    def __init__(self, request):
        self.request = request
        self.origin = request.build_absolute_uri("/")[:-1]
        # DRF's reverse() goes through a versioning scheme and keeps `?format=` on the links it
        # makes; without either, a record's URL is the plain reversed path.
        override = api_settings.URL_FORMAT_OVERRIDE
        self.plain_reverse = getattr(request, "versioning_scheme", None) is None and not (
            override and override in request.GET
        )
        self._translated = {}

    def translated_columns(self, descriptor):
        """The columns a translated field is read from, in modeltranslation's order for the
        response's language, and the value that counts as empty."""
        columns = self._translated.get(descriptor)
        if columns is None:
            name = descriptor.field.name
            order = resolution_order(translation_language(), descriptor.fallback_languages)
            undefined = descriptor.fallback_undefined
            if undefined is NONE:
                undefined = descriptor.field.get_default()
            columns = self._translated[descriptor] = (
                tuple(build_localized_fieldname(name, language) for language in order),
                undefined,
            )
        return columns

    def absolute(self, path):
        """`request.build_absolute_uri(path)`, without parsing a plain absolute path."""
        if PLAIN_PATH.fullmatch(path) and "/./" not in path and "/../" not in path:
            return self.origin + path
        return self.request.build_absolute_uri(path)

    def visible(self, instance):
        """`otscoop.api.is_visible` for this response's request."""
        return _api().is_visible(instance, self.request)


def response_state(context):
    """The response's state, kept in the serializer context that every nested field shares;
    None when the plan cannot be used (no request, or a URL format suffix to keep)."""
    state = context.get("_read_state")
    if state is None:
        request = context.get("request")
        if request is None or context.get("format"):
            return None
        state = context["_read_state"] = ResponseState(request)
    return state


class ReadPlan:
    """The steps that represent one instance: (name, function(instance, state))."""

    __slots__ = ("steps",)

    def __init__(self, steps):
        self.steps = steps

    def represent(self, instance, state):
        result = {}
        for name, step in self.steps:
            try:
                result[name] = step(instance, state)
            except SkipField:
                continue
        return result


def read_plan(serializer_class) -> ReadPlan | None:
    """The plan of a serializer class, compiled on first use; None if it has a field the plan
    does not know (DRF's path then)."""
    try:
        return _plans[serializer_class]
    except KeyError:
        pass
    plan = _plans[serializer_class] = _compile(serializer_class)
    return plan


def _compile(serializer_class):
    custom = serializer_class.to_representation
    if custom is not serializers.Serializer.to_representation and not getattr(
        custom, "uses_read_plan", False
    ):
        return None
    prototype = serializer_class()
    model = getattr(getattr(serializer_class, "Meta", None), "model", None)
    steps = []
    for name, field in prototype.fields.items():
        if field.write_only:
            continue
        step = _step(field, model)
        if step is None:
            return None
        steps.append((name, step))
    return ReadPlan(tuple(steps))


def _step(field, model):
    kind = type(field)
    if kind is serializers.ListSerializer or isinstance(field, relations.ManyRelatedField):
        return _many_step(field)
    if not _plain_lookup(field):
        return None
    attribute = _attribute_reader(field, model)
    if attribute is None:
        return None
    if isinstance(field, serializers.HyperlinkedIdentityField):
        return _identity_step(field)
    if type(field).to_representation in PLAIN_REPRESENTATIONS:
        return partial(_plain_value, attribute, field.to_representation)
    api = _api()
    if isinstance(field, relations.RelatedField):
        if kind.to_representation is not api.BriefRelatedField.to_representation:
            return None
        plan = read_plan(field.brief_serializer)
        return None if plan is None else partial(_brief_value, attribute, plan)
    if isinstance(field, serializers.Serializer):
        plan = read_plan(kind)
        return None if plan is None else partial(_nested_value, attribute, plan)
    if kind.to_representation is drf_fields.FileField.to_representation:
        return None if getattr(field, "use_url", True) is False else partial(_file_url, attribute)
    if kind.to_representation is api.PageUrlField.to_representation and field.source == "*":
        return partial(_page_url, field.path)
    return None


def _plain_lookup(field):
    """Whether the field reads its value the way DRF's Field.get_attribute does."""
    get_attribute = type(field).get_attribute
    return get_attribute in (drf_fields.Field.get_attribute, relations.RelatedField.get_attribute)


def _api():
    from . import api  # it imports this module

    return api


def _attribute_reader(field, model):
    """function(instance, state) -> the field's source value, as DRF's get_attribute gives it
    (SkipField or None where DRF would give them); None when the source is not a plain one."""
    if field.source == "*":
        return _whole
    if len(field.source_attrs) != 1 or model is None or field.default is not empty:
        return None
    name = field.source_attrs[0]
    declared = getattr(model, name, None)
    if isinstance(field, relations.RelatedField) and field.use_pk_only_optimization():
        return None
    if isinstance(declared, TranslationFieldDescriptor) and not isinstance(
        declared.field, ModelFileField
    ):
        return partial(_translated, declared)
    call = callable(declared) and not isinstance(declared, type)
    fallback = _missing_value(field)
    return partial(_read, name, call, fallback)


def _missing_value(field):
    """What DRF's Field.get_attribute gives for a missing attribute (fields with a default are
    not compiled): None, SkipField, or the error (None here: let it through)."""
    if field.allow_null:
        return _none
    if not field.required:
        return _skip
    return None


def _none():
    return None


def _skip():
    raise SkipField()


def _whole(instance, state):
    return instance


def _read(name, call, fallback, instance, state):
    try:
        value = getattr(instance, name)
    except ObjectDoesNotExist:
        return None
    except (KeyError, AttributeError):
        if fallback is None:
            raise
        return fallback()
    return value() if call else value


def _translated(descriptor, instance, state):
    """`descriptor.__get__(instance)` (modeltranslation): the first meaningful value among the
    field's columns in the language order; anything else (a fallback value, the default) from
    the descriptor itself."""
    columns, undefined = state.translated_columns(descriptor)
    for column in columns:
        value = getattr(instance, column, None)
        if value is not None and value != undefined:
            return value
    return descriptor.__get__(instance, type(instance))


def _plain_value(attribute, represent, instance, state):
    value = attribute(instance, state)
    return None if value is None else represent(value)


def _brief_value(attribute, plan, instance, state):
    value = attribute(instance, state)
    if value is None or not state.visible(value):
        return None
    return plan.represent(value, state)


def _nested_value(attribute, plan, instance, state):
    value = attribute(instance, state)
    return None if value is None else plan.represent(value, state)


def _file_url(attribute, instance, state):
    value = attribute(instance, state)
    if not value:
        return None
    try:
        url = value.url
    except AttributeError:
        return None
    return state.request.build_absolute_uri(url)


def _page_url(path_of, instance, state):
    path = path_of(instance)
    return None if path is None else state.absolute(path)


def _identity_step(field):
    """The record's API URL, as HyperlinkedIdentityField gives it without a format suffix."""
    if field.format or field.reverse is not relations.reverse:
        return None
    return partial(_identity_url, field.view_name, field.lookup_field, field.lookup_url_kwarg)


def _identity_url(view_name, lookup_field, kwarg, instance, state):
    if instance.pk in (None, ""):
        return None
    if not state.plain_reverse:
        return relations.reverse(
            view_name, kwargs={kwarg: getattr(instance, lookup_field)}, request=state.request
        )
    return relations.Hyperlink(
        state.absolute(lookup_url(view_name, kwarg, getattr(instance, lookup_field))), instance
    )


def _many_step(field):
    """A nested list (a serializer with many=True) or a list of brief relations."""
    if isinstance(field, relations.ManyRelatedField):
        api = _api()
        child = field.child_relation
        if (
            type(field).to_representation is not api.BriefManyRelatedField.to_representation
            or type(field).get_attribute is not relations.ManyRelatedField.get_attribute
            or type(child).to_representation is not api.BriefRelatedField.to_representation
            or len(field.source_attrs) != 1
        ):
            return None
        plan = read_plan(child.brief_serializer)
        return None if plan is None else partial(_brief_list, field.source_attrs[0], plan)
    child_plan = read_plan(type(field.child))
    if (
        child_plan is None
        or type(field).to_representation is not serializers.ListSerializer.to_representation
        or len(field.source_attrs) != 1
    ):
        return None
    return partial(_nested_list, field.source_attrs[0], child_plan)


def related_items(instance, name):
    """The related records of `instance` under `name`: the prefetched list when there is one
    (what `manager.all()` returns then), else a query."""
    cache = getattr(instance, "_prefetched_objects_cache", None)
    if cache is not None:
        items = cache.get(name)
        if items is not None:
            return items
    return getattr(instance, name).all()


def _brief_list(name, plan, instance, state):
    if instance.pk is None:
        return []
    return [
        plan.represent(item, state) for item in related_items(instance, name) if state.visible(item)
    ]


def _nested_list(name, plan, instance, state):
    return [plan.represent(item, state) for item in related_items(instance, name)]
