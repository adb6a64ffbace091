"""Names are vocabulary, translated by the team (issue 16, parts 1 and 6): every demo state,
council, organization and topic has its Turkish and Russian name, from pycountry's ISO 3166
translations and the reviewed table events/demo/names.csv; the pages show them; `load_demo` keeps
a name a person changed; the admin's "missing translation" filter shows what is left."""

import inspect
import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Choices, Q

from events import choices as event_choices
from events.demo import loader
from events.demo.vocabulary import NAMES_PATH, Vocabulary, VocabularyError, read_table
from events.models import (
    Council,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    Topic,
)
from memberships import choices as membership_choices
from memberships.models import Candidacy, Organization, State
from otscoop import choices as shared_choices
from otscoop.models import DemoRecord

from . import factories
from .test_demo_keeps_work import admin_url, form_data
from .test_translations import TRANSLATED, messages

pytestmark = pytest.mark.django_db

NAMED = [State, Council, Organization, Topic]
CYRILLIC = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё \-–,()]+$")


def load() -> str:
    output = StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


class RecordLinks(HTMLParser):
    """The text of each link to a record page under `prefix` ("/tr/states/"), read as a person
    reads it: without the parts hidden from screen readers (a flag)."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix
        self.links: list[tuple[str, str]] = []  # (slug, text)
        self.slug = None
        self.hidden = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith(self.prefix) and href != self.prefix:
            self.slug, self.text = href[len(self.prefix) :].strip("/"), []
        elif self.slug and attrs.get("aria-hidden") == "true":
            self.hidden = tag

    def handle_endtag(self, tag):
        if tag == self.hidden:
            self.hidden = None
        elif tag == "a" and self.slug:
            self.links.append((self.slug, " ".join("".join(self.text).split())))
            self.slug = None

    def handle_data(self, data):
        if self.slug and not self.hidden:
            self.text.append(data)


def links(client, path: str, prefix: str) -> list[tuple[str, str]]:
    response = client.get(path)
    assert response.status_code == 200
    parser = RecordLinks(prefix)
    parser.feed(response.content.decode())
    return parser.links


# ---------------------------------------------------------------------- the names


def test_every_demo_state_council_organization_and_topic_has_a_turkish_and_a_russian_name(
    demo_data,
):
    for model in NAMED:
        records = list(model.objects.all())
        assert records, model
        for record in records:
            assert record.name_tr, (model.__name__, record.slug)
            assert CYRILLIC.match(record.name_ru), (model.__name__, record.slug, record.name_ru)
    # Only a name already Turkish in English is the same in Turkish.
    same = {
        name_en
        for model in NAMED
        for name_en, name_tr in model.objects.values_list("name_en", "name_tr")
        if name_en == name_tr
    }
    assert same == {"Türkiye"}


@pytest.mark.parametrize(
    "model, slug, name_tr, name_ru",
    [
        (State, "turkiye", "Türkiye", "Турция"),
        (State, "kyrgyzstan", "Kırgızistan", "Кыргызстан"),
        (State, "kazakhstan", "Kazakistan", "Казахстан"),
        (State, "turkmenistan", "Türkmenistan", "Туркменистан"),
        (State, "united-states", "Amerika Birleşik Devletleri", "Соединённые Штаты Америки"),
        (State, "hungary", "Macaristan", "Венгрия"),
        (State, "trnc", "Kuzey Kıbrıs Türk Cumhuriyeti", "Турецкая Республика Северного Кипра"),
        (
            Council,
            "council-of-foreign-ministers",
            "Dışişleri Bakanları Konseyi",
            "Совет министров иностранных дел",
        ),
        (
            Council,
            "council-of-heads-of-state",
            "Devlet Başkanları Konseyi",
            "Совет глав государств",
        ),
        (
            Council,
            "senior-officials-committee",
            "Kıdemli Memurlar Komitesi",
            "Комитет старших должностных лиц",
        ),
        (Council, "council-of-elders", "Aksakallar Konseyi", "Совет старейшин"),
        (
            Organization,
            "eco",
            "Ekonomik İşbirliği Teşkilatı",
            "Организация экономического сотрудничества",
        ),
        (Organization, "oic", "İslam İşbirliği Teşkilatı", "Организация исламского сотрудничества"),
    ],
)
def test_named_examples_read_as_the_organization_writes_them(
    demo_data, model, slug, name_tr, name_ru
):
    record = model.objects.get(slug=slug)
    assert (record.name_tr, record.name_ru) == (name_tr, name_ru)


def test_an_official_name_is_translated_where_the_english_one_is_given(demo_data):
    kyrgyzstan = State.objects.get(slug="kyrgyzstan")
    assert kyrgyzstan.official_name_en == "Kyrgyz Republic"
    assert kyrgyzstan.official_name_tr == "Kırgız Cumhuriyeti"
    assert kyrgyzstan.official_name_ru == "Кыргызская Республика"
    # No English official name: none in another language either.
    assert State.objects.get(slug="turkiye").official_name_tr is None


def test_iso_3166_names_agree_with_the_turkish_names_of_the_facts():
    vocabulary = Vocabulary()
    data = loader.read_data()
    compared = 0
    for key in ("member_states", "observer_states"):
        for record in data[key]:
            state = record["app"].get("state")
            if state is None or not state["iso2"]:
                continue  # an organization; the TRNC, which ISO 3166 does not list
            # pycountry's names alone, without the facts' name_tr to fall back on.
            assert vocabulary.state_names(state)["name_tr"] == record["name_tr"], state["slug"]
            compared += 1
    assert compared == 7


def test_every_row_of_the_table_names_a_demo_record(demo_data):
    models = {
        "state": State,
        "council": Council,
        "organization": Organization,
        "topic": Topic,
        "candidacy": Candidacy,
    }
    for kind, slug, field in read_table():
        assert models[kind].objects.filter(slug=slug).exists(), (kind, slug)
        expected = ("post",) if kind == "candidacy" else ("name", "official_name")
        assert field in expected, (kind, slug, field)
    # Every demo candidacy's post has its Turkish and Russian name.
    for column in ("post_tr", "post_ru"):
        assert not Candidacy.objects.filter(Q(**{column: ""}) | Q(**{f"{column}__isnull": True}))


def test_a_bad_row_in_the_table_is_refused_naming_its_line_and_column(tmp_path):
    table = tmp_path / "names.csv"
    header = NAMES_PATH.read_text(encoding="utf-8").splitlines()[0]
    table.write_text(f"{header}\nplace,astana,name,Astana,Астана,\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="line 2, column kind: 'place'"):
        read_table(table)
    table.write_text(
        f"{header}\ntopic,gaza,name,Gazze,Газа,\ntopic,gaza,name,Gazze,Сектор Газа,\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="line 3: topic 'gaza' \\(name\\) is named twice"):
        read_table(table)


# ---------------------------------------------------------------------- the pages


@pytest.mark.parametrize("language", ["tr", "ru"])
@pytest.mark.parametrize("model, section", [(State, "states"), (Council, "councils")])
def test_the_lists_show_every_state_and_council_in_the_page_language(
    client, demo_data, language, model, section
):
    prefix = f"/{language}/{section}/"
    found = links(client, prefix, prefix)
    names = dict(model.objects.values_list("slug", f"name_{language}"))
    assert {slug for slug, _text in found} == set(names)
    for slug, text in found:
        assert text == names[slug], (slug, text)


# ---------------------------------------------------------------------- loading again


def test_a_second_load_changes_no_name():
    load()
    names = {model: list(model.objects.values_list("name_tr", "name_ru")) for model in NAMED}

    output = load()

    assert "0 created, 0 updated," in output
    assert {model: list(model.objects.values_list("name_tr", "name_ru")) for model in NAMED} == (
        names
    )


def test_a_state_name_a_person_changed_in_the_admin_survives_load_demo(editor_client, editor):
    load()
    state = State.objects.get(slug="turkiye")
    url = admin_url(State, "change", state.pk)
    data = form_data(editor_client.get(url))
    data["name_tr"] = "Türkiye Cumhuriyeti"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors
    assert state.history.latest().history_user == editor

    output = load()

    state.refresh_from_db()
    assert (state.name_tr, state.name_ru) == ("Türkiye Cumhuriyeti", "Турция")
    assert "0 created, 0 updated," in output


def test_a_database_loaded_before_the_vocabulary_gets_the_names_on_the_next_load():
    load()
    # As the loader left them before it wrote Russian names: none in the rows, nor in the ledger.
    for model in NAMED:
        model.objects.update(name_ru=None)
    for entry in DemoRecord.objects.filter(model__in=[m._meta.label_lower for m in NAMED]):
        entry.values["fields"].pop("name_ru")
        entry.save()

    output = load()

    for model in NAMED:
        assert not model.objects.filter(name_ru=None).exists(), model
    assert State.objects.get(slug="kazakhstan").name_ru == "Казахстан"
    assert f"0 created, {sum(model.objects.count() for model in NAMED)} updated," in output


# ---------------------------------------------------------------------- choices


def choice_labels():
    """The English text of every choice label of the three apps' TextChoices."""
    return {
        str(label)
        for module in (event_choices, membership_choices, shared_choices)
        for _name, choices in inspect.getmembers(module, inspect.isclass)
        if issubclass(choices, Choices) and choices.__module__ == module.__name__
        for label in choices.labels
    }


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_choice_label_has_an_entry_in_the_turkish_and_russian_catalogues(language):
    translated = {
        entry["msgid"]
        for entry in messages(language)
        if "fuzzy" not in entry["flags"] and all(entry["msgstr"].values())
    }
    labels = choice_labels()
    assert {"Summit", "Held", "Council meeting", "Elected"} <= labels
    assert labels - translated == set()


# ---------------------------------------------------------------------- the admin filter

ADMIN_FIELDS = [
    (Meeting, factories.MeetingFactory, "title"),
    (JointStatement, factories.JointStatementFactory, "title"),
    (ElectionObservationMission, factories.ElectionObservationMissionFactory, "title"),
    (Document, factories.DocumentFactory, "title"),
    (Candidacy, factories.CandidacyFactory, "post"),
    (State, factories.StateFactory, "name"),
    (Council, factories.CouncilFactory, "name"),
    (Organization, factories.OrganizationFactory, "name"),
    (Topic, factories.TopicFactory, "name"),
]


def listed(client, model, language) -> set[int]:
    response = client.get(admin_url(model, "changelist"), {"missing_translation": language})
    assert response.status_code == 200
    return {record.pk for record in response.context["cl"].result_list}


@pytest.mark.parametrize(
    "model, factory, field", ADMIN_FIELDS, ids=[model.__name__ for model, *_ in ADMIN_FIELDS]
)
def test_the_missing_translation_filter_lists_exactly_the_records_without_that_language(
    editor_client, model, factory, field
):
    tr, ru = f"{field}_tr", f"{field}_ru"
    translated = factory(**{tr: "Türkçesi", ru: "По-русски"})
    no_turkish = factory(**{tr: None, ru: ""})  # NULL and an empty text are both missing
    empty_turkish = factory(**{tr: "", ru: "Есть"})

    assert listed(editor_client, model, "tr") == {no_turkish.pk, empty_turkish.pk}
    assert listed(editor_client, model, "ru") == {no_turkish.pk}
    response = editor_client.get(admin_url(model, "changelist"))
    assert {record.pk for record in response.context["cl"].result_list} >= {translated.pk}
    verbose = str(model._meta.get_field(field).verbose_name)
    assert f"no Turkish {verbose}" in response.content.decode()
    assert f"no Russian {verbose}" in response.content.decode()


def test_the_filter_options_are_translated(editor_client):
    response = editor_client.get(admin_url(State, "changelist"), headers={"accept-language": "tr"})
    assert "Türkçe ad yok" in response.content.decode()


def test_an_unknown_language_in_the_filter_is_refused_without_an_error(editor_client):
    url = admin_url(Meeting, "changelist")
    response = editor_client.get(url, {"missing_translation": "de"})
    # The admin's answer to an invalid lookup: the changelist again, with ?e=1.
    assert response.status_code == 302
    assert response.url.endswith("?e=1")
