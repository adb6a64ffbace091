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
Settings (environment): see bench/README.md. The parts, by purpose, are in bench/runner/.
"""

import contextlib
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, bench/ comes first on the import path: the repository root goes before it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.runner.config import (  # noqa: E402
    CACHE_URL,
    CONNECTIONS,
    DATABASE,
    DURATION,
    KEEP_DB,
    PYTHON,
    RESULTS,
    SCALES,
    THREADS,
    run,
    say,
)
from bench.runner.machine import (  # noqa: E402
    drop_database,
    ensure_postgres,
    ensure_wrk,
    machine_info,
    redis_available,
)
from bench.runner.report import report  # noqa: E402
from bench.runner.scale import bench_env, bench_scale  # noqa: E402


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
