"""What `make chaos` runs on: PostgreSQL (its cluster, restarts, readiness), Redis, gunicorn's
processes, and the app's environment and `manage.py` on the scratch database."""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

from _chaos_settings import DATABASE, PGHOST, PGPORT, PGUSER, PYTHON, REDIS_URL, ROOT, log


def postgres_cluster() -> tuple[str, str]:
    configured = os.environ.get("CHAOS_PG_CLUSTER")
    if configured:
        version, _, name = configured.partition("/")
        return version, name or "main"
    versions = sorted(
        (path.name for path in Path("/etc/postgresql").iterdir() if path.is_dir()),
        key=lambda version: [int(part) for part in version.split(".") if part.isdigit()],
    )
    if not versions:
        sys.exit("error: no PostgreSQL cluster under /etc/postgresql (set CHAOS_PG_CLUSTER)")
    return versions[-1], "main"


def pg_ctlcluster(action: str) -> subprocess.CompletedProcess:
    version, name = postgres_cluster()
    return subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def postgres_ready() -> bool:
    result = subprocess.run(
        ["pg_isready", "-q", "-h", PGHOST, "-p", str(PGPORT)], timeout=10, check=False
    )
    return result.returncode == 0


def wait_for(condition, seconds: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def ensure_postgres() -> None:
    if postgres_ready():
        return
    log("PostgreSQL is not running: starting it")
    result = pg_ctlcluster("start")
    if not wait_for(postgres_ready, 30):
        sys.exit(f"error: PostgreSQL does not start: {result.stderr.strip()}")


def admin_connection():
    import psycopg

    return psycopg.connect(
        host=PGHOST, port=PGPORT, user=PGUSER, dbname="postgres", autocommit=True, connect_timeout=5
    )


def redis_client():
    import redis

    return redis.Redis.from_url(REDIS_URL, socket_timeout=5, socket_connect_timeout=2)


def ensure_redis() -> None:
    try:
        redis_client().ping()
        return
    except Exception:
        pass
    log("Redis is not answering: starting it")
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        check=True,
        timeout=30,
    )

    def answers():
        try:
            return redis_client().ping()
        except Exception:
            return False

    if not wait_for(answers, 10):
        sys.exit("error: Redis does not start")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is pid (gunicorn's workers are the master's children)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            children.append(int(entry.name))
    return sorted(children)


# --- the app ------------------------------------------------------------------------------

CREATE_EDITOR = """
import os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")
django.setup()
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from otscoop.groups import EDITORS
user = User.objects.create_user("chaos-editor", is_staff=True)
user.groups.add(Group.objects.get(name=EDITORS))
print(Token.objects.create(user=user).key)
"""


def app_environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "otscoop.settings",
        "DATABASE_URL": f"postgres://{PGUSER}@{PGHOST}:{PGPORT}/{DATABASE}",
        "CONN_MAX_AGE": "600",
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "otscoop-chaos",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "BEHIND_PROXY": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        # The readers are anonymous and fast: the anonymous API throttle must not answer 429.
        "API_ANON_THROTTLE_RATE": "1000000/minute",
    }


def manage(env: dict, *arguments: str) -> str:
    result = subprocess.run(
        [PYTHON, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        sys.exit(f"error: {' '.join(arguments[:2])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout
