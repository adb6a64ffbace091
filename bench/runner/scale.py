"""One scale: the scratch database filled (`bench_data`), every endpoint warmed up and loaded
with wrk as each reader, then the cold requests profiled (bench/profile.py)."""

import json
import os
import time
from pathlib import Path

from bench.runner.config import (
    ANONYMOUS,
    BENCH_DIR,
    DATABASE,
    FILTER_COUNCIL,
    FILTER_YEAR,
    HEALTHZ,
    KEEP_DB,
    PG_URL,
    PYTHON,
    SEARCH_WORD,
    SEED,
    STAFF,
    TOKEN,
    run,
    say,
)
from bench.runner.machine import drop_database, flush_redis, load_average, recreate_database
from bench.runner.measure import Row, cold_paths, drain, endpoints, load, readers, warm_up
from bench.runner.server import Server


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
