"""The demo's vocabulary in Turkish and Russian: the names of states, councils, organizations,
topics and the posts candidacies are for, which the team translates (prose — themes, summaries,
notes — is never translated).

- A state's name and official name come from pycountry's ISO 3166 catalogues (Debian's
  iso-codes translations) by the state's ISO code.
- names.csv, beside this module and reviewed by the team, holds every other name, each with its
  source, and the state names the organization writes otherwise than ISO 3166's translators
  (Кыргызстан, not Киргизия) or that ISO 3166 does not have (the TRNC). A filled cell wins.
- Where neither gives a Turkish name, the facts' `name_tr` does.

The loader writes the names into the translated columns (`name_tr`, `name_ru` ...) through
`RowSync.sync`, so a name a person changed is never overwritten.
"""

import csv
import gettext
from pathlib import Path

import pycountry
from modeltranslation.utils import build_localized_fieldname

NAMES_PATH = Path(__file__).with_name("names.csv")
LANGUAGES = ("tr", "ru")
KINDS = ("state", "council", "organization", "topic", "candidacy")
COLUMNS = ["kind", "slug", "field", "tr", "ru", "source"]


class Untranslated(gettext.NullTranslations):
    """A catalogue's fallback (gettext's `add_fallback`): None for a name the catalogue has no
    entry for, where gettext would give the English name back."""

    def gettext(self, message):
        return None


class VocabularyError(ValueError):
    """names.csv holds a row the loader cannot use; the message names the line and the column."""


def read_table(path: Path = NAMES_PATH) -> dict:
    """{(kind, slug, field): {language: name}} of names.csv, filled cells only."""
    table = {}
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        if reader.fieldnames != COLUMNS:
            raise VocabularyError(f"{path.name}: the columns must be {', '.join(COLUMNS)}.")
        for line, row in enumerate(reader, start=2):  # line 1 is the header
            key = (row["kind"], row["slug"], row["field"])
            if row["kind"] not in KINDS:
                raise VocabularyError(
                    f"{path.name}, line {line}, column kind: {row['kind']!r} is none of "
                    f"{', '.join(KINDS)}."
                )
            if not row["slug"] or not row["field"]:
                raise VocabularyError(f"{path.name}, line {line}: slug and field are required.")
            if key in table:
                raise VocabularyError(
                    f"{path.name}, line {line}: {row['kind']} {row['slug']!r} ({row['field']}) "
                    "is named twice."
                )
            table[key] = {lang: row[lang].strip() for lang in LANGUAGES if row[lang].strip()}
    return table


class Vocabulary:
    """The Turkish and Russian names of the demo's records, as translated columns' values."""

    def __init__(self, path: Path = NAMES_PATH):
        self.table = read_table(path)
        # pycountry's documented way to its translations: the gettext catalogues it ships.
        self.catalogues = {}
        for lang in LANGUAGES:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            catalogue.add_fallback(Untranslated())
            self.catalogues[lang] = catalogue

    def names(self, kind: str, slug: str, field: str = "name", facts_tr=None) -> dict:
        """{"name_tr": ..., "name_ru": ...} of a council, organization or topic, or a
        candidacy's post (None where there is none): the table's, else (Turkish) the facts'
        `name_tr`."""
        row = self.table.get((kind, slug, field), {})
        found = {"tr": row.get("tr") or facts_tr, "ru": row.get("ru")}
        return {build_localized_fieldname(field, lang): found[lang] for lang in LANGUAGES}

    def state_names(self, values: dict, facts_tr=None) -> dict:
        """The translated columns of a state's name and official name (`values`: the demo's
        English ones, its `slug` and `iso2`), None where there is none. An official name the
        English leaves empty is not translated (its columns are left out)."""
        country = pycountry.countries.get(alpha_2=values["iso2"]) if values["iso2"] else None
        columns = {}
        for field in ("name", "official_name"):
            if not values.get(field):
                continue
            row = self.table.get(("state", values["slug"], field), {})
            iso_name = getattr(country, field, None) if country is not None else None
            for lang in LANGUAGES:
                name = row.get(lang) or self.iso_translation(iso_name, lang)
                if field == "name" and lang == "tr":
                    name = name or facts_tr
                columns[build_localized_fieldname(field, lang)] = name
        return columns

    def iso_translation(self, iso_name, lang: str):
        """ISO 3166's name `iso_name` (English) in `lang`, or None where the catalogue has none."""
        return self.catalogues[lang].gettext(iso_name) if iso_name else None
