"""Cold requests — the first after an edit — and where their time goes: run by bench/run.py on
the bench database.

Calls the WSGI application in this process (no gunicorn, no wrk) as the logged-in staff user of
the benchmark. Before each timed request a meeting is edited — the latest, on the first page of
the meetings list — and saved as the admin saves it (signals, history), so the request misses
the page cache; of the page's fragments (otscoop/fragments.py), those that show meetings, and
that meeting's row, are rendered again. It samples the Python stack
every millisecond; each sample is given to one part, by the innermost frame that belongs to one:

- database: the driver sending the query and waiting for PostgreSQL (psycopg);
- SQL building: the ORM turning querysets into SQL (`django/db/models/sql`, expressions);
- ORM objects: querysets, rows made into model instances, modeltranslation's fields;
- Django templates, forms and filters, DRF serializers, translations (gettext),
  URLs (reverse, resolve);
- other: middleware, views, sessions, JSON, the handler.

Usage: profile.py COOKIE_NAME=SESSION PATH [PATH ...]; prints `BENCH_PROFILE {json}`.
"""

import io
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")

import django  # noqa: E402

django.setup()

from events.models import Meeting  # noqa: E402

INTERVAL = 0.001
WARM_UP = 5
REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", "40"))

# (part, path fragments): the first part whose fragment is in a frame's file name takes the
# sample, looking from the innermost frame outwards.
PARTS = [
    ("database", ("/psycopg/", "/psycopg_binary/")),
    (
        "SQL building",
        (
            "/django/db/models/sql/",
            "/django/db/models/expressions.py",
            "/django/db/models/lookups.py",
            "/django/db/models/query_utils.py",
            "/django/db/backends/",
        ),
    ),
    (
        "ORM objects",
        (
            "/django/db/models/",
            "/modeltranslation/",
        ),
    ),
    ("forms and filters", ("/django/forms/", "/django_filters/")),
    (
        "DRF serializers",
        (
            "/rest_framework/serializers.py",
            "/rest_framework/fields.py",
            "/rest_framework/relations.py",
            "/api/serializers.py",
        ),
    ),
    ("Django templates", ("/django/template/", "/templatetags/")),
    ("translations", ("/django/utils/translation/", "/gettext.py")),
    ("URLs", ("/django/urls/",)),
]
OTHER = "other"
PART_NAMES = [name for name, _fragments in PARTS] + [OTHER]


_part_of_file: dict[str, str | None] = {}


def part_of_file(filename: str) -> str | None:
    if filename not in _part_of_file:
        _part_of_file[filename] = next(
            (name for name, fragments in PARTS if any(f in filename for f in fragments)), None
        )
    return _part_of_file[filename]


def part_of(frame) -> str:
    while frame is not None:
        part = part_of_file(frame.f_code.co_filename)
        if part is not None:
            return part
        frame = frame.f_back
    return OTHER


class Sampler:
    def __init__(self):
        self.counts = Counter()
        self.busy = False

    def sample(self, signum, frame):
        if self.busy:  # a signal during the previous sample, or the edit between requests
            return
        self.busy = True
        try:
            self.counts[part_of(frame)] += 1
        finally:
            self.busy = False

    def __enter__(self):
        signal.signal(signal.SIGALRM, self.sample)
        signal.setitimer(signal.ITIMER_REAL, INTERVAL, INTERVAL)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def request(app, path: str, cookie: str) -> int:
    path_info, _sep, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = app(environ, lambda code, headers, exc_info=None: status.append(code))
    b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0])


def edit() -> None:
    """An edit of the latest meeting, saved as any edit is: the next request misses the cache."""
    meeting = Meeting.objects.published().order_by("-start_date").first()
    meeting.save(update_fields=["updated_at"])


def profile(app, path: str, cookie: str) -> dict:
    for _ in range(WARM_UP):
        if request(app, path, cookie) != 200:
            return {"path": path, "error": "not 200"}
    times, cpu = [], 0.0
    with Sampler() as sampler:
        for _ in range(REQUESTS):
            sampler.busy = True  # the edit is not part of the request
            edit()
            sampler.busy = False
            started, cpu_started = time.perf_counter(), time.process_time()
            request(app, path, cookie)
            times.append(time.perf_counter() - started)
            cpu += time.process_time() - cpu_started
    total = sum(sampler.counts.values()) or 1
    times.sort()
    return {
        "path": path,
        "ms": sum(times) / REQUESTS * 1e3,
        "median_ms": times[len(times) // 2] * 1e3,
        "cpu_ms": cpu / REQUESTS * 1e3,
        "parts": {name: sampler.counts[name] / total for name in PART_NAMES},
    }


def main():
    cookie, paths = sys.argv[1], sys.argv[2:]
    from otscoop.wsgi import application as app  # as gunicorn loads it

    results = [profile(app, path, cookie) for path in ["/healthz", *paths]]
    print("BENCH_PROFILE " + json.dumps({"parts": PART_NAMES, "results": results}))


if __name__ == "__main__":
    main()
