"""Fields of the memberships models that are written in each language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    Place,
    State,
)


@register(State)
class StateTranslationOptions(TranslationOptions):
    fields = ("name", "official_name", "capital", "note")


@register(Membership)
class MembershipTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name", "headquarters", "description")


@register(ObserverStatus)
class ObserverStatusTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(ObserverStatusStep)
class ObserverStatusStepTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Candidacy)
class CandidacyTranslationOptions(TranslationOptions):
    fields = ("post", "outcome_note", "note")


# History is registered here for every model of the app — the one place, for models with
# translated fields and without — after the translated fields exist, so that each historical
# model gets them too (django-simple-history's documented way to work with modeltranslation).
# `app`: the historical models go into memberships.models, as when the models were in one file
# (the default is each model's own module).
for model in (
    State,
    Membership,
    Organization,
    ObserverStatus,
    ObserverStatusStep,
    Candidacy,
    CandidacySupport,
    Place,
):
    simple_history.register(model, app="memberships")
