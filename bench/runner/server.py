"""gunicorn serving the bench database, and one GET on a new connection."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from bench.runner.config import GUNICORN, ROOT, WORKERS, say


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
