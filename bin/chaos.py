"""Load and faults (`make chaos`): the app recovers by itself and keeps every acknowledged write.

    python bin/chaos.py

On a scratch PostgreSQL database (otscoop_chaos, created and dropped here) with the demo data,
gunicorn (2 sync workers, gunicorn.conf.py, Redis cache) serves 127.0.0.1 while, for
CHAOS_DURATION seconds (default 60):

- readers request /healthz, /readyz, /en/meetings/ and /api/v1/meetings/ without pause;
- a writer creates topics through the API (POST /api/v1/topics/ with an editor's token), each
  with a unique slug, and notes which ones were acknowledged (2xx);
- at 1/3 of the run PostgreSQL is restarted (pg_ctlcluster ... restart), at 2/3 a gunicorn
  worker is killed with SIGKILL.

It fails (exit 1) when a request fails before any fault, when the app is not answering 200
again within CHAOS_RECOVERY_SECONDS (default 10) of the end of a fault without anyone restarting
it, when the killed worker is not replaced, or when an acknowledged write is not in the
database (with its history row) at the end. A write that failed during a fault is fine.

It restarts the local PostgreSQL cluster: every other connection to it is cut too. Redis must
run on 127.0.0.1:6379 (started here if it does not answer); database 8 is flushed.
Afterwards gunicorn is stopped, the scratch database dropped, and PostgreSQL left running.

Environment: CHAOS_DURATION, CHAOS_RECOVERY_SECONDS, CHAOS_DATABASE (otscoop_chaos),
CHAOS_PG_CLUSTER (the newest version under /etc/postgresql, then "main"), PGHOST (127.0.0.1),
PGPORT (5432), PGUSER (postgres), CHAOS_REDIS_URL (redis://127.0.0.1:6379/8).

The parts, by purpose, are next to it: _chaos_settings.py (the settings above, the clock),
_chaos_services.py (PostgreSQL, Redis, processes, the app's environment), _chaos_load.py (readers
and writer), _chaos_faults.py (the restart and the kill), _chaos_checks.py (what is checked).
"""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _chaos_checks import analyse, check_writes, request_summary
from _chaos_faults import kill_worker, restart_postgres
from _chaos_load import Fault, Load
from _chaos_services import (
    CREATE_EDITOR,
    admin_connection,
    app_environment,
    children_of,
    ensure_postgres,
    ensure_redis,
    free_port,
    manage,
    redis_client,
    wait_for,
)
from _chaos_settings import DATABASE, DURATION, PYTHON, READERS, ROOT, SETTLE, WORKERS, log, now


def main() -> int:
    if DURATION < 15:
        sys.exit("error: CHAOS_DURATION must be at least 15 seconds")
    for tool in ("pg_ctlcluster", "pg_isready"):
        if not shutil.which(tool):
            sys.exit(f"error: {tool} not found (Debian's postgresql-common)")
    run_id = secrets.token_hex(3)
    workdir = Path(tempfile.mkdtemp(prefix="otscoop-chaos-"))
    gunicorn = None
    log_file = None
    created = False
    try:
        ensure_postgres()
        ensure_redis()
        with admin_connection() as admin:
            others = admin.execute(
                "SELECT datname, count(*) FROM pg_stat_activity WHERE datname IS NOT NULL "
                "AND pid <> pg_backend_pid() AND datname <> %s GROUP BY datname",
                [DATABASE],
            ).fetchall()
            if others:
                listed = ", ".join(f"{name} ({count})" for name, count in others)
                log(f"warning: the PostgreSQL restart will cut other connections: {listed}")
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{DATABASE}"')
            created = True
        env = app_environment(workdir)
        log(f"database {DATABASE}: migrate, demo data, static files, an editor with a token")
        collect = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity=0"],
            cwd=ROOT,
            env=env,
        )
        manage(env, "manage.py", "migrate", "--noinput", "--verbosity=0")
        log("migrated")
        manage(env, "manage.py", "load_demo", "--verbosity=0")
        token = manage(env, "-c", CREATE_EDITOR).strip().splitlines()[-1]
        if collect.wait(timeout=300):
            sys.exit("error: collectstatic failed")
        log("demo data, editor and static files ready")
        redis_client().flushdb()

        port = free_port()
        log_file = (workdir / "gunicorn.log").open("w")
        gunicorn = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "otscoop.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        load = Load(port, token, run_id)

        def serving():
            if gunicorn.poll() is not None:
                sys.exit(f"error: gunicorn exited:\n{tail(workdir / 'gunicorn.log')}")
            record, _content = load.request("probe", "GET", "/readyz")
            return record.status == 200

        if not wait_for(serving, 60, 0.5):
            sys.exit(f"error: gunicorn does not answer /readyz:\n{tail(workdir / 'gunicorn.log')}")
        load.requests.clear()
        log(f"gunicorn {gunicorn.pid}, {WORKERS} workers, on 127.0.0.1:{port}")
        log(f"load for {DURATION:.0f} s: {READERS} readers, 1 writer")

        begin = now()
        load.start()
        faults = []
        time.sleep(max(0.0, begin + DURATION / 3 - now()))
        log("restarting PostgreSQL")
        faults.append(Fault("PostgreSQL restart", now()))
        restart_postgres(faults[-1])
        log(faults[-1].detail)
        # Each fault gets time to show the recovery before the next one (or the end).
        time.sleep(max(0.0, begin + 2 * DURATION / 3 - now(), faults[-1].end + SETTLE - now()))
        log("killing a gunicorn worker (SIGKILL)")
        faults.append(Fault("gunicorn worker killed", now()))
        kill_worker(faults[-1], gunicorn.pid)
        log(faults[-1].detail)
        time.sleep(max(0.0, begin + DURATION - now(), faults[-1].end + SETTLE - now()))
        end = now()
        load.finish()
        log("load stopped; checking")

        if gunicorn.poll() is not None:
            print(f"gunicorn exited during the run:\n{tail(workdir / 'gunicorn.log')}")
        request_summary(load)
        failures = analyse(load, faults, end)
        write_failures, write_summary = check_writes(load)
        print(f"\n{write_summary}")
        failures += write_failures
        if gunicorn.poll() is not None:
            failures.append("gunicorn's master process exited")
        if failures:
            print("\nFAILED:")
            for failure in failures[:50]:
                print(f"  - {failure}")
            if len(failures) > 50:
                print(f"  ... and {len(failures) - 50} more")
            print(f"\ngunicorn log (end):\n{tail(workdir / 'gunicorn.log')}")
            return 1
        print("\nPASSED: the app recovered by itself after each fault; no acknowledged write lost.")
        return 0
    finally:
        cleanup(gunicorn, created)
        if log_file:
            log_file.close()
        shutil.rmtree(workdir, ignore_errors=True)


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def cleanup(gunicorn, created: bool) -> None:
    if gunicorn is not None and gunicorn.poll() is None:
        gunicorn.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            for pid in children_of(gunicorn.pid):
                os.kill(pid, signal.SIGKILL)
            gunicorn.kill()
            gunicorn.wait(timeout=10)
    try:
        ensure_postgres()
    except SystemExit as error:
        print(f"warning: {error}", file=sys.stderr)
    if created:
        try:
            with admin_connection() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        except Exception as error:
            print(f"warning: could not drop {DATABASE}: {error}", file=sys.stderr)
    with contextlib.suppress(Exception):
        redis_client().flushdb()


if __name__ == "__main__":
    sys.exit(main())
