"""System checks: the deploy check warns when the cache is not shared between workers, and the
page cache's middleware pair is checked always."""

import pytest
from django.core import checks

from otscoop.checks import (
    LOCAL_MEMORY,
    PUBLIC_PAGE_CACHE,
    SHARED_PAGE_CACHE,
    page_cache_middleware,
    shared_cache,
)


def test_local_memory_cache_is_a_deploy_warning(settings):
    settings.CACHES = {"default": {"BACKEND": LOCAL_MEMORY}}
    (warning,) = shared_cache(None)
    assert warning.id == "otscoop.W001" and warning.level == checks.WARNING
    assert "CACHE_URL" in warning.msg and "Redis" in warning.hint


def test_a_shared_cache_passes(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
        }
    }
    assert shared_cache(None) == []


def test_the_check_runs_with_deploy_only(settings):
    settings.CACHES = {"default": {"BACKEND": LOCAL_MEMORY}}
    deploy = checks.run_checks(include_deployment_checks=True)
    assert "otscoop.W001" in [message.id for message in deploy]
    assert "otscoop.W001" not in [message.id for message in checks.run_checks()]


def test_the_page_cache_middleware_pair_passes_as_configured():
    assert page_cache_middleware(None) == []


@pytest.mark.parametrize(
    "middleware",
    [[SHARED_PAGE_CACHE], [SHARED_PAGE_CACHE, PUBLIC_PAGE_CACHE]],
    ids=["outer one missing", "outer one after"],
)
def test_the_shared_page_cache_without_the_outer_one_is_an_error(settings, middleware):
    settings.MIDDLEWARE = middleware
    (error,) = page_cache_middleware(None)
    assert error.id == "otscoop.E001" and error.level == checks.ERROR
