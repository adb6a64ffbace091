"""Filtering, searching and ordering API lists; invalid parameters are 400s naming them."""

import datetime

import pytest
from django.utils import timezone

from memberships.choices import SupportVisibility

from . import factories
from .api_helpers import (
    RESOURCES,
    anonymous_client,
    list_url,
    make,
    results,
    slugs,
)

pytestmark = pytest.mark.django_db


def get(resource, **params):
    response = anonymous_client().get(list_url(resource), params)
    assert response.status_code == 200, response.content
    return response


def ids(response):
    return sorted(item["id"] for item in results(response))


# --- Each filter -------------------------------------------------------------------------


def test_meetings_filter_by_council_kind_year_host_state_and_dates():
    council = factories.CouncilFactory()
    host = factories.StateFactory()
    summit = factories.MeetingFactory(
        council=council, kind="summit", start_date=datetime.date(2021, 11, 12), end_date=None
    )
    other = factories.MeetingFactory(host_state=host, start_date=datetime.date(2023, 3, 16))

    assert slugs(get("meetings", council=council.slug)) == [summit.slug]
    assert slugs(get("meetings", kind="summit")) == [summit.slug]
    assert slugs(get("meetings", year=2021)) == [summit.slug]
    assert slugs(get("meetings", host_state=host.slug)) == [other.slug]
    assert slugs(get("meetings", date_from="2022-01-01")) == [other.slug]
    assert slugs(get("meetings", date_to="2022-01-01")) == [summit.slug]


def test_statements_filter_by_council_kind_signatory_topic_and_year():
    council = factories.CouncilFactory()
    state = factories.StateFactory()
    topic = factories.TopicFactory()
    declaration = factories.JointStatementFactory(
        council=council, kind="declaration", issued_on=datetime.date(2020, 4, 10)
    )
    declaration.signatories.add(state)
    declaration.topics.add(topic)
    factories.JointStatementFactory()

    assert slugs(get("statements", council=council.slug)) == [declaration.slug]
    assert slugs(get("statements", kind="declaration")) == [declaration.slug]
    assert slugs(get("statements", signatory=state.slug)) == [declaration.slug]
    assert slugs(get("statements", topic=topic.slug)) == [declaration.slug]
    assert slugs(get("statements", year=2020)) == [declaration.slug]


def test_election_missions_filter_by_observed_state_kind_and_year():
    state = factories.StateFactory()
    mission = factories.ElectionObservationMissionFactory(
        observed_state=state, election_kind="referendum", election_date=datetime.date(2022, 6, 5)
    )
    factories.ElectionObservationMissionFactory()

    assert slugs(get("election-missions", observed_state=state.slug)) == [mission.slug]
    assert slugs(get("election-missions", election_kind="referendum")) == [mission.slug]
    assert slugs(get("election-missions", year=2022)) == [mission.slug]


def test_candidacies_filter_by_state_organization_outcome_and_public_supporter():
    candidacy = factories.CandidacyFactory(outcome="elected")
    other = factories.CandidacyFactory()
    supporter = factories.CandidacySupportFactory(candidacy=candidacy).supporting_state
    hidden = factories.CandidacySupportFactory(
        candidacy=other, visibility=SupportVisibility.INTERNAL
    ).supporting_state

    assert slugs(get("candidacies", state=candidacy.state.slug)) == [candidacy.slug]
    assert slugs(get("candidacies", organization=candidacy.organization.slug)) == [candidacy.slug]
    assert slugs(get("candidacies", outcome="elected")) == [candidacy.slug]
    assert slugs(get("candidacies", supporting_state=supporter.slug)) == [candidacy.slug]
    assert slugs(get("candidacies", supporting_state=hidden.slug)) == []


def test_states_filter_by_kind_and_current_role():
    member = factories.MembershipFactory(role="member").state
    observer = factories.MembershipFactory(role="observer").state
    entity = factories.StateFactory(kind="entity")

    assert slugs(get("states", role="member")) == [member.slug]
    assert slugs(get("states", role="observer")) == [observer.slug]
    assert slugs(get("states", kind="entity")) == [entity.slug]


def test_memberships_filter_by_state_role_and_current():
    current = factories.MembershipFactory(role="observer")
    ended = factories.MembershipFactory(end_date=datetime.date(2018, 9, 3))

    assert ids(get("memberships", state=current.state.slug)) == [current.pk]
    assert ids(get("memberships", role="observer")) == [current.pk]
    assert ids(get("memberships", current="true")) == [current.pk]
    assert ids(get("memberships", current="false")) == [ended.pk]


def test_organizations_filter_by_kind_and_parent():
    united_nations = factories.OrganizationFactory()
    assembly = factories.OrganizationFactory(parent=united_nations, kind="un_organ")

    assert slugs(get("organizations", parent=united_nations.slug)) == [assembly.slug]
    assert slugs(get("organizations", kind="un_organ")) == [assembly.slug]


def test_councils_filter_by_kind():
    secretariat = factories.CouncilFactory(kind="secretariat")
    factories.CouncilFactory()

    assert slugs(get("councils", kind="secretariat")) == [secretariat.slug]


def test_observer_statuses_filter_by_organization_direction_and_stage():
    status = factories.ObserverStatusFactory(current_stage="granted")
    other = factories.ObserverStatusFactory(direction="organization_at_ots")

    assert ids(get("observer-statuses", organization=status.organization.slug)) == [status.pk]
    assert ids(get("observer-statuses", direction="organization_at_ots")) == [other.pk]
    assert ids(get("observer-statuses", current_stage="granted")) == [status.pk]


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_resource_filters_by_updated_since(resource):
    old = make(resource)
    new = make(resource)
    model = type(old)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    model.objects.filter(pk=old.pk).update(updated_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    listed = ids(get(resource, updated_since=since))

    assert new.pk in listed
    assert old.pk not in listed


def test_updated_since_takes_a_date_time_with_an_offset():
    factories.TopicFactory()

    assert len(results(get("topics", updated_since="2000-01-01T00:00:00+03:00"))) == 1
    assert results(get("topics", updated_since="2999-01-01T00:00:00Z")) == []


# --- Search and ordering -----------------------------------------------------------------


def test_search_finds_words_in_the_searched_fields():
    budapest = factories.MeetingFactory(city="Budapest", title="Informal Summit")
    factories.MeetingFactory(city="Astana")

    assert slugs(get("meetings", search="budapest")) == [budapest.slug]
    assert slugs(get("meetings", search="informal budapest")) == [budapest.slug]
    assert slugs(get("meetings", search="cairo")) == []


def test_search_reaches_related_names():
    candidacy = factories.CandidacyFactory(state=factories.StateFactory(name="Kyrgyzstan"))
    factories.CandidacyFactory()

    assert slugs(get("candidacies", search="kyrgyz")) == [candidacy.slug]


def test_ordering_sorts_by_the_given_fields_and_directions():
    early = factories.MeetingFactory(title="B", start_date=datetime.date(2020, 1, 1), end_date=None)
    late = factories.MeetingFactory(title="A", start_date=datetime.date(2024, 1, 1), end_date=None)

    assert slugs(get("meetings", ordering="start_date")) == [early.slug, late.slug]
    assert slugs(get("meetings", ordering="-start_date")) == [late.slug, early.slug]
    assert slugs(get("meetings", ordering="title,-start_date")) == [late.slug, early.slug]
    # Without ?ordering=, the model's own order (latest first).
    assert slugs(get("meetings")) == [late.slug, early.slug]


# --- Invalid parameters ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "params", "field"),
    [
        ("meetings", {"year": "abc"}, "year"),
        ("meetings", {"year": "1999.5"}, "year"),
        ("meetings", {"year": "1800"}, "year"),
        ("meetings", {"council": "unknown-council"}, "council"),
        ("meetings", {"host_state": "atlantis"}, "host_state"),
        ("meetings", {"kind": "picnic"}, "kind"),
        ("meetings", {"date_from": "2024-13-01"}, "date_from"),
        ("meetings", {"updated_since": "yesterday"}, "updated_since"),
        ("meetings", {"updated_since": "0001-01-01T00:00:00+05:00"}, "updated_since"),
        ("meetings", {"ordering": "colour"}, "ordering"),
        ("meetings", {"ordering": "start_date,-colour"}, "ordering"),
        ("meetings", {"lang": "fr"}, "lang"),
        ("statements", {"topic": "no-such-topic"}, "topic"),
        ("candidacies", {"supporting_state": "nowhere"}, "supporting_state"),
        ("memberships", {"current": "perhaps"}, "current"),
        ("states", {"role": "king"}, "role"),
        ("topics", {"updated_since": "2024-02-30T00:00:00Z"}, "updated_since"),
    ],
)
def test_an_invalid_parameter_is_a_400_naming_it(resource, params, field):
    response = anonymous_client().get(list_url(resource), params)

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert field in response.json()


@pytest.mark.parametrize("params", [{"search": "a\x00b"}, {"council": "\x00"}])
def test_a_nul_character_in_a_parameter_is_a_400_naming_it(params):
    # PostgreSQL cannot compare text holding NUL: refused before any query.
    response = anonymous_client().get(list_url("meetings"), params)

    assert response.status_code == 400
    assert next(iter(params)) in response.json()


def test_invalid_filters_are_400_also_for_a_csv_export():
    response = anonymous_client().get(list_url("meetings"), {"year": "abc", "format": "csv"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "year" in response.json()
