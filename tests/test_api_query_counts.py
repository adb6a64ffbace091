"""The query count of an API list does not grow with its rows (no N+1), for the public and
for the Secretariat, in JSON and in CSV."""

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


@pytest.fixture(autouse=True)
def _api_test_setup(settings):
    reset_throttle()
    # The users of these tests are made with a password: hash it quickly.
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


def count_queries(client, resource, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(list_url(resource), params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("params", [{"page_size": 100}, {"format": "csv"}], ids=["json", "csv"])
def test_list_queries_do_not_grow_with_the_rows(resource, params, editor):
    for _ in range(5):
        make_rich(resource)
    clients = {"anonymous": anonymous_client(), "editor": token_client(editor)}
    few = {name: count_queries(client, resource, params) for name, client in clients.items()}

    for _ in range(45):
        make_rich(resource)
    many = {name: count_queries(client, resource, params) for name, client in clients.items()}

    assert many == few
