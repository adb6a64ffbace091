"""The state page reads only what it shows: a name missing in a language falls back to the
English one already loaded (its exact query count, the same in every language, is in
tests/test_query_budgets.py), supporters in the order of their names, and the support a state
gave read off its index (PostgreSQL)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memberships.models import Candidacy, CandidacySupport, State
from otscoop.choices import Publication

from .factories import (
    CandidacyFactory,
    CandidacySupportFactory,
    MembershipFactory,
    OrganizationFactory,
    StateFactory,
    fill_state_sections,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def state():
    """A state with a few records in every section; names only in English (the factories
    write the default language), so Turkish and Russian pages fall back to them."""
    state = StateFactory(slug="busy-state")
    MembershipFactory(state=state)
    fill_state_sections(state, 3)
    return state


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_names_missing_in_a_language_fall_back_to_english_on_the_state_page(
    client, uncached, state, language
):
    page = html(client, f"/{language}/states/busy-state/")
    supporter = CandidacySupport.objects.filter(candidacy__state=state).first().supporting_state
    supported = CandidacySupport.objects.filter(supporting_state=state).first().candidacy
    # The English names, by the fallback, read from the columns already loaded.
    assert supporter.name_en in page
    assert supported.post_en in page
    assert supported.state.name_en in page
    assert supported.organization.acronym in page


def test_supporters_of_a_candidacy_are_listed_by_name(client, uncached):
    candidacy = CandidacyFactory(state=StateFactory(slug="candidate"))
    for name in ("Uzbekistan", "Azerbaijan", "Hungary"):
        CandidacySupportFactory(candidacy=candidacy, supporting_state=StateFactory(name=name))
    page = html(client, "/en/states/candidate/")
    chips = page[page.index('class="state-chips"') :]
    positions = [chips.index(f" {name}</a>") for name in ("Azerbaijan", "Hungary")]
    assert positions == sorted(positions)
    assert positions[-1] < chips.index(" Uzbekistan</a>")


def test_support_given_is_listed_latest_first_and_only_for_published_candidacies(client, uncached):
    supporter = StateFactory(slug="supporter")
    for post, declared_on, publication in (
        ("Older post", datetime.date(2019, 1, 1), Publication.PUBLISHED),
        ("Newer post", datetime.date(2024, 1, 1), Publication.PUBLISHED),
        ("Draft post", datetime.date(2025, 1, 1), Publication.DRAFT),
    ):
        CandidacySupportFactory(
            candidacy=CandidacyFactory(post=post, publication=publication),
            supporting_state=supporter,
            declared_on=declared_on,
        )
    page = html(client, "/en/states/supporter/")
    assert page.index("Newer post") < page.index("Older post")
    assert "Draft post" not in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL")
def test_support_given_is_read_off_its_index(client, uncached):
    """A state that gave thousands of supports: its latest ones are read in the index's order
    (memberships_support_given), not sorted out of all of them."""
    states = [StateFactory() for _ in range(8)]
    organization = OrganizationFactory()
    candidacies = Candidacy.objects.bulk_create(
        Candidacy(
            state=states[n % 8],
            organization=organization,
            post=f"Post {n}",
            post_en=f"Post {n}",
            slug=f"post-{n}",
            publication=Publication.PUBLISHED,
        )
        for n in range(2_000)
    )
    start = datetime.date(2000, 1, 1)
    CandidacySupport.objects.bulk_create(
        CandidacySupport(
            candidacy=candidacy,
            candidate_state_id=candidacy.state_id,
            supporting_state=supporter,
            declared_on=start + datetime.timedelta(days=(n * 37) % 9000),
        )
        for n, candidacy in enumerate(candidacies)
        for supporter in states
        if supporter.pk != candidacy.state_id
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE memberships_candidacy")
        cursor.execute("ANALYZE memberships_candidacysupport")
    slug = State.objects.get(pk=states[0].pk).slug
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/states/{slug}/").status_code == 200
    (support_given,) = [
        query["sql"]
        for query in queries.captured_queries
        if 'ORDER BY "memberships_candidacysupport"."declared_on" DESC' in query["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {support_given}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "memberships_support_given" in plan, plan
    assert "Sort" not in plan, plan
