from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from otscoop.groups import EDITORS, VIEWERS

from .factories import UserFactory


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def viewer(db):
    user = UserFactory(username="viewer")
    user.groups.add(Group.objects.get(name=VIEWERS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests render pages without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request's language otherwise stays active in
    the thread, and translated fields would be written in that language's column."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def uncached(settings):
    """Every request handled afresh: the page cache's two middleware out, and a cache that
    keeps nothing (sessions, audiences, anything else)."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("PageCacheMiddleware")
    ]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives each test's database rollback: start every test with it empty (this
    also resets the API's throttle, which counts requests in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Real hashers are slow by design; tests check behaviour, not key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files (documents; a spreadsheet waiting for its import to be confirmed) in a
    folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def demo_data(db):
    """The demo dataset (`load_demo`): real states, councils, organizations, topics and records."""
    call_command("load_demo", stdout=StringIO())
