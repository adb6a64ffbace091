"""What `make chaos` checks afterwards: recovery after each fault, every acknowledged write kept
(with its history row), and the summary of the requests."""

from _chaos_load import Fault, Load, Request
from _chaos_settings import DATABASE, PGHOST, PGPORT, PGUSER, READ_PATHS, RECOVERY_LIMIT


def analyse(load: Load, faults: list[Fault], end: float) -> list[str]:
    """Failures of the run (empty when it passed); prints the request part of the summary."""
    failures = []
    requests = sorted(load.requests, key=lambda request: request.start)
    first_fault = faults[0].start if faults else end
    early = [r for r in requests if r.end < first_fault and not r.ok]
    if early:
        failures.append(f"{len(early)} requests failed before any fault, e.g. {describe(early[0])}")

    print("\nFaults:")
    for index, fault in enumerate(faults):
        until = faults[index + 1].start if index + 1 < len(faults) else end
        # A request belongs to the phase in which it ended (failed or succeeded).
        during = [r for r in requests if fault.start <= r.end < until]
        failed = [r for r in during if not r.ok]
        print(f"  {fault.name} at {fault.start:.1f} s: {fault.detail}")
        for note in fault.notes:
            print(f"    ! {note}")
            failures.append(f"{fault.name}: {note}")
        if failed:
            window_end = max(r.end for r in failed)
            kinds = {}
            for r in failed:
                kinds[describe_outcome(r)] = kinds.get(describe_outcome(r), 0) + 1
            print(
                f"    {len(failed)} of {len(during)} requests failed, from "
                f"{min(r.start for r in failed):.1f} s to {window_end:.1f} s "
                f"({window_end - fault.start:.1f} s after the fault began): "
                + ", ".join(f"{count} × {kind}" for kind, count in sorted(kinds.items()))
            )
            seconds = {}
            for r in failed:
                second = int(r.end)
                seconds[second] = seconds.get(second, 0) + 1
            print(
                "    failures by second: "
                + ", ".join(f"{second} s: {count}" for second, count in sorted(seconds.items()))
            )
        else:
            window_end = fault.end
            print(f"    no request failed ({len(during)} requests)")
        recovery = window_end - fault.end
        after = [r for r in during if r.start > window_end]
        answered = {r.path for r in after if r.ok and r.kind == "read"}
        wrote = any(r.ok for r in after if r.kind == "write")
        if recovery > RECOVERY_LIMIT:
            failures.append(
                f"{fault.name}: failures went on {recovery:.1f} s after the fault "
                f"(limit {RECOVERY_LIMIT:.0f} s)"
            )
        if set(READ_PATHS) - answered or not wrote:
            missing = sorted(set(READ_PATHS) - answered) + ([] if wrote else ["writes"])
            failures.append(f"{fault.name}: no success afterwards for {', '.join(missing)}")
        else:
            print(
                f"    back to 2xx: last failure {window_end - fault.start:.1f} s after the fault "
                f"began, {max(recovery, 0):.1f} s after it ended"
            )

    last = [r for r in requests if r.start >= end - 2]
    if not last or any(not r.ok for r in last):
        failures.append("the app was not answering 2xx in the last 2 seconds")
    return failures


def describe_outcome(request: Request) -> str:
    return str(request.status) if request.status is not None else request.error


def describe(request: Request) -> str:
    return f"{request.kind} {request.path} at {request.start:.1f} s: {describe_outcome(request)}"


def check_writes(load: Load) -> tuple[list[str], str]:
    """Every acknowledged write is in the database, with its history row."""
    import psycopg

    prefix = f"chaos-{load.run_id}-%"
    with psycopg.connect(
        host=PGHOST, port=PGPORT, user=PGUSER, dbname=DATABASE, connect_timeout=10
    ) as db:
        topics = dict(db.execute("SELECT slug, id FROM events_topic WHERE slug LIKE %s", [prefix]))
        history = {
            slug
            for (slug,) in db.execute(
                "SELECT slug FROM events_historicaltopic WHERE history_type = '+' AND slug LIKE %s",
                [prefix],
            )
        }
    acked = [write for write in load.writes if write.request.ok]
    unacked = [write for write in load.writes if not write.request.ok]
    failures = []
    lost = [write for write in acked if write.slug not in topics]
    for write in lost:
        failures.append(f"LOST: {write.slug} acknowledged at {write.request.end:.1f} s")
    for write in acked:
        if write.slug in topics and write.record_id != topics[write.slug]:
            failures.append(
                f"{write.slug}: answered id {write.record_id}, stored {topics[write.slug]}"
            )
        if write.slug in topics and write.slug not in history:
            failures.append(f"{write.slug}: stored without its history row")
        if write.request.error:
            failures.append(f"{write.slug}: {write.request.error}")
    committed_anyway = sum(write.slug in topics for write in unacked)
    known = {write.slug for write in load.writes}
    strangers = sorted(set(topics) - known)
    if strangers:
        failures.append(f"topics nobody wrote: {', '.join(strangers[:5])}")
    summary = (
        f"Writes: {len(load.writes)} sent, {len(acked)} acknowledged, {len(unacked)} failed "
        f"({committed_anyway} of these stored all the same, which is allowed); "
        f"{len(lost)} acknowledged writes missing"
    )
    return failures, summary


def request_summary(load: Load) -> None:
    print(f"\nRequests: {len(load.requests)}")
    for path in [*READ_PATHS, "/api/v1/topics/"]:
        outcomes = {}
        for request in load.requests:
            if request.path == path:
                outcome = describe_outcome(request)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
        text = ", ".join(f"{count} × {outcome}" for outcome, count in sorted(outcomes.items()))
        print(f"  {path}: {text or 'none'}")
