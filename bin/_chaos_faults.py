"""The faults `make chaos` injects: a PostgreSQL restart, a gunicorn worker killed."""

import os
import signal

from _chaos_load import Fault
from _chaos_services import children_of, pg_ctlcluster, postgres_ready, wait_for
from _chaos_settings import RECOVERY_LIMIT, WORKERS, now


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
