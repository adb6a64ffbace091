"""bench/profile.py: the sampling profile that bench/run.py writes into bench/RESULTS.md."""

import datetime
import importlib.util
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from otscoop.cache import current_generation

from .factories import MeetingFactory

PROFILE = Path(__file__).resolve().parent.parent / "bench" / "profile.py"


@pytest.fixture(scope="module")
def profile_module():
    spec = importlib.util.spec_from_file_location("bench_profile", PROFILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("filename", "part"),
    [
        ("/x/site-packages/psycopg/connection.py", "database"),
        ("/x/site-packages/django/db/models/sql/compiler.py", "SQL building"),
        ("/x/site-packages/django/db/models/base.py", "ORM objects"),
        ("/x/site-packages/modeltranslation/fields.py", "ORM objects"),
        (
            "/x/site-packages/django/forms/jinja2/django/forms/widgets/select.html",
            "forms and filters",
        ),
        ("/x/site-packages/rest_framework/serializers.py", "DRF serializers"),
        ("/repo/events/api/serializers.py", "DRF serializers"),
        ("/x/site-packages/django/template/base.py", "Django templates"),
        ("/x/site-packages/django/utils/translation/trans_real.py", "translations"),
        ("/x/site-packages/django/urls/resolvers.py", "URLs"),
        ("/repo/otscoop/middleware.py", None),
    ],
)
def test_each_file_belongs_to_one_part(profile_module, filename, part):
    assert profile_module.part_of_file(filename) == part


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: a request must not close the test's database connection
    (it holds the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_a_profile_shares_each_request_out_among_the_parts(profile_module, monkeypatch):
    monkeypatch.setattr(profile_module, "REQUESTS", 3)
    meeting = MeetingFactory()
    app = WSGIHandler()
    result = profile_module.profile(app, meeting.get_absolute_url(), "")
    assert result["path"] == meeting.get_absolute_url()
    assert result["ms"] > 0 and result["median_ms"] > 0
    assert set(result["parts"]) == set(profile_module.PART_NAMES)
    assert sum(result["parts"].values()) == pytest.approx(1.0)
    assert profile_module.profile(app, "/en/meetings/no-such-meeting/", "") == {
        "path": "/en/meetings/no-such-meeting/",
        "error": "not 200",
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_each_profiled_request_is_cold(profile_module, monkeypatch):
    # The first request after an edit of the latest meeting: every timed request misses the
    # shared cache, and that meeting's row is rendered again (its updated_at moved on).
    monkeypatch.setattr(profile_module, "REQUESTS", 3)
    latest = MeetingFactory(start_date=datetime.date(2030, 1, 1), end_date=None)
    MeetingFactory(start_date=datetime.date(2020, 1, 1), end_date=None)
    seen = []

    def request(app, path, cookie):
        latest.refresh_from_db()
        seen.append((current_generation(), latest.updated_at))
        return 200

    monkeypatch.setattr(profile_module, "request", request)
    profile_module.profile(WSGIHandler(), "/en/meetings/", "")
    timed = seen[profile_module.WARM_UP :]
    assert len(timed) == 3
    assert len({generation for generation, _ in timed}) == 3
    assert len({updated_at for _, updated_at in timed}) == 3
