"""The interface is translated: the Turkish and Russian catalogues are complete, their compiled
.mo files match the .po files, and the translated strings reach the public pages (headings,
navigation, filter forms, choice labels and partial dates).

Content (names, titles, themes) is translated per field, not by the catalogues: these tests
never expect a record's own name to change with the language.
"""

import ast
import datetime
import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.choices import ElectionKind, MeetingKind, MeetingStatus, StatementKind
from memberships.choices import CandidacyOutcome, MembershipRole, ObserverStage
from otscoop.choices import DatePrecision

from .factories import (
    CandidacyFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    MembershipFactory,
    ObserverStatusFactory,
    ObserverStatusStepFactory,
    StateFactory,
)

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["tr", "ru"]
LANGUAGES = ["tr", "en", "ru"]
# The plural rules of each catalogue (as in the Plural-Forms header).
NPLURALS = {"tr": 2, "ru": 4, "en": 2}


# ---------- a small .po reader (no extra dependency) ----------


def _unquote(text: str) -> str:
    """A PO string literal ("...", with C escapes) as text."""
    return ast.literal_eval(text)


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr {index: text}, flags.

    The header is the entry whose msgid is "". Obsolete entries (#~) are marked as such.
    """
    entries = []
    entry = None
    field = None

    def new_entry():
        return {
            "msgctxt": None,
            "msgid": None,
            "msgid_plural": None,
            "msgstr": {},
            "flags": set(),
            "obsolete": False,
        }

    def finish():
        nonlocal entry
        if entry is not None and entry["msgid"] is not None:
            entries.append(entry)
        entry = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry = entry or new_entry()
            entry["obsolete"] = True
            continue
        if line.startswith("#"):
            if entry is not None and entry["msgid"] is not None:
                finish()
            entry = entry or new_entry()
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword in ("msgctxt", "msgid") and entry is not None and entry["msgstr"]:
                finish()
            entry = entry or new_entry()
            if keyword.startswith("msgstr"):
                field = ("msgstr", int(index) if index is not None else None)
                entry["msgstr"][field[1]] = value
            else:
                field = (keyword, None)
                entry[keyword] = value
            continue
        assert line.startswith('"'), f"{path}: unexpected line {raw!r}"
        value = _unquote(line)
        if field[0] == "msgstr":
            entry["msgstr"][field[1]] += value
        else:
            entry[field[0]] += value
    finish()
    return entries


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def messages(language: str) -> list[dict]:
    """Every live entry of a catalogue, without the header and obsolete entries."""
    return [e for e in read_po(po_path(language)) if e["msgid"] and not e["obsolete"]]


def header(language: str) -> dict[str, str]:
    entry = next(e for e in read_po(po_path(language)) if e["msgid"] == "")
    assert "fuzzy" not in entry["flags"], f"{language}: the header is marked fuzzy"
    lines = [line for line in entry["msgstr"][None].split("\n") if ":" in line]
    return {key.strip(): value.strip() for key, value in (line.split(":", 1) for line in lines)}


def placeholders(text: str) -> list[str]:
    """Python-format (%(name)s, %d ...) and brace ({name}) placeholders, sorted."""
    found = re.findall(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}", text)
    return sorted(found)


def label(entry: dict) -> str:
    return repr(entry["msgid"])


# ---------- the catalogues ----------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_catalogue_and_its_compiled_file(language):
    assert po_path(language).is_file()
    assert po_path(language).with_suffix(".mo").is_file()
    assert messages(language), f"{language}: the catalogue is empty"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_language_and_its_plural_rule(language):
    fields = header(language)
    assert fields["Language"] == language
    assert "charset=UTF-8" in fields["Content-Type"]
    assert re.search(rf"nplurals={NPLURALS[language]};", fields["Plural-Forms"])


def test_every_catalogue_holds_the_same_messages():
    keys = {
        language: {(e["msgctxt"], e["msgid"], e["msgid_plural"]) for e in messages(language)}
        for language in LANGUAGES
    }
    assert keys["tr"] == keys["en"]
    assert keys["ru"] == keys["en"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_entry_is_fuzzy_or_untranslated(language):
    fuzzy = [label(e) for e in messages(language) if "fuzzy" in e["flags"]]
    assert not fuzzy, f"{language}: fuzzy entries: {fuzzy}"
    untranslated = []
    for entry in messages(language):
        if entry["msgid_plural"] is None:
            expected_forms = [None]
        else:
            expected_forms = list(range(NPLURALS[language]))
        if sorted(entry["msgstr"], key=str) != sorted(expected_forms, key=str):
            untranslated.append(f"{label(entry)} (forms {sorted(entry['msgstr'], key=str)})")
        elif not all(value.strip() for value in entry["msgstr"].values()):
            untranslated.append(label(entry))
    assert not untranslated, f"{language}: untranslated entries: {untranslated}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language):
    """Every placeholder of the English stays; a pattern the code marks "no-python-format" (a
    title pattern whose Turkish leaves out the year: events/titles.py) may leave one out, but
    never adds one."""
    wrong = []
    for entry in messages(language):
        sources = [entry["msgid"]] + ([entry["msgid_plural"]] if entry["msgid_plural"] else [])
        allowed = {tuple(placeholders(source)) for source in sources}
        may_leave_out = "no-python-format" in entry["flags"]
        for value in entry["msgstr"].values():
            found = tuple(placeholders(value))
            if found in allowed:
                continue
            if may_leave_out and any(set(found) <= set(source) for source in allowed):
                continue
            wrong.append(f"{label(entry)} → {value!r}")
    assert not wrong, f"{language}: placeholders changed: {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_file_matches_the_catalogue(language):
    """The .mo holds exactly what the .po says: run compilemessages after editing a .po."""
    with po_path(language).with_suffix(".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog
    stale = []
    for entry in messages(language):
        key = (
            entry["msgid"]
            if entry["msgctxt"] is None
            else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if entry["msgid_plural"] is None:
            expected = {key: entry["msgstr"][None]}
        else:
            expected = {(key, index): value for index, value in entry["msgstr"].items()}
        for compiled_key, value in expected.items():
            if not value:  # msgfmt leaves untranslated entries out (English is the source)
                assert compiled_key not in compiled, f"{language}: {label(entry)} is stale"
            elif compiled.get(compiled_key) != value:
                stale.append(label(entry))
    assert not stale, f"{language}: the .mo differs from the .po for {stale}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("tr", "Toplantılar"), ("ru", "Встречи"), ("en", "Meetings")],
)
def test_django_finds_the_translations(language, expected):
    with translation.override(language):
        assert translation.gettext("Meetings") == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 встреча"),
        (2, "2 встречи"),
        (5, "5 встреч"),
        (11, "11 встреч"),
        (21, "21 встреча"),
        (22, "22 встречи"),
        (112, "112 встреч"),
    ],
)
def test_russian_plural_forms_follow_the_number(count, expected):
    with translation.override("ru"):
        text = translation.ngettext("%(counter)s meeting", "%(counter)s meetings", count)
    assert text % {"counter": count} == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "1 toplantı"), (5, "5 toplantı")])
def test_turkish_keeps_the_noun_singular_after_a_number(count, expected):
    with translation.override("tr"):
        text = translation.ngettext("%(counter)s meeting", "%(counter)s meetings", count)
    assert text % {"counter": count} == expected


# ---------- the pages ----------

NAVIGATION = {
    "en": [
        "Home",
        "Meetings",
        "Summits",
        "Councils",
        "Statements",
        "Documents",
        "Decisions",
        "States",
        "Candidacies",
        "Observer status",
        "Election missions",
    ],
    "tr": [
        "Ana sayfa",
        "Toplantılar",
        "Zirveler",
        "Konseyler",
        "Açıklamalar",
        "Belgeler",
        "Kararlar",
        "Devletler",
        "Adaylıklar",
        "Gözlemci statüsü",
        "Seçim gözlemi",
    ],
    "ru": [
        "Главная",
        "Встречи",
        "Саммиты",
        "Советы",
        "Заявления",
        "Документы",
        "Решения",
        "Государства",
        "Кандидатуры",
        "Статус наблюдателя",
        "Миссии наблюдения",
    ],
}

# URL name → the page's heading in each language.
HEADINGS = {
    "events:home": {
        "en": "Political cooperation of the Organization of Turkic States",
        "tr": "Türk Devletleri Teşkilatı çerçevesinde siyasi iş birliği",
        "ru": "Политическое сотрудничество Организации тюркских государств",
    },
    "events:meeting-list": {"en": "Meetings", "tr": "Toplantılar", "ru": "Встречи"},
    "events:summit-list": {"en": "Summits", "tr": "Zirveler", "ru": "Саммиты"},
    "events:council-list": {
        "en": "Councils and other organs",
        "tr": "Konseyler ve diğer organlar",
        "ru": "Советы и другие органы",
    },
    "events:statement-list": {"en": "Statements", "tr": "Açıklamalar", "ru": "Заявления"},
    "decisions:decision-list": {"en": "Decisions", "tr": "Kararlar", "ru": "Решения"},
    "events:chairmanship": {
        "en": "Chairmanship of the OTS",
        "tr": "TDT dönem başkanlığı",
        "ru": "Председательство в ОТГ",
    },
    "memberships:state-list": {"en": "States", "tr": "Devletler", "ru": "Государства"},
    "candidacy-list": {
        "en": "Candidacies and support",
        "tr": "Adaylıklar ve destek",
        "ru": "Кандидатуры и поддержка",
    },
    "memberships:observer-status-list": {
        "en": "Observer status",
        "tr": "Gözlemci statüsü",
        "ru": "Статус наблюдателя",
    },
    "events:election-mission-list": {
        "en": "Election observation missions",
        "tr": "Seçim gözlem misyonları",
        "ru": "Миссии по наблюдению за выборами",
    },
    "events:secretary-general-list": {
        "en": "Secretaries General",
        "tr": "Genel Sekreterler",
        "ru": "Генеральные секретари",
    },
}

# URL name → the labels of its filter form, in order.
FILTER_LABELS = {
    "events:meeting-list": {
        "en": ["Council", "Kind", "Year", "Host state", "Place", "From (date)", "To (date)"],
        "tr": [
            "Konsey",
            "Tür",
            "Yıl",
            "Ev sahibi devlet",
            "Yer",
            "Başlangıç tarihi",
            "Bitiş tarihi",
        ],
        "ru": ["Совет", "Вид", "Год", "Принимающая страна", "Место", "Дата с", "Дата по"],
    },
    "events:statement-list": {
        "en": ["Council", "Kind", "Signatory", "Topic", "Year"],
        "tr": ["Konsey", "Tür", "İmzacı devlet", "Konu", "Yıl"],
        "ru": ["Совет", "Вид", "Государство-подписант", "Тема", "Год"],
    },
    "candidacy-list": {
        "en": ["Candidate state", "Organization", "Outcome", "Supported by"],
        "tr": ["Aday devlet", "Kuruluş", "Sonuç", "Destekleyen devlet"],
        "ru": ["Государство-кандидат", "Организация", "Результат", "Поддержавшая страна"],
    },
    "decisions:decision-list": {
        "en": [
            *("Adopted by", "Meeting", "Kind", "Status", "Addressed to organ"),
            *("Addressed to state", "Addressed to organization", "Topic", "Year"),
        ],
        "tr": [
            *("Kabul eden organ", "Toplantı", "Tür", "Durum", "Muhatap organ"),
            *("Muhatap devlet", "Muhatap kuruluş", "Konu", "Yıl"),
        ],
        "ru": [
            *("Принявший орган", "Встреча", "Вид", "Статус", "Адресат: орган"),
            *("Адресат: государство", "Адресат: организация", "Тема", "Год"),
        ],
    },
    "events:election-mission-list": {
        "en": ["Observed state", "Election kind", "Year"],
        "tr": ["Gözlemlenen devlet", "Seçim türü", "Yıl"],
        "ru": ["Государство", "Вид выборов", "Год"],
    },
}
FILTER_HEADING = {"en": "Filter", "tr": "Filtreler", "ru": "Фильтр"}
APPLY_FILTERS = {"en": "Apply filters", "tr": "Filtreleri uygula", "ru": "Применить"}

OCTOBER_2011 = datetime.date(2011, 10, 1)


def text_of(fragment: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def page(client, language: str, name: str) -> str:
    with translation.override(language):
        url = reverse(name)
    assert url.startswith(f"/{language}/"), url
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def heading(content: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S)
    assert match, "the page has no h1"
    return text_of(match.group(1))


def navigation(content: str) -> list[str]:
    match = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', content, re.S)
    assert match, "the page has no main navigation"
    return [text_of(link) for link in re.findall(r"<a [^>]*>(.*?)</a>", match.group(1), re.S)]


def filter_form(content: str) -> str:
    match = re.search(r'<section class="filters"[^>]*>(.*?)</section>', content, re.S)
    assert match, "the page has no filter form"
    return match.group(1)


@pytest.fixture
def records(db):
    """A few published records of every kind, with the choices the tests look for."""
    member = StateFactory(name="Member State")
    MembershipFactory(state=member, role=MembershipRole.MEMBER)
    observer = StateFactory(name="Observer State")
    MembershipFactory(
        state=observer, role=MembershipRole.OBSERVER, start_date=datetime.date(2018, 9, 3)
    )
    summit = MeetingFactory(
        title="Month-only Summit",
        kind=MeetingKind.SUMMIT,
        number=2,
        council__name="Heads of State",
        start_date=OCTOBER_2011,
        end_date=None,
        date_precision=DatePrecision.MONTH,
        host_state=member,
    )
    MeetingFactory(
        title="Approximate Meeting",
        start_date=datetime.date(2016, 3, 14),
        end_date=None,
        date_precision=DatePrecision.APPROXIMATE,
        host_state=observer,
        status=MeetingStatus.POSTPONED,
    )
    JointStatementFactory(
        title="Joint Declaration", kind=StatementKind.DECLARATION, council=summit.council
    ).signatories.add(member)
    CandidacyFactory(state=member, outcome=CandidacyOutcome.ELECTED)
    status = ObserverStatusFactory(current_stage=ObserverStage.GRANTED)
    ObserverStatusStepFactory(observer_status=status, stage=ObserverStage.REQUESTED)
    ElectionObservationMissionFactory(
        observed_state=member, election_kind=ElectionKind.PARLIAMENTARY, observer_count=21
    )
    return {"member": member, "observer": observer, "summit": summit}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(HEADINGS))
def test_pages_show_their_heading_and_navigation_in_the_language(client, records, language, name):
    content = page(client, language, name)
    assert f'<html lang="{language}">' in content
    assert heading(content) == HEADINGS[name][language]
    assert navigation(content) == NAVIGATION[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(FILTER_LABELS))
def test_filter_forms_are_translated(client, records, language, name):
    form = filter_form(page(client, language, name))
    labels = [text_of(text) for text in re.findall(r"<label [^>]*>(.*?)</label>", form, re.S)]
    assert labels == FILTER_LABELS[name][language]
    assert f">{FILTER_HEADING[language]}</h2>" in form
    assert f">{APPLY_FILTERS[language]}</button>" in form


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "month", "approximate", "count"),
    [
        ("en", "October 2011", "about 14 March 2016", "2 meetings"),
        ("tr", "Ekim 2011", "yaklaşık 14 Mart 2016", "2 toplantı"),
        ("ru", "Октябрь 2011", "примерно 14 марта 2016", "2 встречи"),
    ],
)
def test_meetings_show_translated_partial_dates_and_counts(
    client, records, language, month, approximate, count
):
    content = page(client, language, "events:meeting-list")
    assert f'<time datetime="2011-10">{month}' in content
    assert f'<time datetime="2016-03">{approximate}</time>' in content
    assert re.search(rf'<h2 id="results-heading">\s*{count}\s*</h2>', content)
    # The title typed in English shows in English; Turkish and Russian pages compose one in
    # their language (events/titles.py), as no title was typed in theirs.
    with translation.override(language):
        title = records["summit"].display_title
    assert title in content
    assert ("Month-only Summit" in title) == (language == "en")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "summit", "postponed", "kind_option"),
    [
        ("en", "Summit", "Postponed", "Informal summit"),
        ("tr", "Zirve", "Ertelendi", "Gayriresmî zirve"),
        ("ru", "Саммит", "Перенесена", "Неформальный саммит"),
    ],
)
def test_meeting_choice_labels_are_translated(
    client, records, language, summit, postponed, kind_option
):
    content = page(client, language, "events:meeting-list")
    listed = content.split('id="results-heading"', 1)[1]
    assert f"<span>{summit}</span>" in listed
    assert f">{postponed}</span>" in listed
    form = filter_form(content)
    assert f'<option value="informal_summit">{kind_option}</option>' in form


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("tr", "events:statement-list", ["<span>Deklarasyon</span>", "1 açıklama"]),
        ("ru", "events:statement-list", ["<span>Декларация</span>", "1 заявление"]),
        (
            "tr",
            "events:election-mission-list",
            ["<span>Parlamento seçimi</span>", "21 gözlemci", "1 misyon"],
        ),
        (
            "ru",
            "events:election-mission-list",
            ["<span>Парламентские выборы</span>", "21 наблюдатель", "1 миссия"],
        ),
        ("tr", "candidacy-list", [">Seçildi</span>", ">aday</td>", "1 adaylık"]),
        (
            "ru",
            "candidacy-list",
            [">Избран</span>", ">кандидат</td>", "1 кандидатура"],
        ),
        ("tr", "memberships:observer-status-list", [">Verildi</span>", ">Başvuruldu</span>"]),
        (
            "ru",
            "memberships:observer-status-list",
            [">Статус предоставлен</span>", ">Заявка подана</span>"],
        ),
        (
            "tr",
            "memberships:state-list",
            ["2009 yılından beri üye", "2018 yılından beri gözlemci", "Üye devletler"],
        ),
        (
            "ru",
            "memberships:state-list",
            ["Член с 2009 года", "Наблюдатель с 2018 года", "Государства-члены"],
        ),
        ("tr", "events:summit-list", ["No. 2", "Ekim 2011"]),
        ("ru", "events:summit-list", ["№ 2", "Октябрь 2011"]),
    ],
)
def test_choice_labels_and_phrases_are_translated_on_every_list(
    client, records, language, name, expected
):
    content = page(client, language, name)
    for text in expected:
        assert text in content, f"{text!r} missing on {name} in {language}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "kind", "eyebrow"),
    [("en", "Summit", "Summit"), ("tr", "Zirve", "Zirve"), ("ru", "Саммит", "Саммит")],
)
def test_meeting_page_shows_its_translated_kind(client, records, language, kind, eyebrow):
    with translation.override(language):
        url = records["summit"].get_absolute_url()
    content = client.get(url).content.decode()
    facts = re.search(r'<dl class="facts">(.*?)</dl>', content, re.S).group(1)
    assert f"<dd>{kind}</dd>" in facts
    assert f'<p class="eyebrow">{eyebrow}' in content
    with translation.override(language):
        assert records["summit"].display_title in heading(content)
