"""Safe on the internet: deployment checks, security headers, login lockout, uploads, hostile
text, readiness, error pages in every language, history of deletions."""

import os
import subprocess
import sys
from unittest import mock

import icalendar
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from events.models import Document, Meeting
from otscoop.choices import Publication

from .factories import (
    DocumentFactory,
    JointStatementFactory,
    MeetingFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


# Deployment ---------------------------------------------------------------------------------


def test_deploy_check_is_clean_under_production_settings():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x7$Kq!2vLz9@Wm4#Rt8^Yp1&Hs6*Nd3(Fb5)Jc0_Gg-Ee+Aa=Uu~Ii",
        "ALLOWED_HOSTS": "otscoop.example.org",
        "HTTPS": "true",
        "BEHIND_PROXY": "true",
        "CACHE_URL": "redis://127.0.0.1:6379/1",  # not contacted by the checks
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("path", ["/en/meetings/", "/api/schema/"])
def test_security_headers_on_pages_and_the_api(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert len(response["X-Request-ID"]) >= 8


def test_templates_hold_no_inline_script_or_style():
    import pathlib
    import re

    for template in pathlib.Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", text), template
        assert " style=" not in text and "<style" not in text, template


def test_a_proxy_request_id_is_kept_and_a_bad_one_replaced(client):
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc12345-xyz"})["X-Request-ID"]
        == "abc12345-xyz"
    )
    replaced = client.get("/healthz", headers={"X-Request-ID": "<bad id>"})["X-Request-ID"]
    assert replaced != "<bad id>" and len(replaced) == 32


def test_log_lines_are_json_with_the_request_id(client, caplog):
    with caplog.at_level("INFO", logger="otscoop.request"):
        response = client.get("/en/meetings/")
    record = next(r for r in caplog.records if r.name == "otscoop.request")
    assert record.request_id == response["X-Request-ID"]
    assert record.status == 200 and record.path == "/en/meetings/"
    from pythonjsonlogger.json import JsonFormatter

    from otscoop.logs import RequestIdFilter

    RequestIdFilter().filter(record)
    line = JsonFormatter("%(levelname)s %(message)s %(request_id)s").format(record)
    assert '"request_id"' in line and '"status": 200' in line


# Logins -------------------------------------------------------------------------------------


def test_admin_login_locks_out_after_five_failures(client):
    UserFactory(username="clerk", is_staff=True)
    login = reverse("admin:login")
    for _ in range(4):
        response = client.post(login, {"username": "clerk", "password": "wrong-password"})
        assert response.status_code == 200  # the form again, with its error
    fifth = client.post(login, {"username": "clerk", "password": "wrong-password"})
    assert fifth.status_code == 429
    locked = client.post(login, {"username": "clerk", "password": "a-long-test-password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_login_still_works_before_the_limit(client):
    UserFactory(username="clerk", is_staff=True)
    login = reverse("admin:login")
    for _ in range(3):
        client.post(login, {"username": "clerk", "password": "wrong-password"})
    response = client.post(
        login, {"username": "clerk", "password": "a-long-test-password", "next": "/admin/"}
    )
    assert response.status_code == 302


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password

    for weak in ("short1", "password123456", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)


# Uploads ------------------------------------------------------------------------------------


def document_with(content, name="report.pdf"):
    document = Document(meeting=MeetingFactory(), title="Report", kind="report")
    document.file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return document


def test_a_pdf_upload_is_accepted_and_stored_under_a_random_name(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    document = document_with(PDF)
    document.full_clean()
    document.save()
    assert document.file.name.startswith("documents/")
    assert "report" not in document.file.name
    assert document.file.name.endswith(".pdf")


def test_a_file_renamed_pdf_is_refused_by_its_content():
    with pytest.raises(ValidationError) as caught:
        document_with(b"MZ\x90\x00 this is an executable", "invoice.pdf").full_clean()
    assert "file" in caught.value.message_dict


def test_an_oversized_pdf_is_refused(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    with pytest.raises(ValidationError) as caught:
        document_with(PDF + b"0" * 2048).full_clean()
    assert "file" in caught.value.message_dict


def test_a_non_pdf_name_is_refused():
    with pytest.raises(ValidationError):
        document_with(PDF, "report.exe").full_clean()


def test_documents_are_served_as_pdf_with_content_disposition(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    document = document_with(PDF)
    document.full_clean()
    document.save()
    response = client.get(document.get_file_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="report.pdf"'
    assert b"".join(response.streaming_content) == PDF


def test_a_draft_meetings_document_is_not_served(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    document = document_with(PDF)
    document.meeting.publication = Publication.DRAFT
    document.meeting.save()
    document.save()
    assert client.get(document.get_file_url()).status_code == 404


# Hostile text -------------------------------------------------------------------------------


@pytest.fixture
def hostile():
    state = StateFactory(name=HOSTILE)
    meeting = MeetingFactory(title=HOSTILE, theme=HOSTILE, summary=HOSTILE, host_state=state)
    statement = JointStatementFactory(title=HOSTILE, summary=HOSTILE, text=HOSTILE)
    DocumentFactory(meeting=meeting, title=HOSTILE)
    return meeting, statement, state


def test_hostile_text_is_escaped_on_every_page(client, hostile):
    meeting, statement, state = hostile
    for path in (
        "/en/",
        "/en/meetings/",
        meeting.get_absolute_url(),
        "/en/statements/",
        statement.get_absolute_url(),
        state.get_absolute_url(),
        "/en/states/",
        "/en/search/?q=script",
    ):
        page = client.get(path).content.decode()
        assert HOSTILE not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path


def test_hostile_text_is_escaped_in_the_atom_feed(client, hostile):
    body = client.get("/statements/feed/").content.decode()
    assert HOSTILE not in body
    assert "&lt;script&gt;" in body


def test_hostile_text_in_the_calendar_is_plain_text_never_markup(client, hostile):
    # iCalendar is plain text (RFC 5545): the title is kept exactly, as text/calendar, which no
    # client renders as HTML; nosniff stops a browser from guessing otherwise.
    response = client.get("/meetings.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert response["X-Content-Type-Options"] == "nosniff"
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == HOSTILE


# Health and errors --------------------------------------------------------------------------


def test_readyz_says_ready_when_the_database_answers_and_is_migrated(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok"},
    }


def test_readyz_fails_when_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable"


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_404_page_in_every_language(client, language):
    response = client.get(f"/{language}/meetings/no-such-meeting/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    with translation.override(language):
        assert translation.gettext("Page not found") in page


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_500_page_in_every_language(language):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
        expected = translation.gettext("Server error")
    page = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in page
    assert expected in page


# Nothing lost -------------------------------------------------------------------------------


def test_history_keeps_a_deleted_record_and_who_deleted_it(editor_client, editor):
    meeting = MeetingFactory(title="To be deleted")
    response = editor_client.post(
        reverse("admin:events_meeting_delete", args=[meeting.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    deletion = Meeting.history.filter(id=meeting.pk).order_by("-history_date").first()
    assert deletion.history_type == "-"
    assert deletion.history_user == editor
    assert deletion.title == "To be deleted"


def test_hostile_text_is_escaped_in_api_output(client, hostile):
    meeting, statement, _state = hostile
    for path in (
        "/api/v1/meetings/",
        f"/api/v1/meetings/{meeting.slug}/",
        f"/api/v1/statements/{statement.slug}/",
    ):
        response = client.get(path)
        body = response.content.decode()
        assert response["Content-Type"] == "application/json"
        assert "<script>" not in body, path
        assert "\\u003cscript\\u003e" in body, path
    # Still the same data for a JSON parser.
    assert client.get(f"/api/v1/meetings/{meeting.slug}/").json()["title"] == HOSTILE
