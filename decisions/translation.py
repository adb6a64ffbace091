"""Fields of the decisions written in each language (django-modeltranslation), and history."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Decision, DecisionStep


@register(Decision)
class DecisionTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(DecisionStep)
class DecisionStepTranslationOptions(TranslationOptions):
    fields = ("note",)


# History is registered after the translated fields exist (as in every app's translation.py).
for model in (Decision, DecisionStep):
    simple_history.register(model, app="decisions")
