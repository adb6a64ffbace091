"""The load of `make chaos`: readers and a writer against gunicorn, every request recorded."""

import http.client
import itertools
import json
import threading
import time
from dataclasses import dataclass, field

from _chaos_settings import READ_PATHS, READERS, REQUEST_TIMEOUT, now


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
