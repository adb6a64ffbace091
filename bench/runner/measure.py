"""What is measured: the endpoints each reader loads with wrk and the cold paths; the warm-up,
the wrk run and its figures, and waiting for the server to drain between runs."""

import contextlib
import json
import subprocess
import time
from dataclasses import dataclass, field
from urllib.parse import quote

from bench.runner.config import (
    ANONYMOUS,
    AUDIENCES,
    BENCH_DIR,
    CONNECTIONS,
    DURATION,
    FILTER_COUNCIL,
    FILTER_YEAR,
    HEALTHZ,
    SEARCH_WORD,
    STAFF,
    THREADS,
    TIMEOUT,
    TOKEN,
    WARMUP_REQUESTS,
)
from bench.runner.server import fetch


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
