"""Helpers of the API tests: clients, one published record per resource, drafts."""

import datetime

from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from otscoop.choices import Publication

from . import factories

API = "/api/v1/"


def anonymous_client() -> APIClient:
    return APIClient()


def token_for(user) -> str:
    """The user's API token (issued in the admin in real life)."""
    token, _created = Token.objects.get_or_create(user=user)
    return token.key


def token_client(user) -> APIClient:
    """A client that authenticates with the user's API token, as Secretariat tools do."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user)}")
    return client


def reset_throttle():
    """Anonymous requests are throttled per minute (in the cache), which every test starts
    empty (conftest.py): this starts afresh within a test, e.g. between fuzzed examples."""
    cache.clear()


def list_url(resource: str) -> str:
    return f"{API}{resource}/"


def detail_url(resource: str, key) -> str:
    return f"{API}{resource}/{key}/"


def results(response) -> list:
    return response.json()["results"]


def slugs(response, key="slug") -> list:
    return [item[key] for item in results(response)]


# resource -> (factory, lookup attribute, has publication state)
RESOURCES = {
    "states": (factories.StateFactory, "slug", False),
    "memberships": (factories.MembershipFactory, "pk", False),
    "organizations": (factories.OrganizationFactory, "slug", False),
    "councils": (factories.CouncilFactory, "slug", False),
    "meetings": (factories.MeetingFactory, "slug", True),
    "statements": (factories.JointStatementFactory, "slug", True),
    "topics": (factories.TopicFactory, "slug", False),
    "candidacies": (factories.CandidacyFactory, "slug", True),
    "observer-statuses": (factories.ObserverStatusFactory, "pk", True),
    "election-missions": (factories.ElectionObservationMissionFactory, "slug", True),
    "decisions": (factories.DecisionFactory, "pk", True),
    "decision-steps": (factories.DecisionStepFactory, "pk", False),
}
PUBLISHED_RESOURCES = [name for name, (_f, _l, published) in RESOURCES.items() if published]


def make(resource: str, **kwargs):
    factory, _lookup, _published = RESOURCES[resource]
    return factory(**kwargs)


def make_draft(resource: str, **kwargs):
    return make(resource, publication=Publication.DRAFT, **kwargs)


def key_of(resource: str, instance):
    _factory, lookup, _published = RESOURCES[resource]
    return getattr(instance, lookup)


def make_rich(resource: str, **kwargs):
    """A record with its nested and related rows, so that a list of them shows N+1 queries."""
    instance = make(resource, **kwargs)
    source = factories.SourceFactory()
    if hasattr(instance, "sources"):
        instance.sources.add(source)
    if resource == "meetings":
        factories.DelegationFactory(meeting=instance)
        factories.DocumentFactory(meeting=instance)
        instance.place = factories.PlaceFactory()
        instance.save()
    elif resource == "statements":
        instance.signatories.add(factories.StateFactory())
        instance.topics.add(factories.TopicFactory())
        instance.endorsed_candidacies.add(factories.CandidacyFactory())
        instance.meeting = factories.MeetingFactory(
            start_date=instance.issued_on, end_date=instance.issued_on
        )
        instance.save()
    elif resource == "candidacies":
        factories.CandidacySupportFactory(candidacy=instance)
    elif resource == "observer-statuses":
        factories.ObserverStatusStepFactory(observer_status=instance)
    elif resource == "election-missions":
        instance.places.add(factories.PlaceFactory())
        instance.participating_states.add(factories.StateFactory())
        instance.partner_organizations.add(factories.OrganizationFactory())
    elif resource == "organizations":
        instance.parent = factories.OrganizationFactory()
        instance.save()
    elif resource == "states":
        factories.MembershipFactory(state=instance)
    elif resource == "decisions":
        instance.addressed_councils.add(factories.CouncilFactory())
        instance.addressed_states.add(factories.StateFactory())
        instance.addressed_organizations.add(factories.OrganizationFactory())
        instance.topics.add(factories.TopicFactory())
        instance.document = factories.DocumentFactory(meeting=instance.meeting)
        instance.save()
        factories.DecisionStepFactory(
            decision=instance,
            reported_at=factories.MeetingFactory(),
            reported_in=factories.JointStatementFactory(),
        )
    elif resource == "decision-steps":
        instance.reported_at = factories.MeetingFactory()
        instance.reported_in = factories.JointStatementFactory()
        instance.save()
    return instance


# A valid body to create one record of each resource, given slugs of existing related rows.
def create_body(resource: str, related: dict) -> dict:
    today = datetime.date(2024, 11, 6).isoformat()
    if resource in ("decisions", "decision-steps") and "decision" not in related:
        related = {**related, **decision_records()}
    bodies = {
        "states": {"name": "Atlantis", "slug": "atlantis", "iso2": "QA", "iso3": "QAT"},
        "memberships": {"state": related["state"], "role": "observer", "start_date": today},
        "organizations": {
            "name": "Organization of Tests",
            "slug": "organization-of-tests",
            "kind": "other",
            "parent": related["organization"],
        },
        "councils": {"name": "Council of Tests", "slug": "council-of-tests", "kind": "council"},
        "meetings": {
            "slug": "eleventh-summit",
            "title": "11th Summit",
            "kind": "summit",
            "council": related["council"],
            "number": 11,
            "start_date": "2024-11-06",
            "end_date": "2024-11-06",
            "host_state": related["state"],
            "publication": "published",
        },
        "statements": {
            "slug": "statement-on-tests",
            "title": "Statement on tests",
            "kind": "joint_statement",
            "issued_on": today,
            "signatories": [related["state"]],
            "topics": [related["topic"]],
        },
        "topics": {"name": "Testing", "slug": "testing"},
        "candidacies": {
            "slug": "bid-for-tests",
            "state": related["state"],
            "organization": related["organization"],
            "post": "Member of the Test Council",
            "term_start": 2027,
            "term_end": 2028,
        },
        "observer-statuses": {
            "organization": related["organization"],
            "direction": "organization_at_ots",
            "current_stage": "granted",
        },
        "election-missions": {
            "slug": "tests-election",
            "title": "Election of tests",
            "observed_state": related["state"],
            "election_kind": "presidential",
            "election_date": today,
            "participating_states": [related["state"]],
        },
        "decisions": {
            "meeting": related.get("meeting"),
            "kind": "instruction",
            "text": "The heads of state instructed the Secretariat to report.",
            "addressed_councils": [related["council"]],
            "addressed_states": [related["state"]],
            "topics": [related["topic"]],
            "publication": "published",
        },
        "decision-steps": {
            "decision": related.get("decision"),
            "date": "2024-12-01",
            "status": "in_progress",
            "reported_at": related.get("meeting"),
        },
    }
    return bodies[resource]


# One field to change per resource, and its new value.
UPDATES = {
    "states": ("capital", "Astana"),
    "memberships": ("note", "Joined at the summit."),
    "organizations": ("acronym", "OTT"),
    "councils": ("seat", "Istanbul"),
    "meetings": ("city", "Budapest"),
    "statements": ("summary", "The ministers agreed."),
    "topics": ("name", "Tests and testing"),
    "candidacies": ("outcome", "elected"),
    "observer-statuses": ("reference", "A/RES/1"),
    "election-missions": ("head_of_mission", "A. Observer"),
    "decisions": ("text", "The heads of state decided otherwise."),
    "decision-steps": ("note", "Reported by the Secretariat."),
}


def related_records() -> dict:
    """Slugs of related rows that create bodies refer to."""
    return {
        "state": factories.StateFactory().slug,
        "organization": factories.OrganizationFactory().slug,
        "council": factories.CouncilFactory().slug,
        "topic": factories.TopicFactory().slug,
    }


def decision_records() -> dict:
    """A meeting (by slug) and a decision (by id) that decisions and their steps refer to."""
    return {
        "meeting": factories.MeetingFactory().slug,
        "decision": factories.DecisionFactory().pk,
    }
