"""`manage.py check --deploy` warns when the cache is not shared between workers."""

from django.core import checks

from otscoop.checks import LOCAL_MEMORY, shared_cache


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
