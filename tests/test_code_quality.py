"""The repository stays clean: no model change without a migration, ruff lint and format."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    # Exits with SystemExit(1) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("arguments", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(arguments):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_memberships_never_imports_events():
    """events depends on memberships, never the reverse (the state page is composed in events)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "memberships").rglob("*.py")
        if any(
            line.lstrip().startswith(("import events", "from events"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_history_is_registered_only_in_the_apps_translation_modules():
    """One way: simple_history.register() in each app's translation.py, none on the model."""
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("otscoop", "events", "memberships")
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and "HistoricalRecords(" in path.read_text("utf-8")
    ]
    assert offenders == []


def test_no_source_file_passes_400_lines():
    """Small files (issue 14): migrations, tests, demo data and vendored files aside."""
    skipped = {"migrations", "tests", "static", "staticfiles", "locale", ".venv", "node_modules"}
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    if not tracked:  # not a git checkout: every Python file below the project
        tracked = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")]
    long_files = {
        name: lines
        for name in tracked
        if not skipped.intersection(Path(name).parts)
        and (lines := len((ROOT / name).read_text("utf-8").splitlines())) > 400
    }
    assert long_files == {}
