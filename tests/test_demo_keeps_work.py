"""`load_demo` keeps people's work (issue 15): a staff edit survives another load, a deleted demo
record stays deleted, an untouched record takes newer demo values, a conflict is one line and the
load goes on, `--reset` asks first, and `make run` serves even when loading fails."""

import copy
import os
import shutil
import subprocess
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from events.demo import loader
from events.demo.load_events import MEETING_LISTS
from events.models import Document, ElectionObservationMission, Meeting
from memberships.models import Candidacy, CandidacySupport, Membership, State
from otscoop.models import DemoRecord

from . import factories

pytestmark = pytest.mark.django_db

DEMO_DATA = loader.read_data()  # as data.json holds it (the tests patch `read_data`)
SUMMIT = "summit-2009-nakhchivan"  # a demo meeting with two documents
OTHER_SUMMIT = "1st-summit-2011-almaty"  # hosted by Kazakhstan


class Terminal(StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self):
        return True


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_data(response) -> dict:
    """The POST data of an admin add or change page as the browser would send it unchanged:
    every field's present value and each inline's existing rows."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or value == "":
                continue
            if value is True:
                value = "on"
            elif isinstance(value, list | tuple):
                value = [str(item) for item in value]
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            elif not isinstance(value, str | int):
                continue  # an empty file field
            data[form.add_prefix(name)] = value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        data[formset.management_form.add_prefix("TOTAL_FORMS")] = formset.initial_form_count()
        for form in formset.initial_forms:
            add(form)
    return data


def load(**options) -> str:
    output = StringIO()
    call_command("load_demo", stdout=output, **options)
    return output.getvalue()


def demo_with(change):
    """data.json with `change(data)` applied: newer demo values."""
    data = copy.deepcopy(DEMO_DATA)
    change(data)
    return data


def meeting_record(data, slug):
    return next(
        record["app"]["meeting"]
        for key in MEETING_LISTS
        for record in data[key]
        if record["app"]["meeting"]["slug"] == slug
    )


def content_rows() -> dict:
    """Rows of every table of the content apps, history, lists and the ledger included."""
    return {
        model._meta.label: model._meta.base_manager.count()
        for label in ("otscoop", "memberships", "events")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


# ---------------------------------------------------------------------- people's changes


def test_a_staff_edit_through_the_admin_survives_a_second_load(editor_client, editor):
    load()
    meeting = Meeting.objects.get(slug=SUMMIT)
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    data["title_en"] = "Nakhchivan Summit (title corrected by the Secretariat)"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors
    assert meeting.history.latest().history_user == editor

    output = load()

    meeting.refresh_from_db()
    assert meeting.title == "Nakhchivan Summit (title corrected by the Secretariat)"
    # The meeting and its two documents are kept as they are; nothing else changed either.
    assert "0 created, 0 updated," in output
    assert "3 kept (changed by a person)" in output
    assert meeting.history.count() == 2


def test_a_record_a_person_changed_keeps_its_values_and_children_when_the_demo_changes(
    editor_client, monkeypatch
):
    load()
    meeting = Meeting.objects.get(slug=SUMMIT)
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    data["summary_en"] = "Written by the Secretariat."
    assert editor_client.post(url, data).status_code == 302
    kinds = dict(meeting.documents.values_list("title", "kind"))

    def newer(data):
        record = next(r for r in data["summits"] if r["app"]["meeting"]["slug"] == SUMMIT)
        record["app"]["meeting"]["theme"] = "A newer demo theme"
        record["app"]["meeting"]["summary"] = "A newer demo summary"
        for document in record["app"]["documents"]:
            document["kind"] = "other"

    monkeypatch.setattr(loader, "read_data", lambda: demo_with(newer))
    load()

    meeting.refresh_from_db()
    assert meeting.summary == "Written by the Secretariat."
    assert meeting.theme == ""
    assert dict(meeting.documents.values_list("title", "kind")) == kinds


def test_an_untouched_record_takes_a_newer_demo_value(monkeypatch):
    load()
    meeting = Meeting.objects.get(slug=OTHER_SUMMIT)
    assert meeting.theme != "A newer demo theme"
    monkeypatch.setattr(
        loader,
        "read_data",
        lambda: demo_with(
            lambda data: meeting_record(data, OTHER_SUMMIT).update(theme="A newer demo theme")
        ),
    )

    output = load()

    meeting.refresh_from_db()
    assert meeting.theme == "A newer demo theme"
    assert "0 created, 1 updated," in output
    assert meeting.history.latest().history_user is None
    entry = DemoRecord.objects.get(model="events.meeting", key=f'{{"slug": "{OTHER_SUMMIT}"}}')
    assert entry.object_id == meeting.pk
    assert entry.values["fields"]["theme"] == "A newer demo theme"


def test_a_deleted_demo_record_stays_deleted(editor_client):
    load()
    mission = ElectionObservationMission.objects.order_by("election_date").first()
    response = editor_client.post(admin_url(type(mission), "delete", mission.pk), {"post": "yes"})
    assert response.status_code == 302

    output = load()
    output_again = load()

    assert not ElectionObservationMission.objects.filter(slug=mission.slug).exists()
    for text in (output, output_again):
        assert "0 created, 0 updated," in text
        assert "1 skipped (deleted by a person)" in text


def test_a_change_made_outside_the_admin_is_kept_too(monkeypatch):
    """No user in the history (a shell, a script), but not the value the loader wrote."""
    load()
    Meeting.objects.filter(slug=OTHER_SUMMIT).update(city="Almaty (changed in a shell)")
    monkeypatch.setattr(
        loader,
        "read_data",
        lambda: demo_with(lambda data: meeting_record(data, OTHER_SUMMIT).update(theme="Newer")),
    )

    output = load()

    meeting = Meeting.objects.get(slug=OTHER_SUMMIT)
    assert (meeting.city, meeting.theme) == ("Almaty (changed in a shell)", "Economic cooperation")
    assert "2 kept (changed by a person)" in output  # the meeting and its one document


def test_a_database_loaded_before_the_ledger_keeps_staff_edits_and_updates_the_rest(
    editor_client, monkeypatch
):
    load()
    meeting = Meeting.objects.get(slug=SUMMIT)
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    data["title_en"] = "Edited before the ledger existed"
    assert editor_client.post(url, data).status_code == 302
    DemoRecord.objects.all().delete()  # as the loader left a database before issue 15

    def newer(data):
        meeting_record(data, SUMMIT).update(theme="Newer")
        meeting_record(data, OTHER_SUMMIT).update(theme="Newer")

    monkeypatch.setattr(loader, "read_data", lambda: demo_with(newer))
    output = load()

    assert Meeting.objects.get(slug=SUMMIT).title == "Edited before the ledger existed"
    assert Meeting.objects.get(slug=SUMMIT).theme == ""
    assert Meeting.objects.get(slug=OTHER_SUMMIT).theme == "Newer"
    assert "0 created, 1 updated," in output
    assert DemoRecord.objects.filter(model="events.meeting").count() == Meeting.objects.count()


def test_a_second_plain_run_writes_nothing():
    load()
    rows = content_rows()
    # Every record the loader wrote has its entry in the ledger.
    entries = Counter(DemoRecord.objects.values_list("model", flat=True))
    assert {"otscoop.source", "memberships.state", "events.meeting"} <= set(entries)
    for label, count in entries.items():
        assert apps.get_model(label)._meta.default_manager.count() == count, label

    output = load()

    assert content_rows() == rows
    assert "0 created, 0 updated," in output
    assert "0 kept (changed by a person), 0 skipped (deleted by a person), 0 conflicts" in output


# ---------------------------------------------------------------------- conflicts


def test_a_conflicting_iso_code_is_one_line_naming_both_records_and_the_rest_loads():
    other = factories.StateFactory(name="Qazaqstan", slug="qazaqstan", iso2="KZ", iso3="KAZ")

    output = load()

    lines = [line for line in output.splitlines() if "Kazakhstan" in line]
    assert lines == [
        'Skipped demo state "Kazakhstan" (kazakhstan): its ISO alpha-2 code "KZ" is held by '
        f'state "Qazaqstan" (#{other.pk}), which the demo did not load.'
    ]
    assert "1 conflict," in output
    assert not State.objects.filter(slug="kazakhstan").exists()
    # The rest is loaded: records that need Kazakhstan are left out, others go without it.
    assert State.objects.filter(iso2__in=["AZ", "KG", "TR", "UZ"]).count() == 4
    assert not Membership.objects.filter(state=other).exists()
    assert not Candidacy.objects.filter(state=other).exists()
    assert Meeting.objects.filter(slug=SUMMIT).exists()
    assert Meeting.objects.filter(slug=OTHER_SUMMIT, host_state=None).exists()
    assert "left out (they need a record that was not loaded)" in output


def test_a_slug_held_by_a_record_a_person_made_is_a_conflict(editor_client):
    url = admin_url(State, "add")
    data = form_data(editor_client.get(url))
    data.update(name_en="Türkiye (made by a person)", slug="turkiye", kind="state")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].errors
    made = State.objects.get(slug="turkiye")

    output = load()
    output_again = load()

    line = (
        'Skipped demo state "Türkiye" (turkiye): its slug "turkiye" is held by state '
        f'"Türkiye (made by a person)" (#{made.pk}), which the demo did not load.'
    )
    for text in (output, output_again):
        assert [row for row in text.splitlines() if "turkiye" in row] == [line]
    made.refresh_from_db()
    assert made.name == "Türkiye (made by a person)"
    assert made.iso2 is None
    assert not CandidacySupport.objects.filter(supporting_state=made).exists()


def test_a_newer_demo_value_another_record_holds_is_one_line_and_the_old_row_stays(monkeypatch):
    load()
    factories.StateFactory(name="Somewhere", slug="somewhere", iso2="ZZ", iso3="ZZZ")
    monkeypatch.setattr(
        loader,
        "read_data",
        lambda: demo_with(
            lambda data: next(
                r for r in data["member_states"] if r["app"]["state"]["slug"] == "kyrgyzstan"
            )["app"]["state"].update(iso3="ZZZ")
        ),
    )

    output = load()

    assert [line for line in output.splitlines() if line.startswith("Skipped")] == [
        'Skipped demo state "Kyrgyzstan" (kyrgyzstan): its ISO alpha-3 code "ZZZ" is held by '
        f'state "Somewhere" (#{State.objects.get(slug="somewhere").pk}), which the demo did '
        "not load."
    ]
    kyrgyzstan = State.objects.get(slug="kyrgyzstan")
    assert kyrgyzstan.iso3 == "KGZ"
    assert Membership.objects.filter(state=kyrgyzstan).exists()


def test_an_unexpected_fault_is_reported_clearly_and_changes_nothing(monkeypatch):
    broken = demo_with(lambda data: data.pop("summits"))
    monkeypatch.setattr(loader, "read_data", lambda: broken)

    with pytest.raises(CommandError, match="nothing was changed: KeyError: 'summits'"):
        load()

    assert State.objects.count() == 0
    assert DemoRecord.objects.count() == 0


# ---------------------------------------------------------------------- --reset


def test_reset_without_yes_and_without_a_terminal_refuses():
    load()
    kept = factories.StateFactory(name="Made by a person")
    rows = content_rows()

    with pytest.raises(CommandError, match="only with --yes. Nothing was changed."):
        load(reset=True, stdin=StringIO("yes\n"))

    assert content_rows() == rows
    assert State.objects.filter(pk=kept.pk).exists()


def test_reset_on_a_terminal_goes_ahead_only_when_the_person_types_yes():
    load()
    made = factories.StateFactory(name="Made by a person")
    with pytest.raises(CommandError, match="Nothing was changed"):
        load(reset=True, stdin=Terminal("no\n"))
    assert State.objects.filter(pk=made.pk).exists()

    output = load(reset=True, stdin=Terminal("yes\n"))

    assert 'Type "yes" to go ahead' in output
    assert not State.objects.filter(pk=made.pk).exists()
    assert State.objects.filter(slug="kazakhstan").exists()


def test_reset_with_yes_deletes_the_content_and_loads_the_demo_afresh(editor_client, editor):
    load()
    meeting = Meeting.objects.get(slug=SUMMIT)
    url = admin_url(Meeting, "change", meeting.pk)
    data = form_data(editor_client.get(url))
    data["title_en"] = "Edited by the Secretariat"
    assert editor_client.post(url, data).status_code == 302
    Document.objects.filter(meeting=meeting).first().delete()
    made = factories.MeetingFactory(title="A meeting a person added")
    entries = DemoRecord.objects.count()

    output = load(reset=True, yes=True)

    reloaded = Meeting.objects.get(slug=SUMMIT)
    assert reloaded.pk != meeting.pk
    assert reloaded.title != "Edited by the Secretariat"
    assert reloaded.documents.count() == 2
    assert not Meeting.objects.filter(pk=made.pk).exists()
    assert DemoRecord.objects.count() == entries
    assert "0 kept (changed by a person), 0 skipped (deleted by a person), 0 conflicts" in output
    # Users stay, and the history keeps the deleted records.
    assert get_user_model().objects.filter(pk=editor.pk).exists()
    assert Meeting.history.filter(id=made.pk, history_type="-").exists()


# ---------------------------------------------------------------------- make run


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_serves_even_when_load_demo_fails(tmp_path):
    """`make run` with a stand-in Python that fails `load_demo` and notes every command."""
    log = tmp_path / "commands.log"
    python = tmp_path / "python"
    python.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{log}"\n'
        'case "$*" in *load_demo*) echo "load_demo: it broke" >&2; exit 1;; esac\n'
        "exit 0\n"
    )
    python.chmod(0o755)
    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / ".installed").touch()
    root = Path(settings.BASE_DIR)
    environment = {**os.environ, "MAKEFLAGS": ""}

    result = subprocess.run(
        ["make", "--no-print-directory", "run", f"PY={python}", f"VENV={venv}", "PORT=8765"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    commands = log.read_text().splitlines()
    assert commands[1] == "manage.py load_demo"
    assert commands[-1] == "manage.py runserver --nostatic 127.0.0.1:8765"
    assert "the demo data were not loaded" in result.stderr
