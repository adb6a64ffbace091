"""Fields of the events models that are written in each language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
    Topic,
)


@register(Council)
class CouncilTranslationOptions(TranslationOptions):
    fields = ("name", "description", "seat")


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("title", "city", "theme", "summary", "note")


@register(Delegation)
class DelegationTranslationOptions(TranslationOptions):
    fields = ("title", "note")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(JointStatement)
class JointStatementTranslationOptions(TranslationOptions):
    fields = ("title", "issuer", "summary", "text", "note")


@register(ElectionObservationMission)
class ElectionObservationMissionTranslationOptions(TranslationOptions):
    fields = ("title", "observed_locations", "findings", "note")


@register(SecretaryGeneral)
class SecretaryGeneralTranslationOptions(TranslationOptions):
    fields = ("note",)


# History is registered here, after the translated fields exist, so that each historical model
# gets them too (django-simple-history's documented way to work with modeltranslation).
# `app`: the historical models go into events.models, as when the models were in one file (the
# default is each model's own module).
for model in (
    Council,
    Meeting,
    Delegation,
    Document,
    Topic,
    JointStatement,
    ElectionObservationMission,
    SecretaryGeneral,
):
    simple_history.register(model, app="events")
