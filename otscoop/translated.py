"""Which language a translated text is really shown in.

Each translated field (modeltranslation) has a column per language. Where the page's language
has no text, modeltranslation falls back to another language's (MODELTRANSLATION_FALLBACK_
LANGUAGES); readers must be told, so pages mark such text with its real `lang` and a small "in
English", and the API names it (`fallbacks`). A record may also compose a field in the page's
language from its structured fields (a meeting's title from its kind, number, council, place
and date: events/titles.py): a `composed_<field>()` method is used before any fallback, and a
text a person typed in that language wins over both.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

# The mark beside a fallback text, in the page's language: which language the text is in.
LANGUAGE_MARKS = {
    "en": _("in English"),
    "tr": _("in Turkish"),
    "ru": _("in Russian"),
}


@dataclass(frozen=True)
class Shown:
    """A text as shown: its value, the language it is in, and whether that is a fallback."""

    text: str
    language: str
    fallback: bool = False
    composed: bool = False

    def __str__(self):
        return self.text

    @property
    def mark(self):
        return LANGUAGE_MARKS.get(self.language, self.language) if self.fallback else ""


def active_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in settings.MODELTRANSLATION_LANGUAGES else "en"


def fallback_languages(language: str) -> list[str]:
    """The languages a text of `language` falls back to, in order."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = fallbacks.get(language, fallbacks.get("default", ()))
    return [other for other in chain if other != language]


def typed(record, field: str, language: str) -> str:
    """The text a person wrote in `language` (its own column, no fallback)."""
    return getattr(record, build_localized_fieldname(field, language), "") or ""


def shown(record, field: str, language: str | None = None) -> Shown:
    """`field` of `record` as a reader of `language` (the active one by default) sees it: the
    text typed in that language, else one composed in it, else the first fallback's."""
    language = language or active_language()
    own = typed(record, field, language)
    if own:
        return Shown(own, language)
    compose = getattr(record, f"composed_{field}", None)
    if compose is not None:
        composed = compose()
        if composed:
            return Shown(composed, language, composed=True)
    for other in fallback_languages(language):
        text = typed(record, field, other)
        if text:
            return Shown(text, other, fallback=True)
    return Shown("", language)


def fallbacks_of(record, fields, language: str | None = None) -> dict[str, str]:
    """{field: the language it is shown in} for each of `fields` that falls back."""
    found = {}
    for field in fields:
        text = shown(record, field, language)
        if text.fallback:
            found[field] = text.language
    return found
