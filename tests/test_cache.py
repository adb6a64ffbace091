"""Anonymous pages and API responses come from the cache until any record changes; the change
is seen at once by every process sharing the cache; staff never get cached pages."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from events.models import Meeting
from otscoop.cache import AnonymousPageCacheMiddleware, current_generation, invalidate
from otscoop.choices import Publication

from .factories import JointStatementFactory, MeetingFactory, TopicFactory, UserFactory
from .services import REDIS_URL, missing, redis_available

pytestmark = pytest.mark.django_db

MEETINGS = "/en/meetings/"


def get(client, path=MEETINGS, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return response


def test_second_anonymous_request_is_served_from_the_cache(client):
    MeetingFactory(title="Bishkek summit")
    first = get(client)
    second = get(client)
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Language"] == "en"


def test_saving_a_record_shows_at_once(client):
    meeting = MeetingFactory(title="Old title")
    get(client)
    meeting.title = "New title"
    meeting.save()
    response = get(client)
    assert response["X-Cache"] == "miss"
    assert "New title" in response.content.decode()


def test_publishing_through_the_admin_shows_at_once(client, editor):
    draft = MeetingFactory(title="Draft summit", publication=Publication.DRAFT)
    assert "Draft summit" not in get(client).content.decode()
    staff = type(client)()
    staff.force_login(editor)
    staff.post(
        reverse("admin:events_meeting_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert "Draft summit" in get(client).content.decode()


def test_deleting_and_relinking_invalidate(client):
    statement = JointStatementFactory(title="On connectivity")
    path = statement.get_absolute_url()
    get(client, path)
    statement.topics.add(TopicFactory(name="Transport corridors"))
    assert "Transport corridors" in get(client, path).content.decode()
    get(client, "/en/statements/")
    statement.delete()
    assert "On connectivity" not in get(client, "/en/statements/").content.decode()


def test_logged_in_staff_always_get_a_fresh_page(client):
    MeetingFactory()
    client.force_login(UserFactory())
    for _ in range(2):
        response = get(client)
        assert "X-Cache" not in response
    assert not [key for key in cache._cache if "otscoop:page" in key]  # locmem internals


def test_api_token_requests_bypass_the_cache():
    request = RequestFactory().get("/api/v1/meetings/", HTTP_AUTHORIZATION="Token abc")
    assert not AnonymousPageCacheMiddleware.is_cacheable_request(request)


def test_each_language_has_its_own_entry():
    factory = RequestFactory()
    english = factory.get("/api/v1/meetings/", HTTP_ACCEPT_LANGUAGE="en")
    russian = factory.get("/api/v1/meetings/", HTTP_ACCEPT_LANGUAGE="ru")
    turkish_param = factory.get("/api/v1/meetings/?lang=tr")
    keys = {AnonymousPageCacheMiddleware.key(r) for r in (english, russian, turkish_param)}
    assert len(keys) == 3


@pytest.mark.parametrize("path", [MEETINGS, "/statements/feed/", "/meetings.ics"])
def test_etag_gives_304_when_nothing_changed(client, path):
    JointStatementFactory()
    MeetingFactory()
    first = get(client, path)
    etag = first["ETag"]
    assert first["Last-Modified"]
    not_modified = client.get(path, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    MeetingFactory(title="Something new")
    JointStatementFactory(title="Something new")
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_errors_and_admin_pages_are_not_cached(client):
    generation = current_generation()
    client.get("/en/meetings/no-such-meeting/")
    client.get("/admin/login/")
    assert current_generation() == generation
    assert not [key for key in cache._cache if "otscoop:page" in key]


# Across processes, through Redis ------------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    if not redis_available():
        missing("Redis is not reachable at " + REDIS_URL)
    settings.CACHES = {
        "default": {
            "BACKEND": "otscoop.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "otscoop-test",
        }
    }
    cache.clear()
    yield cache
    cache.clear()


def run_in_another_process(code, **environment):
    """Run Python code in a separate Django process sharing the Redis cache (and database)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "otscoop.settings",
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "otscoop-test",
        **environment,
    }
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        timeout=60,
    )


def test_a_change_in_another_process_invalidates_this_process(client, redis_cache):
    MeetingFactory(title="Summit")
    get(client)
    assert get(client)["X-Cache"] == "hit"
    run_in_another_process("from otscoop.cache import invalidate; invalidate()")
    assert get(client)["X-Cache"] == "miss"


@pytest.mark.django_db(transaction=True)
def test_a_record_saved_by_another_process_shows_here_at_once(client, redis_cache):
    if connection.vendor != "postgresql":
        pytest.skip("the other process needs a shared database server (PostgreSQL)")
    meeting = MeetingFactory(title="Before")
    assert "Before" in get(client).content.decode()
    assert get(client)["X-Cache"] == "hit"
    database = connection.settings_dict
    run_in_another_process(
        "from events.models import Meeting\n"
        f"meeting = Meeting.objects.get(pk={meeting.pk})\n"
        "meeting.title = 'After'\n"
        "meeting.save()\n",
        DATABASE_URL=(
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
    )
    assert Meeting.objects.get(pk=meeting.pk).title == "After"
    page = get(client).content.decode()
    assert "After" in page and "Before" not in page


def test_invalidate_counts_up_from_an_empty_cache(redis_cache):
    start = current_generation()
    invalidate()
    invalidate()
    assert current_generation() == start + 2


def test_an_emptied_cache_starts_the_generation_somewhere_new(redis_cache):
    # A worker may still hold entries tagged with the old counter (process_cached): after a
    # flush the counter must not come back to the values it had.
    seen = set()
    for _attempt in range(5):
        cache.clear()
        seen.add(current_generation())
    assert len(seen) == 5
    cache.clear()
    invalidate()
    assert current_generation() not in seen


def test_the_redis_backend_reuses_one_client_and_works_as_djangos(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    redis_cache.set("a", (1, ["x"]))
    assert redis_cache.get_many(["a", "missing"]) == {"a": (1, ["x"])}
    assert redis_cache.add("n", 1) and redis_cache.incr("n") == 2
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_a_redis_cache_url_selects_the_shared_client_backend():
    if not redis_available():
        missing("Redis is not reachable at " + REDIS_URL)
    run_in_another_process(
        "from django.conf import settings\n"
        "assert settings.CACHES['default']['BACKEND'] == 'otscoop.redis_cache.RedisCache'\n"
        "from django.core.cache import cache\n"
        "cache.set('otscoop-selected', 1)\n"
        "assert cache.get('otscoop-selected') == 1\n"
    )
