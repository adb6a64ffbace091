"""bench/run.py's report (bench/runner/report.py) ends with bench/FINDINGS.md (what the profiles
showed, by hand)."""

from pathlib import Path

from bench.runner import report

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_report_carries_the_findings(tmp_path, monkeypatch):
    findings = (BENCH / "FINDINGS.md").read_text().rstrip()
    assert "| finding | change | ms |" in findings
    section = "\n".join(report.findings_section())
    assert section == "## What the profiles showed\n\n" + findings + "\n"
    monkeypatch.setattr(report, "FINDINGS", tmp_path / "missing.md")
    assert report.findings_section() == []


def test_the_committed_results_end_with_the_findings():
    results = (BENCH / "RESULTS.md").read_text()
    assert results.rstrip().endswith((BENCH / "FINDINGS.md").read_text().rstrip())
