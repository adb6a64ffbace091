"""Through Redis, a change made in one process is seen at once by the readers of every other
process, in both audiences."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from events.models import Meeting
from otscoop.cache import current_generation, invalidate
from otscoop.choices import Publication

from .factories import MeetingFactory, UserFactory
from .services import REDIS_URL, missing, redis_available

pytestmark = pytest.mark.django_db

MEETINGS = "/en/meetings/"
API_MEETINGS = "/api/v1/meetings/"


@pytest.fixture
def redis_cache(settings):
    if not redis_available():
        missing("Redis is not reachable at " + REDIS_URL)
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "otscoop-test",
        }
    }
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def superuser(db):
    # Transactional tests empty the tables, the migration's Secretariat groups with them.
    return UserFactory(username="chief", is_superuser=True)


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


def shared_database_url():
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


def get(client, path=MEETINGS):
    response = client.get(path)
    assert response.status_code == 200
    return response


def test_a_change_in_another_process_invalidates_this_process(redis_cache, editor):
    MeetingFactory(title="Summit")
    public, staff = Client(), Client()
    staff.force_login(editor)
    for client in (public, staff):
        get(client)
        assert get(client)["X-Cache"] == "hit"
    run_in_another_process("from otscoop.cache import invalidate; invalidate()")
    assert [get(client)["X-Cache"] for client in (public, staff)] == ["miss", "miss"]


@pytest.mark.django_db(transaction=True)
def test_a_record_saved_by_another_process_shows_at_once_to_both_audiences(redis_cache, superuser):
    if connection.vendor != "postgresql":
        pytest.skip("the other process needs a shared database server (PostgreSQL)")
    meeting = MeetingFactory(title="Before")
    draft = MeetingFactory(title="Draft plan", publication=Publication.DRAFT)
    public, staff = Client(), Client()
    staff.force_login(superuser)
    for client in (public, staff):
        get(client, API_MEETINGS)
        assert get(client, API_MEETINGS)["X-Cache"] == "hit"
    run_in_another_process(
        "from events.models import Meeting\n"
        f"meeting = Meeting.objects.get(pk={meeting.pk})\n"
        "meeting.title = 'After'\n"
        "meeting.save()\n"
        f"Meeting.objects.get(pk={draft.pk}).delete()\n",
        DATABASE_URL=shared_database_url(),
    )
    assert Meeting.objects.get(pk=meeting.pk).title == "After"
    for client in (public, staff):
        body = get(client, API_MEETINGS).content.decode()
        assert "After" in body and "Before" not in body and "Draft plan" not in body


@pytest.mark.django_db(transaction=True)
def test_rights_withdrawn_in_another_process_count_here(redis_cache, superuser):
    if connection.vendor != "postgresql":
        pytest.skip("the other process needs a shared database server (PostgreSQL)")
    MeetingFactory(title="Draft plan", publication=Publication.DRAFT)
    staff = Client()
    staff.force_login(superuser)
    assert "Draft plan" in get(staff, API_MEETINGS).content.decode()
    assert get(staff, API_MEETINGS)["X-Cache"] == "hit"
    run_in_another_process(
        "from django.contrib.auth.models import User\n"
        f"user = User.objects.get(pk={superuser.pk})\n"
        "user.is_superuser = False\n"
        "user.save()\n",
        DATABASE_URL=shared_database_url(),
    )
    response = get(staff, API_MEETINGS)
    assert response["X-Audience"] == "public"
    assert "Draft plan" not in response.content.decode()


def test_invalidate_counts_up_from_an_empty_cache(redis_cache):
    start = current_generation()
    invalidate()
    invalidate()
    assert current_generation() == start + 2


def test_an_emptied_cache_starts_the_generation_somewhere_new(redis_cache):
    # Sessions keep the audience generation they read: after a flush the counters must not
    # come back to the values they had.
    seen = set()
    for _attempt in range(5):
        cache.clear()
        seen.add(current_generation())
    assert len(seen) == 5
    cache.clear()
    invalidate()
    assert current_generation() not in seen


def test_a_redis_cache_url_selects_django_redis():
    if not redis_available():
        missing("Redis is not reachable at " + REDIS_URL)
    run_in_another_process(
        "from django.conf import settings\n"
        "backend = settings.CACHES['default']['BACKEND']\n"
        "assert backend == 'django_redis.cache.RedisCache', backend\n"
        "from django.core.cache import cache\n"
        "cache.set('otscoop-selected', 1)\n"
        "assert cache.get('otscoop-selected') == 1\n"
    )
