"""The machine: PostgreSQL, wrk and Redis (started or installed when missing), the scratch
database, and the description of the machine that goes into the report."""

import contextlib
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from urllib.parse import urlsplit

from bench.runner.config import DATABASE, PG_URL, PYTHON, run, say


def ensure_postgres() -> None:
    host = urlsplit(PG_URL).hostname or "127.0.0.1"
    port = str(urlsplit(PG_URL).port or 5432)
    if subprocess.run(["pg_isready", "-q", "-h", host, "-p", port], check=False).returncode == 0:
        return
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(p) for p in v.split(".")])
    if not versions:
        raise SystemExit("bench: PostgreSQL is not running and no local cluster was found.")
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"]
    say(f"PostgreSQL is not running: {' '.join(command)}")
    subprocess.run(command, check=False)
    for _ in range(30):
        if (
            subprocess.run(["pg_isready", "-q", "-h", host, "-p", port], check=False).returncode
            == 0
        ):
            return
        time.sleep(1)
    raise SystemExit("bench: PostgreSQL did not start.")


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit("bench: wrk is missing: install it (Debian: apt-get install wrk).")
    say("wrk is missing: apt-get install -y wrk")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "wrk"], env=env, check=False).returncode:
        say("apt-get update, then apt-get install -y wrk again")
        subprocess.run(["apt-get", "update"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "wrk"], env=env, check=True)
    return shutil.which("wrk") or sys.exit("bench: wrk is still missing.")


def redis_available(url: str) -> bool:
    try:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=2)
        client.ping()
        return True
    except Exception as error:
        say(f"Redis at {url} is not reachable ({error}): each worker caches in its own memory")
        return False


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_timeout=5).flushdb()


def pg_connection(dbname: str):
    import psycopg

    return psycopg.connect(f"{PG_URL}/{dbname}", autocommit=True, connect_timeout=10)


def recreate_database() -> None:
    from psycopg import sql

    with pg_connection("postgres") as connection:
        name = sql.Identifier(DATABASE)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def drop_database() -> None:
    from psycopg import sql

    with pg_connection("postgres") as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
        )


def machine_info(wrk: str, cache: str) -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with pg_connection("postgres") as connection:
        postgres = connection.execute("SELECT version()").fetchone()[0]
    versions = run(
        [
            PYTHON,
            "-c",
            "import django, gunicorn; print(django.get_version(), gunicorn.__version__)",
        ]
    ).stdout.split()
    wrk_version = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "uname": " ".join(platform.uname()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "postgres": postgres.split(" on ")[0],
        "python": platform.python_version(),
        "django": versions[0],
        "gunicorn": versions[1],
        "wrk": (wrk_version.stdout + wrk_version.stderr).split("\n")[0].strip(),
        "cache": cache,
    }


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
