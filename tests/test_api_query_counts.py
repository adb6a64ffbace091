"""The query budget of every API list, as exact numbers: the same with 5 rows as with 50 (no
N+1), for the public and for the Secretariat, in JSON and in CSV.

The page cache is taken out of the middleware: a cached response costs no query and would
prove nothing. What is counted is the request as DRF serves it: for an editor, the token (one
query) and, for a resource with drafts, the permissions (two); then the COUNT of a page (JSON
only), the rows with their joined relations, and one query per prefetched relation.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .api_helpers import (
    FAST_PASSWORD_HASHERS,
    RESOURCES,
    anonymous_client,
    list_url,
    make_rich,
    reset_throttle,
    token_client,
)

pytestmark = pytest.mark.django_db

# resource -> queries of a JSON page (anonymous, editor); a CSV export has no COUNT.
JSON_QUERIES = {
    "states": (3, 4),  # COUNT, rows, sources
    "memberships": (3, 4),  # COUNT, rows with their state, sources
    "organizations": (3, 4),  # COUNT, rows with their parent, sources
    "councils": (3, 4),  # COUNT, rows, sources
    "meetings": (2, 5),  # COUNT, rows with council and states (no nested lists in the list)
    # COUNT, rows with council and meeting, signatories, topics, candidacies, documents, sources
    "statements": (7, 10),
    "topics": (2, 3),  # COUNT, rows
    "candidacies": (4, 7),  # COUNT, rows with state and organization, supports, sources
    "observer-statuses": (4, 7),  # COUNT, rows with the organizations, steps, sources
    # COUNT, rows with the observed state, participating states, partners, sources
    "election-missions": (5, 8),
}


@pytest.fixture(autouse=True)
def _api_test_setup(settings):
    reset_throttle()
    # The users of these tests are made with a password: hash it quickly.
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("PageCacheMiddleware")
    ]


def count_queries(client, resource, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(list_url(resource), params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("params", [{"page_size": 100}, {"format": "csv"}], ids=["json", "csv"])
def test_list_queries_are_the_budget_with_few_and_with_many_rows(resource, params, editor):
    anonymous, staff = JSON_QUERIES[resource]
    if params.get("format") == "csv":
        anonymous, staff = anonymous - 1, staff - 1
    expected = {"anonymous": anonymous, "editor": staff}
    clients = {"anonymous": anonymous_client(), "editor": token_client(editor)}

    for _ in range(5):
        make_rich(resource)
    few = {name: count_queries(client, resource, params) for name, client in clients.items()}
    for _ in range(45):
        make_rich(resource)
    many = {name: count_queries(client, resource, params) for name, client in clients.items()}

    assert few == expected
    assert many == expected
