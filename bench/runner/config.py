"""The benchmark's settings (BENCH_* environment variables, see bench/README.md), its readers
and targets; say() and run(), used by every part."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
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
