"""The report: one table per scale with the cold requests' profile, how cost grows with data,
the targets with PASS/FAIL, and bench/FINDINGS.md; bench/run.py writes it to RESULTS.md."""

from bench.runner.config import (
    ANONYMOUS,
    CONNECTIONS,
    DURATION,
    FILTER_COUNCIL,
    FILTER_YEAR,
    FINDINGS,
    HEALTHZ,
    P99_TARGET,
    READER_TARGETS,
    SCALE_ENDPOINTS,
    SCALE_TARGET,
    SEARCH_WORD,
    SEED,
    STAFF,
    THREADS,
    TIMEOUT,
    WARMUP_REQUESTS,
    WORKERS,
)
from bench.runner.measure import Row, cold_paths


def profile_table(profile: dict | None) -> list[str]:
    if not profile:
        return ["(bench/profile.py gave no result.)"]
    parts = profile["parts"]
    lines = [
        "| path | ms per request | CPU ms | " + " | ".join(parts) + " |",
        "|---|---:|---:|" + "---:|" * len(parts),
    ]
    for item in profile["results"]:
        path = item["path"] if len(item["path"]) < 40 else item["path"][:37] + "…"
        if "error" in item:
            lines.append(f"| `{path}` | {item['error']} | |" + " |" * len(parts))
            continue
        shares = " | ".join(f"{item['parts'][part] * 100:.0f}%" for part in parts)
        lines.append(f"| `{path}` | {item['ms']:.1f} | {item['cpu_ms']:.1f} | {shares} |")
    return lines


def cold_lines(result: dict) -> list[str]:
    """The cold-request targets, from the profile: the mean ms of each path."""
    measured = {item["path"]: item for item in (result.get("profile") or {}).get("results", [])}
    lines = []
    for name, path, target in cold_paths(result["info"]):
        item = measured.get(path)
        if item is None or "error" in item:
            lines.append(f"| cold: {name} ≤ {target:.0f} ms | not measured | FAIL |")
            continue
        lines.append(
            f"| cold: {name} ≤ {target:.0f} ms | {item['ms']:.1f} ms "
            f"(median {item['median_ms']:.1f}) | {verdict(item['ms'] <= target)} |"
        )
    return lines


def table(result: dict) -> list[str]:
    lines = [
        "| endpoint | path | cache | req/s | p50 ms | p99 ms | errors | % of /healthz |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        mode = row.mode if row.name != HEALTHZ else "none (ceiling)"
        if row.cache:
            mode += f" X-Cache: {row.cache}"
        path = row.path if len(row.path) < 60 else row.path[:57] + "…"
        if not row.measured:
            lines.append(f"| {row.name} | `{path}` | {mode} | {row.status} | | | | |")
            continue
        ratio = f"{row.ratio * 100:.1f}%" if row.ratio is not None else ""
        lines.append(
            f"| {row.name} | `{path}` | {mode} | {row.rps:.1f} | {row.p50:.2f} | {row.p99:.2f} "
            f"| {row.errors} | {ratio} |"
        )
    return lines


def find(result: dict, name: str, mode: str) -> Row | None:
    return next((r for r in result["rows"] if r.name == name and r.mode == mode), None)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def targets(results: list[dict]) -> list[str]:
    largest = max(results, key=lambda r: r["scale"])
    smallest = min(results, key=lambda r: r["scale"])
    lines = [
        f"Judged at the largest scale run ({largest['scale']:,} rows)"
        + ("" if largest["scale"] >= 100_000 else "; the issue sets them at 100,000 rows")
        + ".",
        "",
        "| target | measured | result |",
        "|---|---|---|",
    ]

    def ratio_line(name, mode, goal):
        row = find(largest, name, mode)
        if row is None or row.ratio is None:
            status = row.status if row else "missing"
            lines.append(f"| {mode}: {name} ≥ {goal:.0%} of /healthz | {status} | n/a |")
            return
        ok = row.ratio >= goal
        lines.append(
            f"| {mode}: {name} ≥ {goal:.0%} of /healthz | {row.ratio:.1%} | {verdict(ok)} |"
        )

    for row in largest["rows"]:
        if row.name != HEALTHZ:
            ratio_line(row.name, row.mode, READER_TARGETS[row.mode])
    for name in SCALE_ENDPOINTS:
        for mode in (STAFF, ANONYMOUS):
            label = f"{mode}: {name} at {largest['scale']:,} rows ≥ 80% of {smallest['scale']:,}"
            big, small = find(largest, name, mode), find(smallest, name, mode)
            if largest is smallest:
                lines.append(f"| {label} | one scale only | n/a |")
            elif big and small and big.measured and small.measured and small.rps:
                change = big.rps / small.rps
                lines.append(
                    f"| {label} | {big.rps:.1f} / {small.rps:.1f} req/s = {change:.0%} "
                    f"| {verdict(change >= SCALE_TARGET)} |"
                )
            else:
                lines.append(f"| {label} | not measured | n/a |")
    lines += cold_lines(largest)
    for result in results:
        measured = [r for r in result["rows"] if r.measured]
        errors = sum(r.errors for r in measured)
        unavailable = [f"{r.name} [{r.mode}]" for r in result["rows"] if not r.measured]
        note = f"; not measured: {', '.join(unavailable)}" if unavailable else ""
        lines.append(
            f"| zero errors ({result['scale']:,} rows) | {errors} errors{note} "
            f"| {verdict(errors == 0)} |"
        )
        wide = [
            f"{r.name} [{r.mode}] {r.p99 / r.p50:.1f}×"
            for r in measured
            if r.p50 and r.p99 > P99_TARGET * r.p50
        ]
        lines.append(
            f"| p99 ≤ 3 × p50 ({result['scale']:,} rows) | "
            f"{'; '.join(wide) if wide else 'every endpoint'} | {verdict(not wide)} |"
        )
    return lines


def scale_comparison(results: list[dict]) -> list[str]:
    if len(results) < 2:
        return []
    small, large = results[0], results[-1]
    lines = [
        f"## How cost grows with data ({small['scale']:,} → {large['scale']:,} rows)",
        "",
        f"| endpoint | cache | req/s at {small['scale']:,} | req/s at {large['scale']:,} "
        f"| change | % of /healthz at {small['scale']:,} | at {large['scale']:,} |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes = [
        "",
        "The filtered lists are not like for like: the filter matches "
        f"{small['info']['counts']['filtered_meetings']:,} meetings at {small['scale']:,} rows "
        f"and {large['info']['counts']['filtered_meetings']:,} at {large['scale']:,} (a page "
        "shows up to 25), so their pages grow with the data.",
    ]
    for row in large["rows"]:
        before = find(small, row.name, row.mode)
        if not (before and before.measured and row.measured and before.rps):
            continue
        change = row.rps / before.rps - 1
        lines.append(
            f"| {row.name} | {row.mode} | {before.rps:.1f} | {row.rps:.1f} | {change:+.0%} "
            f"| {(before.ratio or 0):.1%} | {(row.ratio or 0):.1%} |"
        )
    return [*lines, *notes, ""]


def report(machine: dict, results: list[dict], seconds: float) -> str:
    out = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) on {machine['date']}; the whole run took "
        f"{seconds / 60:.1f} minutes. See bench/README.md for what is measured and how.",
        "",
        "## Machine and parameters",
        "",
        f"- `uname -a`: {machine['uname']}",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores",
        f"- {machine['postgres']}; cache: {machine['cache']}",
        f"- Python {machine['python']}, Django {machine['django']}, "
        f"gunicorn {machine['gunicorn']}, {machine['wrk']}",
        f"- gunicorn: {WORKERS} sync workers on 127.0.0.1, production settings (`DEBUG=0`, "
        "`CONN_MAX_AGE=600`, gunicorn.conf.py with `--max-requests 0`)",
        f"- wrk: `-t{THREADS} -c{CONNECTIONS} -d{DURATION}s --timeout={TIMEOUT}s` per endpoint "
        f"and cache path, after {WARMUP_REQUESTS} warm-up requests; the same machine",
        f"- data: `manage.py bench_data --seed {SEED}`; filtered lists: "
        f"`council={FILTER_COUNCIL}&year={FILTER_YEAR}`; search word: `{SEARCH_WORD}`",
        "- readers: anonymous (no cookie); staff session (the session cookie of a Secretariat "
        "editor); API token (the same editor's token, API endpoints only). Each row checks "
        "that its reader is served as its audience (`X-Audience`: public, staff, staff)",
        "",
    ]
    for result in results:
        counts = result["info"]["counts"]
        out += [
            f"## {result['scale']:,} meetings and statements",
            "",
            f"{counts['meetings']:,} meetings, {counts['statements']:,} statements, "
            f"{counts['candidacies']:,} candidacies with {counts['supports']:,} supports, "
            f"{counts['delegations']:,} delegations. The filtered list matches "
            f"{counts['filtered_meetings']:,} meetings; `{SEARCH_WORD}` matches "
            f"{counts['search_meetings']} meetings and {counts['search_statements']} statements. "
            f"Load average before/after the load runs: {result['load'][0]} / {result['load'][1]}.",
            "",
            *table(result),
            "",
            "Cold requests (the first after an edit: the latest meeting saved before each, so "
            "the page is rendered again, with the fragments that show meetings and that "
            "meeting's row) as the staff user, and where their time goes: `bench/profile.py`, "
            "in one process without gunicorn or wrk, sampling the stack every millisecond; each "
            "sample goes to the innermost part it is in (see the script for the parts).",
            "",
            *profile_table(result.get("profile")),
            "",
        ]
    out += scale_comparison(results)
    out += ["## Targets", "", *targets(results), ""]
    out += findings_section()
    return "\n".join(out)


def findings_section() -> list[str]:
    """bench/FINDINGS.md under a heading: what the profiles showed and what was done."""
    if not FINDINGS.exists():
        return []
    return ["## What the profiles showed", "", FINDINGS.read_text().rstrip(), ""]
