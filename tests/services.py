"""Local services some tests need (Redis, Chromium): skipped where missing, required in CI."""

import os

import pytest


def missing(reason: str):
    """Skip on a developer's machine; fail in CI (CI=true or OTSCOOP_REQUIRE_SERVICES set)."""
    if os.environ.get("CI") or os.environ.get("OTSCOOP_REQUIRE_SERVICES"):
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def worker_redis_url(url: str) -> str:
    """`url` for this test process: with pytest-xdist each worker (gw0, gw1 ...) takes its own
    database number counting down from the URL's, so one worker's flush empties no other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        return url
    base, _, number = url.rpartition("/")
    return f"{base}/{int(number) - int(worker[2:])}"


REDIS_URL = worker_redis_url(os.environ.get("OTSCOOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False
