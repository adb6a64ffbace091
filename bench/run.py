"""`make bench`: how fast the site serves its pages and API, at two sizes of data.

For each scale (BENCH_SCALES, default 1,000 and 100,000 meetings and statements) it
1. (re)creates a PostgreSQL database of its own (BENCH_DATABASE, default `otscoop_bench`),
   migrates it and fills it with `manage.py bench_data` (seeded: the same data every run;
   OTSCOOP_BENCH=1 installs the `bench` app, for that command only);
2. serves it with gunicorn as in production (DEBUG off, persistent connections, Redis cache,
   2 sync workers) on 127.0.0.1 only;
3. loads each endpoint with wrk for BENCH_DURATION seconds as each of three readers —
   anonymous, a staff user's session and (on the API) the same user's token — after a short
   warm-up that checks each answers 200 for the audience it should (X-Audience);
4. times cold requests (the first after an edit) in-process, with bench/profile.py;
then prints one table per scale, checks the targets of the performance issue and writes it all
to bench/RESULTS.md with the date and the machine. Every server it starts is stopped and the
database dropped at the end (BENCH_KEEP_DB=1 keeps it).

Run with the project's virtualenv Python (the Makefile does): `.venv/bin/python bench/run.py`.
Settings (environment): see bench/README.md.
"""

import contextlib
import datetime
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


SCALES = [int(s) for s in env_str("BENCH_SCALES", "1000,100000").replace(" ", "").split(",") if s]
DURATION = env_int("BENCH_DURATION", 10)
CONNECTIONS = env_int("BENCH_CONNECTIONS", 8)
THREADS = min(env_int("BENCH_THREADS", 2), CONNECTIONS)
# As gunicorn's worker timeout: a slower response is an error either way.
TIMEOUT = env_int("BENCH_TIMEOUT", 30)
WORKERS = env_int("BENCH_WORKERS", 2)
SEED = env_int("BENCH_SEED", 1)
SEARCH_WORD = env_str("BENCH_SEARCH_WORD", "energy")
WARMUP_REQUESTS = env_int("BENCH_WARMUP_REQUESTS", 10)
PG_URL = env_str("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DATABASE = env_str("BENCH_DATABASE", "otscoop_bench")
CACHE_URL = env_str("BENCH_CACHE_URL", "redis://127.0.0.1:6379/9")
RESULTS = Path(env_str("BENCH_RESULTS", str(BENCH_DIR / "RESULTS.md")))
# Written by hand: what the profiles showed and what was done; copied into RESULTS.
FINDINGS = BENCH_DIR / "FINDINGS.md"
KEEP_DB = env_str("BENCH_KEEP_DB", "0") not in ("0", "false", "no")

# The filtered lists: a council and a year, as a visitor would pick them.
FILTER_COUNCIL = "council-of-foreign-ministers"
FILTER_YEAR = 2020
HEALTHZ = "healthz"
ANONYMOUS, STAFF, TOKEN = "anonymous", "staff session", "API token"
# The audience each reader must be served as (X-Audience): a token that fails authentication
# must fail the run, not be measured as a public reader.
AUDIENCES = {ANONYMOUS: "public", STAFF: "staff", TOKEN: "staff"}

# Targets, as fractions of /healthz in the same run (PostgreSQL, 100,000 rows), for every
# endpoint each reader loads.
READER_TARGETS = {ANONYMOUS: 0.80, STAFF: 0.50, TOKEN: 0.50}
SCALE_TARGET = 0.80  # list throughput at the largest scale ≥ 80% of the smallest scale's
SCALE_ENDPOINTS = ["meetings list", "API meetings list"]
P99_TARGET = 3.0


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(command, env=None, quiet=True, **kwargs) -> subprocess.CompletedProcess:
    """Run a command from the repository root; on failure show its output and stop."""
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=quiet, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        if quiet:
            sys.stdout.write(result.stdout[-4000:])
            sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"bench: command failed ({result.returncode}): {' '.join(command)}")
    return result


# --------------------------------------------------------------------------- the machine


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


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, path: str, headers: dict, timeout: float = 60):
    """One GET on a new connection (as wrk does against sync workers): status, headers, ms."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders()), (time.perf_counter() - started) * 1e3
    finally:
        connection.close()


class Server:
    """gunicorn serving the bench database; stopped on exit whatever happens."""

    def __init__(self, env: dict, log_path: Path):
        self.env = env
        self.log_path = log_path
        self.port = free_port()
        self.command = [
            GUNICORN,
            "otscoop.wsgi",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{self.port}",
            # Production recycles workers every ~5,000 requests; during a timed run that would
            # measure Django's start-up instead of the pages.
            "--max-requests",
            "0",
        ]
        self.process = None

    def __enter__(self):
        say(f"gunicorn on 127.0.0.1:{self.port} ({WORKERS} sync workers), log: {self.log_path}")
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: gunicorn exited; see {self.log_path}")
            with contextlib.suppress(OSError):
                if fetch(self.port, "/healthz", {}, timeout=2)[0] == 200:
                    return self
            time.sleep(0.3)
        raise SystemExit(f"bench: gunicorn did not answer /healthz; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # its own process group
                self.process.wait()
        self.log.close()
        say("gunicorn stopped")


# --------------------------------------------------------------------------- measuring


@dataclass
class Row:
    name: str
    path: str
    mode: str
    status: str = "ok"
    cache: str = ""
    rps: float = 0.0
    p50: float = 0.0
    p99: float = 0.0
    errors: int = 0
    requests: int = 0
    ratio: float | None = None  # of /healthz
    detail: dict = field(default_factory=dict)

    @property
    def measured(self) -> bool:
        return self.status == "ok"


def endpoints(info: dict) -> list[tuple[str, str]]:
    council = f"council={FILTER_COUNCIL}&year={FILTER_YEAR}"
    return [
        ("meetings list", "/en/meetings/"),
        ("meetings list, filtered", f"/en/meetings/?{council}"),
        ("meeting detail", f"/en/meetings/{info['meeting_slug']}/"),
        ("statement detail", f"/en/statements/{info['statement_slug']}/"),
        ("search", f"/en/search/?q={quote(SEARCH_WORD)}"),
        ("API meetings list", "/api/v1/meetings/"),
        ("API meetings list, filtered", f"/api/v1/meetings/?{council}"),
    ]


# Cold requests (the first after an edit), in-process: name, path, target in ms.
def cold_paths(info: dict) -> list[tuple[str, str, float]]:
    council = f"council__id__exact={info['council_id']}&q={quote(SEARCH_WORD)}"
    return [
        ("meetings list", "/en/meetings/", 15),
        ("meeting page", f"/en/meetings/{info['meeting_slug']}/", 20),
        ("statement page", f"/en/statements/{info['statement_slug']}/", 20),
        ("state page", f"/en/states/{info['state_slug']}/", 20),
        ("summits timeline", "/en/summits/", 20),
        ("API meetings list of 50", "/api/v1/meetings/?page_size=50", 50),
        ("search", f"/en/search/?q={quote(SEARCH_WORD)}", 30),
        ("admin: meeting changelist", "/admin/events/meeting/", 100),
        ("admin: changelist, council filter and search", f"/admin/events/meeting/?{council}", 100),
        ("admin: meeting change form", f"/admin/events/meeting/{info['meeting_id']}/change/", 100),
    ]


def readers(path: str) -> list[str]:
    return [ANONYMOUS, STAFF, TOKEN] if path.startswith("/api/") else [ANONYMOUS, STAFF]


def warm_up(port: int, row: Row, headers: dict) -> None:
    """A few requests first (fills the cache, warms both workers); checks the URL answers 200
    to the reader's audience."""
    deadline = time.monotonic() + 10
    for _ in range(WARMUP_REQUESTS):
        try:
            status, response_headers, _ms = fetch(port, row.path, headers)
        except OSError as error:
            row.status = f"failed ({error.__class__.__name__})"
            return
        if status == 404:
            row.status = "not available (404)"
            return
        if status != 200:
            row.status = f"answers {status}"
            return
        row.cache = response_headers.get("X-Cache", "")
        audience = response_headers.get("X-Audience")
        if row.name != HEALTHZ and audience != AUDIENCES[row.mode]:
            row.status = f"served as {audience}, not {AUDIENCES[row.mode]}"
            return
        if time.monotonic() > deadline:
            break


def load(wrk: str, port: int, row: Row, headers: dict) -> None:
    command = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}s",
        f"--timeout={TIMEOUT}s",
        "--latency",
        "-s",
        str(BENCH_DIR / "report.lua"),
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{row.path}")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((x for x in result.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if result.returncode != 0 or line is None:
        row.status = "wrk failed"
        print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
        return
    data = json.loads(line.removeprefix("WRK_JSON "))
    row.detail = data
    row.requests = data["requests"]
    row.rps = data["requests"] / (data["duration_us"] / 1e6)
    row.p50 = data["p50_us"] / 1e3
    row.p99 = data["p99_us"] / 1e3
    row.errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))


def drain(port: int, row: Row) -> None:
    """Wait until the server has finished the requests wrk left behind when it stopped.

    Up to BENCH_CONNECTIONS requests are still queued or running then; the next run would
    otherwise start behind them and count their time in its own latencies. A request's p99
    already includes waiting behind a full queue, so the backlog is gone after about that long.
    """
    time.sleep(min(0.3 + 1.5 * row.p99 / 1000, TIMEOUT + 5))
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if fetch(port, "/healthz", {}, timeout=TIMEOUT)[2] < 50:
                return
        time.sleep(0.5)


# --------------------------------------------------------------------------- one scale


def bench_env(secret_key: str, static_root: Path, cache_url: str | None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GUNICORN_") and k != "OTSCOOP_BENCH"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="otscoop.settings",
        DEBUG="0",
        DATABASE_URL=f"{PG_URL}/{DATABASE}",
        CONN_MAX_AGE="600",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECRET_KEY=secret_key,
        STATIC_ROOT=str(static_root),
        # Plain HTTP on loopback: no redirect to HTTPS.
        HTTPS="0",
        SECURE_SSL_REDIRECT="0",
        BEHIND_PROXY="0",
        # The anonymous API throttle still runs (its cost counts), but does not refuse wrk.
        API_ANON_THROTTLE_RATE="100000000/second",
    )
    if cache_url:
        env["CACHE_URL"] = cache_url
    else:
        env.pop("CACHE_URL", None)
    return env


def bench_scale(scale: int, env: dict, wrk: str, cache_url: str | None, logs: Path) -> dict:
    started = time.monotonic()
    candidacies = max(scale // 10, 10)
    print(flush=True)
    say(f"scale {scale:,}: database {DATABASE} (load average {load_average()})")
    recreate_database()
    run([PYTHON, "manage.py", "migrate", "--noinput"], env=env)
    say(f"bench_data: {scale:,} meetings, {scale:,} statements, {candidacies:,} candidacies")
    command = [PYTHON, "manage.py", "bench_data", "--meetings", str(scale)]
    command += ["--statements", str(scale), "--candidacies", str(candidacies)]
    # The `bench` app (the command) is installed for this command only: the site measured has
    # the apps of a real one.
    result = run([*command, "--seed", str(SEED)], env={**env, "OTSCOOP_BENCH": "1"})
    print("    " + result.stdout.strip().splitlines()[-1], flush=True)
    prepared = run(
        [PYTHON, str(BENCH_DIR / "prepare.py"), FILTER_COUNCIL, str(FILTER_YEAR), SEARCH_WORD],
        env=env,
    )
    line = next(x for x in prepared.stdout.splitlines() if x.startswith("BENCH_JSON "))
    info = json.loads(line.removeprefix("BENCH_JSON "))
    headers = {
        ANONYMOUS: {},
        STAFF: {"Cookie": f"{info['cookie_name']}={info['session']}"},
        TOKEN: {"Authorization": f"Token {info['token']}"},
    }
    if cache_url:
        flush_redis(cache_url)

    rows = [Row(HEALTHZ, "/healthz", ANONYMOUS)]
    for name, path in endpoints(info):
        rows += [Row(name, path, reader) for reader in readers(path)]
    with Server(env, logs / f"gunicorn-{scale}.log") as server:
        for row in rows:
            warm_up(server.port, row, headers[row.mode])
        load_before = load_average()
        for row in rows:
            if not row.measured:
                say(f"{row.name} [{row.mode}]: {row.status}")
                continue
            load(wrk, server.port, row, headers[row.mode])
            drain(server.port, row)
            print(
                f"    {row.name:<28} {row.mode:<19} {row.rps:8.1f} req/s  p50 {row.p50:7.2f} ms"
                f"  p99 {row.p99:7.2f} ms  errors {row.errors}",
                flush=True,
            )
        load_after = load_average()
    profile = profile_cold_paths(env, info)
    healthz = rows[0].rps if rows[0].measured else 0
    for row in rows:
        if row.measured and healthz:
            row.ratio = row.rps / healthz
    if not KEEP_DB:
        drop_database()
    return {
        "scale": scale,
        "candidacies": candidacies,
        "info": info,
        "rows": rows,
        "profile": profile,
        "load": (load_before, load_after),
        "seconds": time.monotonic() - started,
    }


def profile_cold_paths(env: dict, info: dict) -> dict | None:
    """bench/profile.py: cold requests and where their time goes, in-process (gunicorn
    stopped)."""
    say("cold requests (bench/profile.py)")
    cookie = f"{info['cookie_name']}={info['session']}"
    paths = [path for _name, path, _target in cold_paths(info)]
    result = run([PYTHON, str(BENCH_DIR / "profile.py"), cookie, *paths], env=env)
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH_PROFILE ")), None)
    return json.loads(line.removeprefix("BENCH_PROFILE ")) if line else None


# --------------------------------------------------------------------------- the report


def profile_table(profile: dict | None) -> list[str]:
    if not profile:
        return ["(bench/profile.py gave no result.)"]
    parts = profile["parts"]
    lines = [
        "| path | ms per request | CPU ms | " + " | ".join(parts) + " |",
        "|---|---:|---:|" + "---:|" * len(parts),
    ]
    for item in profile["results"]:
        path = item["path"] if len(item["path"]) < 40 else item["path"][:37] + "…"
        if "error" in item:
            lines.append(f"| `{path}` | {item['error']} | |" + " |" * len(parts))
            continue
        shares = " | ".join(f"{item['parts'][part] * 100:.0f}%" for part in parts)
        lines.append(f"| `{path}` | {item['ms']:.1f} | {item['cpu_ms']:.1f} | {shares} |")
    return lines


def cold_lines(result: dict) -> list[str]:
    """The cold-request targets, from the profile: the mean ms of each path."""
    measured = {item["path"]: item for item in (result.get("profile") or {}).get("results", [])}
    lines = []
    for name, path, target in cold_paths(result["info"]):
        item = measured.get(path)
        if item is None or "error" in item:
            lines.append(f"| cold: {name} ≤ {target:.0f} ms | not measured | FAIL |")
            continue
        lines.append(
            f"| cold: {name} ≤ {target:.0f} ms | {item['ms']:.1f} ms "
            f"(median {item['median_ms']:.1f}) | {verdict(item['ms'] <= target)} |"
        )
    return lines


def table(result: dict) -> list[str]:
    lines = [
        "| endpoint | path | cache | req/s | p50 ms | p99 ms | errors | % of /healthz |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        mode = row.mode if row.name != HEALTHZ else "none (ceiling)"
        if row.cache:
            mode += f" X-Cache: {row.cache}"
        path = row.path if len(row.path) < 60 else row.path[:57] + "…"
        if not row.measured:
            lines.append(f"| {row.name} | `{path}` | {mode} | {row.status} | | | | |")
            continue
        ratio = f"{row.ratio * 100:.1f}%" if row.ratio is not None else ""
        lines.append(
            f"| {row.name} | `{path}` | {mode} | {row.rps:.1f} | {row.p50:.2f} | {row.p99:.2f} "
            f"| {row.errors} | {ratio} |"
        )
    return lines


def find(result: dict, name: str, mode: str) -> Row | None:
    return next((r for r in result["rows"] if r.name == name and r.mode == mode), None)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def targets(results: list[dict]) -> list[str]:
    largest = max(results, key=lambda r: r["scale"])
    smallest = min(results, key=lambda r: r["scale"])
    lines = [
        f"Judged at the largest scale run ({largest['scale']:,} rows)"
        + ("" if largest["scale"] >= 100_000 else "; the issue sets them at 100,000 rows")
        + ".",
        "",
        "| target | measured | result |",
        "|---|---|---|",
    ]

    def ratio_line(name, mode, goal):
        row = find(largest, name, mode)
        if row is None or row.ratio is None:
            status = row.status if row else "missing"
            lines.append(f"| {mode}: {name} ≥ {goal:.0%} of /healthz | {status} | n/a |")
            return
        ok = row.ratio >= goal
        lines.append(
            f"| {mode}: {name} ≥ {goal:.0%} of /healthz | {row.ratio:.1%} | {verdict(ok)} |"
        )

    for row in largest["rows"]:
        if row.name != HEALTHZ:
            ratio_line(row.name, row.mode, READER_TARGETS[row.mode])
    for name in SCALE_ENDPOINTS:
        for mode in (STAFF, ANONYMOUS):
            label = f"{mode}: {name} at {largest['scale']:,} rows ≥ 80% of {smallest['scale']:,}"
            big, small = find(largest, name, mode), find(smallest, name, mode)
            if largest is smallest:
                lines.append(f"| {label} | one scale only | n/a |")
            elif big and small and big.measured and small.measured and small.rps:
                change = big.rps / small.rps
                lines.append(
                    f"| {label} | {big.rps:.1f} / {small.rps:.1f} req/s = {change:.0%} "
                    f"| {verdict(change >= SCALE_TARGET)} |"
                )
            else:
                lines.append(f"| {label} | not measured | n/a |")
    lines += cold_lines(largest)
    for result in results:
        measured = [r for r in result["rows"] if r.measured]
        errors = sum(r.errors for r in measured)
        unavailable = [f"{r.name} [{r.mode}]" for r in result["rows"] if not r.measured]
        note = f"; not measured: {', '.join(unavailable)}" if unavailable else ""
        lines.append(
            f"| zero errors ({result['scale']:,} rows) | {errors} errors{note} "
            f"| {verdict(errors == 0)} |"
        )
        wide = [
            f"{r.name} [{r.mode}] {r.p99 / r.p50:.1f}×"
            for r in measured
            if r.p50 and r.p99 > P99_TARGET * r.p50
        ]
        lines.append(
            f"| p99 ≤ 3 × p50 ({result['scale']:,} rows) | "
            f"{'; '.join(wide) if wide else 'every endpoint'} | {verdict(not wide)} |"
        )
    return lines


def scale_comparison(results: list[dict]) -> list[str]:
    if len(results) < 2:
        return []
    small, large = results[0], results[-1]
    lines = [
        f"## How cost grows with data ({small['scale']:,} → {large['scale']:,} rows)",
        "",
        f"| endpoint | cache | req/s at {small['scale']:,} | req/s at {large['scale']:,} "
        f"| change | % of /healthz at {small['scale']:,} | at {large['scale']:,} |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes = [
        "",
        "The filtered lists are not like for like: the filter matches "
        f"{small['info']['counts']['filtered_meetings']:,} meetings at {small['scale']:,} rows "
        f"and {large['info']['counts']['filtered_meetings']:,} at {large['scale']:,} (a page "
        "shows up to 25), so their pages grow with the data.",
    ]
    for row in large["rows"]:
        before = find(small, row.name, row.mode)
        if not (before and before.measured and row.measured and before.rps):
            continue
        change = row.rps / before.rps - 1
        lines.append(
            f"| {row.name} | {row.mode} | {before.rps:.1f} | {row.rps:.1f} | {change:+.0%} "
            f"| {(before.ratio or 0):.1%} | {(row.ratio or 0):.1%} |"
        )
    return [*lines, *notes, ""]


def report(machine: dict, results: list[dict], seconds: float) -> str:
    out = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) on {machine['date']}; the whole run took "
        f"{seconds / 60:.1f} minutes. See bench/README.md for what is measured and how.",
        "",
        "## Machine and parameters",
        "",
        f"- `uname -a`: {machine['uname']}",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores",
        f"- {machine['postgres']}; cache: {machine['cache']}",
        f"- Python {machine['python']}, Django {machine['django']}, "
        f"gunicorn {machine['gunicorn']}, {machine['wrk']}",
        f"- gunicorn: {WORKERS} sync workers on 127.0.0.1, production settings (`DEBUG=0`, "
        "`CONN_MAX_AGE=600`, gunicorn.conf.py with `--max-requests 0`)",
        f"- wrk: `-t{THREADS} -c{CONNECTIONS} -d{DURATION}s --timeout={TIMEOUT}s` per endpoint "
        f"and cache path, after {WARMUP_REQUESTS} warm-up requests; the same machine",
        f"- data: `manage.py bench_data --seed {SEED}`; filtered lists: "
        f"`council={FILTER_COUNCIL}&year={FILTER_YEAR}`; search word: `{SEARCH_WORD}`",
        "- readers: anonymous (no cookie); staff session (the session cookie of a Secretariat "
        "editor); API token (the same editor's token, API endpoints only). Each row checks "
        "that its reader is served as its audience (`X-Audience`: public, staff, staff)",
        "",
    ]
    for result in results:
        counts = result["info"]["counts"]
        out += [
            f"## {result['scale']:,} meetings and statements",
            "",
            f"{counts['meetings']:,} meetings, {counts['statements']:,} statements, "
            f"{counts['candidacies']:,} candidacies with {counts['supports']:,} supports, "
            f"{counts['delegations']:,} delegations. The filtered list matches "
            f"{counts['filtered_meetings']:,} meetings; `{SEARCH_WORD}` matches "
            f"{counts['search_meetings']} meetings and {counts['search_statements']} statements. "
            f"Load average before/after the load runs: {result['load'][0]} / {result['load'][1]}.",
            "",
            *table(result),
            "",
            "Cold requests (the first after an edit: the content generation moved on before "
            "each) as the staff user, and where their time goes: `bench/profile.py`, in one "
            "process without gunicorn or wrk, sampling the stack every millisecond; each sample "
            "goes to the innermost part it is in (see the script for the parts).",
            "",
            *profile_table(result.get("profile")),
            "",
        ]
    out += scale_comparison(results)
    out += ["## Targets", "", *targets(results), ""]
    out += findings_section()
    return "\n".join(out)


def findings_section() -> list[str]:
    """bench/FINDINGS.md under a heading: what the profiles showed and what was done."""
    if not FINDINGS.exists():
        return []
    return ["## What the profiles showed", "", FINDINGS.read_text().rstrip(), ""]


def main() -> None:
    if "bench" not in DATABASE:
        raise SystemExit(
            "bench: BENCH_DATABASE must contain 'bench' (it is dropped and recreated)."
        )
    if not SCALES or min(SCALES) < 10:
        raise SystemExit("bench: BENCH_SCALES must list scales of at least 10 rows.")
    started = time.monotonic()
    say(
        f"otscoop benchmark: scales {', '.join(f'{s:,}' for s in SCALES)}; "
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s per endpoint"
    )
    ensure_postgres()
    wrk = ensure_wrk()
    cache_url = CACHE_URL if redis_available(CACHE_URL) else None
    machine = machine_info(wrk, f"Redis ({cache_url})" if cache_url else "local memory")
    logs = Path(tempfile.mkdtemp(prefix="otscoop-bench-"))
    env = bench_env(secrets.token_urlsafe(50), logs / "static", cache_url)
    say(f"collectstatic into {logs / 'static'}")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env=env)
    results = []
    try:
        for scale in sorted(SCALES):
            results.append(bench_scale(scale, env, wrk, cache_url, logs))
    finally:
        if not KEEP_DB:
            with contextlib.suppress(Exception):
                drop_database()
    text = report(machine, results, time.monotonic() - started)
    RESULTS.write_text(text)
    print()
    print(text)
    say(f"written to {RESULTS}")
    shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    main()
