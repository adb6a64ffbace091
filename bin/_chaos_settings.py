"""Settings of `make chaos` (bin/chaos.py) from the environment, and its clock and log."""

import os
import sys
import time
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
