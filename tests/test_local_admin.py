"""`make run` creates a local admin account once and prints how to log in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from otscoop.management.commands import ensure_local_admin

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def credentials_file(tmp_path, monkeypatch):
    path = tmp_path / ".local-admin"
    monkeypatch.setattr(ensure_local_admin, "CREDENTIALS_FILE", path)
    return path


def run(capsys):
    call_command("ensure_local_admin")
    return capsys.readouterr().out


def test_creates_an_admin_and_prints_a_working_password(capsys, credentials_file):
    output = run(capsys)
    username, password = credentials_file.read_text().split()
    assert f"user name: {username}" in output and f"password: {password}" in output
    user = get_user_model().objects.get(username=username)
    assert user.is_superuser and user.is_staff and user.check_password(password)
    assert oct(credentials_file.stat().st_mode & 0o777) == "0o600"


def test_second_run_prints_the_same_account_and_creates_nothing(capsys):
    first = run(capsys)
    second = run(capsys)
    assert first == second
    assert get_user_model().objects.count() == 1


def test_an_existing_admin_is_left_alone(capsys, credentials_file):
    get_user_model().objects.create_superuser("chief", "", "their-own-password-123")
    output = run(capsys)
    assert "chief" in output and "password:" not in output
    assert get_user_model().objects.count() == 1
    assert not credentials_file.exists()


def test_the_printed_account_logs_in_to_the_admin(capsys, client, credentials_file):
    run(capsys)
    username, password = credentials_file.read_text().split()
    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
