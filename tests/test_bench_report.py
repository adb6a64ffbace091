"""bench/run.py's report ends with bench/FINDINGS.md (what the profiles showed, by hand)."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def load_run():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_report_carries_the_findings(tmp_path):
    run = load_run()
    findings = (BENCH / "FINDINGS.md").read_text().rstrip()
    assert "| finding | change | ms |" in findings
    section = "\n".join(run.findings_section())
    assert section == "## What the profiles showed\n\n" + findings + "\n"
    run.FINDINGS = tmp_path / "missing.md"
    assert run.findings_section() == []


def test_the_committed_results_end_with_the_findings():
    results = (BENCH / "RESULTS.md").read_text()
    assert results.rstrip().endswith((BENCH / "FINDINGS.md").read_text().rstrip())
