"""Every reader in their own language (issue 16): titles composed per language from the records'
structured fields (events/titles.py), names as vocabulary, and fallbacks marked with their real
language (otscoop/translated.py), on the pages and in the API."""

import re
from html import unescape

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from events.models import Council, ElectionObservationMission, JointStatement, Meeting
from memberships.models import Candidacy, Place, State
from otscoop.translated import shown

pytestmark = pytest.mark.django_db

# Real demo titles: composed in Turkish and Russian (nobody typed one there), typed in English.
NATURAL_TITLES = [
    # Before the renaming of November 2021: the Turkic Council.
    (
        "1st-summit-2011-almaty",
        {
            "tr": "1. Türk Konseyi Zirvesi (Almatı)",
            "ru": "Саммит Тюркского совета №1, Алматы, 2011",
            "en": "1st Summit of the Turkic Council (Almaty)",
        },
    ),
    # After it: the Organization of Turkic States.
    (
        "12th-summit-2025-gabala",
        {
            "tr": "12. Türk Devletleri Teşkilatı Zirvesi (Gebele)",
            "ru": "Саммит ОТГ №12, Габала, 2025",
            "en": "12th Summit of the Organization of Turkic States (Gabala)",
        },
    ),
    (
        "cfm-2023-11-astana",
        {
            "tr": "Dışişleri Bakanları Konseyi, Astana (Kasım 2023)",
            "ru": "Совет министров иностранных дел, Астана, ноябрь 2023",
        },
    ),
    (
        "summit-2009-nakhchivan",
        {
            "tr": "Türk Dili Konuşan Ülkeler Zirvesi (Nahçıvan, 2009)",
            "ru": "Саммит тюркоязычных государств, Нахичевань, 2009",
        },
    ),
    (
        "informal-summit-2024-shusha",
        {
            "tr": "Türk Devletleri Teşkilatı Gayriresmî Zirvesi (Şuşa, 2024)",
            "ru": "Неформальный саммит ОТГ, Шуша, 2024",
        },
    ),
]


@pytest.mark.parametrize(("slug", "titles"), NATURAL_TITLES, ids=[s for s, _ in NATURAL_TITLES])
def test_demo_titles_read_naturally_in_each_language(client, demo_data, slug, titles):
    meeting = Meeting.objects.select_related("council", "place").get(slug=slug)
    for language, expected in titles.items():
        with translation.override(language):
            assert meeting.display_title == expected
            url = meeting.get_absolute_url()
        page = client.get(url).content.decode()
        assert f"<h1>{expected}</h1>" in unescape(page), (language, expected)


def test_a_missions_title_names_the_state_the_election_and_the_year(demo_data):
    mission = ElectionObservationMission.objects.select_related("observed_state").get(
        slug="uzbekistan-presidential-2021"
    )
    expected = {
        "ru": "Наблюдение за выборами: Узбекистан, президентские выборы, 2021",
        "tr": "Seçim gözlemi: Özbekistan, cumhurbaşkanlığı seçimi, 2021",
        "en": "Presidential election in Uzbekistan (2021)",  # typed
    }
    for language, title in expected.items():
        with translation.override(language):
            assert mission.display_title == title


def test_a_title_the_secretariat_typed_wins_over_the_composed_one(client, demo_data):
    meeting = Meeting.objects.get(slug="12th-summit-2025-gabala")
    meeting.title_tr = "Gebele Zirvesi"
    meeting.save()
    assert "<h1>Gebele Zirvesi</h1>" in client.get(f"/tr/meetings/{meeting.slug}/").text
    assert "Саммит ОТГ №12, Габала, 2025" in client.get(f"/ru/meetings/{meeting.slug}/").text


def test_an_edit_of_a_place_name_shows_at_once_in_composed_titles_of_list_rows(client, demo_data):
    assert "12. Türk Devletleri Teşkilatı Zirvesi (Gebele)" in client.get("/tr/summits/").text
    place = Place.objects.get(slug="gabala")
    place.name_tr = "Kabala"
    place.save()
    assert "12. Türk Devletleri Teşkilatı Zirvesi (Kabala)" in client.get("/tr/summits/").text


# ------------------------------------------------------------------ the 95 % count

LISTS = ["meetings/", "summits/", "states/", "councils/", "election-missions/", "candidacies/"]
LINKED = {
    "meetings": (Meeting, "title"),
    "states": (State, "name"),
    "councils": (Council, "name"),
    "election-missions": (ElectionObservationMission, "title"),
}
LINK = re.compile(r'<a [^>]*href="/(\w\w)/([\w-]+)/([\w-]+)/"[^>]*>(.*?)</a>', re.S)


def shown_names(page: str, language: str):
    """(shown text, the record's text in `language`, whether that is in `language`) for every
    record title and state, council and place name the page shows."""
    found = []
    records = {}
    # Documents' titles are prose, not counted (the endorsing documents link to their meeting).
    page = re.sub(r'<p class="endorsed-in">.*?</p>', "", page, flags=re.S)
    for _lang, section, slug, inner in LINK.findall(page):
        if section not in LINKED:
            continue
        model, field = LINKED[section]
        record = records.get((section, slug))
        if record is None:
            record = records[(section, slug)] = model.objects.get(slug=slug)
        text = shown(record, field, language)
        found.append((unescape(strip_tags(inner)).strip(), text.text, not text.fallback))
        if section == "meetings" and record.place_id:
            place = Place.objects.get(pk=record.place_id)
            name = shown(place, "name", language)
            found.append((name.text if name.text in page else "", name.text, not name.fallback))
    for candidacy in Candidacy.objects.published():
        post = shown(candidacy, "post", language)
        if post.text and f'id="candidacy-{candidacy.slug}"' in page:
            found.append((post.text if post.text in page else "", post.text, not post.fallback))
    return found


@pytest.mark.parametrize("language", ["tr", "ru"])
def test_at_least_95_percent_of_the_names_and_titles_on_the_lists_are_in_the_page_language(
    client, demo_data, language
):
    total = in_language = 0
    for path in LISTS:
        page = client.get(f"/{language}/{path}").content.decode()
        with translation.override(language):
            names = shown_names(page, language)
        assert names, path
        for text, expected, is_in_language in names:
            total += 1
            # The page shows the record's text in its language (typed or composed) ...
            assert expected in text, (path, text, expected)
            in_language += is_in_language
    # ... and at least 95 % of them are not a fallback to another language.
    assert in_language / total >= 0.95, (language, in_language, total)


# ------------------------------------------------------------------ fallbacks


def test_a_fallback_shows_with_its_real_language_and_a_mark(client, demo_data):
    statement = JointStatement.objects.exclude(summary="").first()
    assert not statement.summary_tr
    page = client.get(f"/tr/statements/{statement.slug}/").text
    summary = re.search(r'<div lang="en"><p>(.*?)</p>', page, re.S)
    assert summary and summary.group(1).startswith(statement.summary_en[:30])
    assert '<p class="fallback-mark">(İngilizce)</p>' in page
    # The title of a statement is prose: it falls back too, marked.
    assert f'<h1><span lang="en">{statement.title_en}</span>' in unescape(page)
    assert '<span class="fallback-mark">(İngilizce)</span></h1>' in page
    # In English nothing is marked.
    english = client.get(f"/en/statements/{statement.slug}/").text
    assert "fallback-mark" not in english and 'lang="en"><p>' not in english
    # Once it is written in Turkish, no mark.
    statement.summary_tr = "Türkçe özet."
    statement.title_tr = "Türkçe başlık"
    statement.save()
    page = client.get(f"/tr/statements/{statement.slug}/").text
    assert "<p>Türkçe özet.</p>" in page and "<h1>Türkçe başlık</h1>" in page


def test_the_language_links_stay_right_on_a_page_with_fallbacks(client, demo_data):
    statement = JointStatement.objects.exclude(summary="").first()
    page = client.get(f"/ru/statements/{statement.slug}/").text
    for code in ("tr", "en", "ru"):
        address = f"http://testserver/{code}/statements/{statement.slug}/"
        assert f'<link rel="alternate" hreflang="{code}" href="{address}">' in page


def test_the_api_gives_composed_titles_and_names_its_fallbacks(client, demo_data):
    meeting = Meeting.objects.get(slug="12th-summit-2025-gabala")
    russian = client.get(f"/api/v1/meetings/{meeting.slug}/", {"lang": "ru"}).json()
    assert russian["title"] == "Саммит ОТГ №12, Габала, 2025"
    assert russian["place"]["name"] == "Габала"
    assert "title" not in russian["fallbacks"]
    if meeting.summary_en and not meeting.summary_ru:
        assert russian["fallbacks"]["summary"] == "en"
    english = client.get(f"/api/v1/meetings/{meeting.slug}/", {"lang": "en"}).json()
    assert english["title"] == meeting.title_en and english["fallbacks"] == {}
    listed = client.get("/api/v1/meetings/", {"lang": "tr", "page_size": 50}).json()["results"]
    titles = {item["slug"]: item["title"] for item in listed}
    assert titles["12th-summit-2025-gabala"] == "12. Türk Devletleri Teşkilatı Zirvesi (Gebele)"
