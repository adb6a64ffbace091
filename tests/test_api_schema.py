"""The OpenAPI schema: served, described, and true to the API (schemathesis over every operation).

The schemathesis run calls the WSGI application in-process, inside the test's transaction, on
published seed records; writes carry an editor's token. Every response must be a documented
status with a body matching its schema, and never a 5xx. Each operation gets a few positive and
a few negative (schema-breaking) examples, the same ones on every run; for a deeper search run
`API_FUZZ_EXAMPLES=100 API_FUZZ_RANDOM=1 pytest tests/test_api_schema.py`.
"""

import os
import re

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from otscoop.wsgi import application

from . import factories
from .api_helpers import reset_throttle, token_for

pytestmark = pytest.mark.django_db

SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}
FUZZ_EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "8"))
FUZZ_RANDOMLY = bool(os.environ.get("API_FUZZ_RANDOM"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
RESOURCES = [
    "states",
    "memberships",
    "organizations",
    "councils",
    "meetings",
    "statements",
    "topics",
    "candidacies",
    "observer-statuses",
    "election-missions",
    "decisions",
    "decision-steps",
]


@pytest.fixture
def _keep_the_test_connection():
    """Serve the WSGI app as Django's test client does: without closing the database
    connection at the end of each request (it holds the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def schema_document():
    return Client().get("/api/schema/", {"format": "json"}).json()


# --- Served and described ----------------------------------------------------------------


def test_the_schema_is_served_as_openapi_3(schema_document):
    assert schema_document["openapi"].startswith("3.")
    paths = schema_document["paths"]
    for resource in RESOURCES:
        assert f"/api/v1/{resource}/" in paths
    assert set(paths["/api/v1/meetings/{slug}/"]) == {"get", "put", "patch", "delete"}


# Read only: a list and a detail.
READ_ONLY_RESOURCES = ["documents", "secretaries-general"]


def test_every_operation_of_the_schema_is_tested():
    assert len(OPERATIONS) == len(RESOURCES) * 6 + len(READ_ONLY_RESOURCES) * 2


def test_the_swagger_ui_is_served_without_a_cdn():
    response = Client().get("/api/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)


def described(schema: dict) -> bool:
    return bool(schema.get("description")) or "$ref" in schema


def test_every_parameter_is_described(schema_document):
    missing = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in schema_document["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert missing == []


def test_every_field_is_described(schema_document):
    missing = [
        f"{name}.{field}"
        for name, component in schema_document["components"]["schemas"].items()
        for field, schema in component.get("properties", {}).items()
        if not described(schema)
    ]
    assert missing == []


def test_choices_are_listed_as_named_enums(schema_document):
    schemas = schema_document["components"]["schemas"]

    assert schemas["MeetingKindEnum"]["enum"][:2] == ["summit", "informal_summit"]
    assert "`month` - Month only" in schemas["DatePrecisionEnum"]["description"]
    meeting_kind = schemas["Meeting"]["properties"]["kind"]
    assert meeting_kind["allOf"] == [{"$ref": "#/components/schemas/MeetingKindEnum"}]


def test_the_meeting_list_is_documented_without_the_nested_lists_of_the_detail(
    schema_document,
):
    def response_schema(path):
        responses = schema_document["paths"][path]["get"]["responses"]
        return responses["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]

    schemas = schema_document["components"]["schemas"]
    page = schemas[response_schema("/api/v1/meetings/")]
    listed = page["properties"]["results"]["items"]["$ref"].split("/")[-1]
    detail = response_schema("/api/v1/meetings/{slug}/")

    nested = {"delegations", "documents", "sources"}
    assert (listed, detail) == ("MeetingListItem", "Meeting")
    assert not nested & set(schemas[listed]["properties"])
    assert set(schemas[detail]["properties"]) - set(schemas[listed]["properties"]) == nested


def test_filters_and_their_enums_are_documented(schema_document):
    parameters = {
        parameter["name"]: parameter
        for parameter in schema_document["paths"]["/api/v1/meetings/"]["get"]["parameters"]
    }

    assert {
        "council",
        "kind",
        "year",
        "host_state",
        "date_from",
        "date_to",
        "updated_since",
        "ordering",
        "search",
        "page",
        "page_size",
        "format",
        "lang",
    } <= set(parameters)
    assert parameters["year"]["schema"]["type"] == "integer"
    assert parameters["updated_since"]["schema"]["format"] == "date-time"
    assert "-start_date" in parameters["ordering"]["schema"]["items"]["enum"]
    assert parameters["lang"]["schema"]["enum"] == ["en", "ru", "tr"]


def test_reading_needs_no_authentication_but_writing_does(schema_document):
    meetings = schema_document["paths"]["/api/v1/meetings/"]

    assert {} in meetings["get"]["security"]
    assert {} not in meetings["post"]["security"]
    assert {"tokenAuth": []} in meetings["post"]["security"]


# --- Schemathesis ------------------------------------------------------------------------


def seed():
    """Published records with known keys, for the operations on one record to find."""
    state = factories.StateFactory(slug="kazakhstan")
    organization = factories.OrganizationFactory(slug="united-nations")
    council = factories.CouncilFactory(slug="council-of-foreign-ministers")
    topic = factories.TopicFactory(slug="afghanistan")
    meeting = factories.MeetingFactory(slug="astana-summit", council=council, host_state=state)
    factories.DelegationFactory(meeting=meeting, state=state)
    factories.DocumentFactory(meeting=meeting)
    statement = factories.JointStatementFactory(slug="statement-on-afghanistan", council=council)
    statement.topics.add(topic)
    statement.signatories.add(state)
    candidacy = factories.CandidacyFactory(slug="un-security-council", organization=organization)
    factories.CandidacySupportFactory(candidacy=candidacy, supporting_state=state)
    status = factories.ObserverStatusFactory(organization=organization)
    factories.ObserverStatusStepFactory(observer_status=status)
    membership = factories.MembershipFactory(state=state)
    mission = factories.ElectionObservationMissionFactory(
        slug="presidential-election", observed_state=state
    )
    mission.participating_states.add(state)
    decision = factories.DecisionFactory(meeting=meeting)
    step = factories.DecisionStepFactory(decision=decision, reported_at=meeting)
    document = meeting.documents.first()
    return {
        "states": state.slug,
        "memberships": membership.pk,
        "organizations": organization.slug,
        "councils": council.slug,
        "meetings": meeting.slug,
        "statements": statement.slug,
        "topics": topic.slug,
        "candidacies": candidacy.slug,
        "observer-statuses": status.pk,
        "election-missions": mission.slug,
        "decisions": decision.pk,
        "decision-steps": step.pk,
        "documents": document.pk,
        "secretaries-general": factories.SecretaryGeneralFactory(appointed_at=meeting).slug,
    }


def case_strategy(operation, mode, seeded):
    """Generated cases; for an operation on one record, half of them on a seeded record."""
    generated = operation.as_strategy(generation_mode=mode)
    if not operation.path_parameters:
        return generated
    (variable,) = [parameter.name for parameter in operation.path_parameters]
    resource = operation.path.split("/")[3]  # /api/v1/<resource>/{key}/
    on_seed = operation.as_strategy(
        generation_mode=mode, path_parameters={variable: seeded[resource]}
    )
    return st.one_of(generated, on_seed)


@pytest.mark.parametrize("mode", ["positive", "negative"])
@pytest.mark.parametrize("label", list(OPERATIONS))
@pytest.mark.usefixtures("_keep_the_test_connection")
def test_schemathesis_finds_no_server_error_and_no_schema_violation(label, mode, editor):
    operation = OPERATIONS[label]
    strategy = case_strategy(operation, schemathesis.GenerationMode(mode), seed())
    editor_token = {"Authorization": f"Token {token_for(editor)}"}

    @hypothesis.settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not FUZZ_RANDOMLY,
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=strategy, anonymous=st.booleans())
    def run(case, anonymous):
        reset_throttle()
        # Reads go both ways (the public sees published records only); writes as an editor.
        headers = {} if anonymous and operation.method.upper() == "GET" else editor_token
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
