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
"""

import contextlib
import http.client
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

DURATION = float(os.environ.get("CHAOS_DURATION", "60"))
RECOVERY_LIMIT = float(os.environ.get("CHAOS_RECOVERY_SECONDS", "10"))
DATABASE = os.environ.get("CHAOS_DATABASE", "otscoop_chaos")
PGHOST = os.environ.get("PGHOST", "127.0.0.1")
PGPORT = int(os.environ.get("PGPORT", "5432"))
PGUSER = os.environ.get("PGUSER", "postgres")
REDIS_URL = os.environ.get("CHAOS_REDIS_URL", "redis://127.0.0.1:6379/8")
WORKERS = 2
READERS = 4
READ_PATHS = ["/healthz", "/readyz", "/en/meetings/", "/api/v1/meetings/"]
REQUEST_TIMEOUT = 10
# Time left after a fault before the next one (or the end): recovery, then successes to show it.
SETTLE = RECOVERY_LIMIT + 3

START = time.monotonic()


def now() -> float:
    return time.monotonic() - START


def log(message: str) -> None:
    print(f"[{now():6.1f}s] {message}", flush=True)


# --- services -----------------------------------------------------------------------------


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


# --- load ---------------------------------------------------------------------------------


@dataclass
class Request:
    kind: str  # "read" or "write"
    path: str
    start: float
    end: float
    status: int | None  # None: no HTTP answer (connection refused / reset, timeout)
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Write:
    slug: str
    request: Request
    record_id: int | None = None


@dataclass
class Fault:
    name: str
    start: float
    end: float = 0.0
    detail: str = ""
    ok: bool = True
    notes: list[str] = field(default_factory=list)


class Load:
    def __init__(self, port: int, token: str, run_id: str):
        self.port = port
        self.token = token
        self.run_id = run_id
        self.requests: list[Request] = []
        self.writes: list[Write] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self.read_loop, args=(index,), daemon=True)
            for index in range(READERS)
        ] + [threading.Thread(target=self.write_loop, daemon=True)]

    def request(self, kind, method, path, body=None, headers=None) -> tuple[Request, bytes]:
        start = now()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            content = response.read()
            record = Request(kind, path, start, now(), response.status)
        except (OSError, http.client.HTTPException) as error:
            content = b""
            record = Request(kind, path, start, now(), None, type(error).__name__)
        finally:
            connection.close()
        with self.lock:
            self.requests.append(record)
        return record, content

    def read_loop(self, index: int) -> None:
        paths = itertools.cycle(READ_PATHS[index % len(READ_PATHS) :] + READ_PATHS)
        while not self.stop.is_set():
            self.request("read", "GET", next(paths))

    def write_loop(self) -> None:
        headers = {
            "Authorization": f"Token {self.token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        for number in itertools.count(1):
            if self.stop.is_set():
                return
            slug = f"chaos-{self.run_id}-{number}"
            body = json.dumps({"name": f"Chaos topic {self.run_id} {number}", "slug": slug})
            record, content = self.request("write", "POST", "/api/v1/topics/", body, headers)
            write = Write(slug, record)
            if record.ok:
                try:
                    answer = json.loads(content)
                    write.record_id = answer.get("id")
                    if answer.get("slug") != slug:
                        record.error = f"answered with slug {answer.get('slug')!r}"
                except ValueError:
                    record.error = "acknowledged without a JSON body"
            with self.lock:
                self.writes.append(write)
            if not record.ok:
                time.sleep(0.05)  # no busy loop while the app is down

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(REQUEST_TIMEOUT + 5)


# --- the run ------------------------------------------------------------------------------


def restart_postgres(fault: Fault) -> None:
    result = pg_ctlcluster("restart")
    ready = wait_for(postgres_ready, 30)
    fault.end = now()
    fault.detail = f"pg_ctlcluster restart took {fault.end - fault.start:.1f} s"
    if result.returncode or not ready:
        fault.ok = False
        fault.notes.append(f"restart failed: {result.stderr.strip() or 'not ready after 30 s'}")


def kill_worker(fault: Fault, master: int) -> None:
    workers = children_of(master)
    if not workers:
        fault.ok = False
        fault.end = now()
        fault.notes.append("no gunicorn worker found")
        return
    victim = workers[-1]
    os.kill(victim, signal.SIGKILL)
    fault.end = now()

    def replaced():
        current = children_of(master)
        return victim not in current and len(current) >= WORKERS

    if wait_for(replaced, RECOVERY_LIMIT):
        new = sorted(set(children_of(master)) - set(workers))
        fault.detail = f"worker {victim} killed; replaced by {', '.join(map(str, new))}"
    else:
        fault.ok = False
        fault.detail = f"worker {victim} killed"
        fault.notes.append(f"not replaced within {RECOVERY_LIMIT:.0f} s")


def analyse(load: Load, faults: list[Fault], end: float) -> list[str]:
    """Failures of the run (empty when it passed); prints the request part of the summary."""
    failures = []
    requests = sorted(load.requests, key=lambda request: request.start)
    first_fault = faults[0].start if faults else end
    early = [r for r in requests if r.end < first_fault and not r.ok]
    if early:
        failures.append(f"{len(early)} requests failed before any fault, e.g. {describe(early[0])}")

    print("\nFaults:")
    for index, fault in enumerate(faults):
        until = faults[index + 1].start if index + 1 < len(faults) else end
        # A request belongs to the phase in which it ended (failed or succeeded).
        during = [r for r in requests if fault.start <= r.end < until]
        failed = [r for r in during if not r.ok]
        print(f"  {fault.name} at {fault.start:.1f} s: {fault.detail}")
        for note in fault.notes:
            print(f"    ! {note}")
            failures.append(f"{fault.name}: {note}")
        if failed:
            window_end = max(r.end for r in failed)
            kinds = {}
            for r in failed:
                kinds[describe_outcome(r)] = kinds.get(describe_outcome(r), 0) + 1
            print(
                f"    {len(failed)} of {len(during)} requests failed, from "
                f"{min(r.start for r in failed):.1f} s to {window_end:.1f} s "
                f"({window_end - fault.start:.1f} s after the fault began): "
                + ", ".join(f"{count} × {kind}" for kind, count in sorted(kinds.items()))
            )
            seconds = {}
            for r in failed:
                second = int(r.end)
                seconds[second] = seconds.get(second, 0) + 1
            print(
                "    failures by second: "
                + ", ".join(f"{second} s: {count}" for second, count in sorted(seconds.items()))
            )
        else:
            window_end = fault.end
            print(f"    no request failed ({len(during)} requests)")
        recovery = window_end - fault.end
        after = [r for r in during if r.start > window_end]
        answered = {r.path for r in after if r.ok and r.kind == "read"}
        wrote = any(r.ok for r in after if r.kind == "write")
        if recovery > RECOVERY_LIMIT:
            failures.append(
                f"{fault.name}: failures went on {recovery:.1f} s after the fault "
                f"(limit {RECOVERY_LIMIT:.0f} s)"
            )
        if set(READ_PATHS) - answered or not wrote:
            missing = sorted(set(READ_PATHS) - answered) + ([] if wrote else ["writes"])
            failures.append(f"{fault.name}: no success afterwards for {', '.join(missing)}")
        else:
            print(
                f"    back to 2xx: last failure {window_end - fault.start:.1f} s after the fault "
                f"began, {max(recovery, 0):.1f} s after it ended"
            )

    last = [r for r in requests if r.start >= end - 2]
    if not last or any(not r.ok for r in last):
        failures.append("the app was not answering 2xx in the last 2 seconds")
    return failures


def describe_outcome(request: Request) -> str:
    return str(request.status) if request.status is not None else request.error


def describe(request: Request) -> str:
    return f"{request.kind} {request.path} at {request.start:.1f} s: {describe_outcome(request)}"


def check_writes(load: Load) -> tuple[list[str], str]:
    """Every acknowledged write is in the database, with its history row."""
    import psycopg

    prefix = f"chaos-{load.run_id}-%"
    with psycopg.connect(
        host=PGHOST, port=PGPORT, user=PGUSER, dbname=DATABASE, connect_timeout=10
    ) as db:
        topics = dict(db.execute("SELECT slug, id FROM events_topic WHERE slug LIKE %s", [prefix]))
        history = {
            slug
            for (slug,) in db.execute(
                "SELECT slug FROM events_historicaltopic WHERE history_type = '+' AND slug LIKE %s",
                [prefix],
            )
        }
    acked = [write for write in load.writes if write.request.ok]
    unacked = [write for write in load.writes if not write.request.ok]
    failures = []
    lost = [write for write in acked if write.slug not in topics]
    for write in lost:
        failures.append(f"LOST: {write.slug} acknowledged at {write.request.end:.1f} s")
    for write in acked:
        if write.slug in topics and write.record_id != topics[write.slug]:
            failures.append(
                f"{write.slug}: answered id {write.record_id}, stored {topics[write.slug]}"
            )
        if write.slug in topics and write.slug not in history:
            failures.append(f"{write.slug}: stored without its history row")
        if write.request.error:
            failures.append(f"{write.slug}: {write.request.error}")
    committed_anyway = sum(write.slug in topics for write in unacked)
    known = {write.slug for write in load.writes}
    strangers = sorted(set(topics) - known)
    if strangers:
        failures.append(f"topics nobody wrote: {', '.join(strangers[:5])}")
    summary = (
        f"Writes: {len(load.writes)} sent, {len(acked)} acknowledged, {len(unacked)} failed "
        f"({committed_anyway} of these stored all the same, which is allowed); "
        f"{len(lost)} acknowledged writes missing"
    )
    return failures, summary


def request_summary(load: Load) -> None:
    print(f"\nRequests: {len(load.requests)}")
    for path in [*READ_PATHS, "/api/v1/topics/"]:
        outcomes = {}
        for request in load.requests:
            if request.path == path:
                outcome = describe_outcome(request)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
        text = ", ".join(f"{count} × {outcome}" for outcome, count in sorted(outcomes.items()))
        print(f"  {path}: {text or 'none'}")


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
