"""Record pages offer the Secretariat an "Open in the admin" link to the record's change page,
and show the public nothing of it."""

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import (
    CouncilFactory,
    ElectionObservationMissionFactory,
    JointStatementFactory,
    MeetingFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RECORDS = [
    (MeetingFactory, "admin:events_meeting_change"),
    (JointStatementFactory, "admin:events_jointstatement_change"),
    (CouncilFactory, "admin:events_council_change"),
    (StateFactory, "admin:memberships_state_change"),
    (ElectionObservationMissionFactory, "admin:events_electionobservationmission_change"),
]
IDS = [admin_view.split(":")[1] for _factory, admin_view in RECORDS]


def admin_link(record, admin_view) -> str:
    url = reverse(admin_view, args=[record.pk])
    return f'<a href="{url}">Open in the admin</a>'


@pytest.mark.parametrize(("factory", "admin_view"), RECORDS, ids=IDS)
def test_staff_see_a_link_to_the_records_change_page(editor_client, factory, admin_view):
    record = factory()
    response = editor_client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert admin_link(record, admin_view) in response.content.decode()
    assert editor_client.get(reverse(admin_view, args=[record.pk])).status_code == 200


@pytest.mark.parametrize(("factory", "admin_view"), RECORDS, ids=IDS)
def test_the_public_sees_no_admin_link(client, factory, admin_view):
    record = factory()
    page = client.get(record.get_absolute_url()).content.decode()
    assert "Open in the admin" not in page
    assert "/admin/" not in page


def test_a_signed_in_user_without_staff_rights_sees_no_admin_link(client):
    client.force_login(UserFactory(is_staff=False))
    meeting = MeetingFactory()
    assert "Open in the admin" not in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [("tr", "Yönetim panelinde aç"), ("ru", "Открыть в панели администратора")],
)
def test_the_admin_link_is_translated(editor_client, language, text):
    meeting = MeetingFactory()
    with translation.override(language):
        url = meeting.get_absolute_url()
    page = editor_client.get(url).content.decode()
    assert f">{text}</a>" in page


def test_a_staff_page_holds_nothing_of_the_user_who_reads_it(editor_client, editor):
    meeting = MeetingFactory()
    page = editor_client.get(meeting.get_absolute_url()).content.decode()
    assert editor.username not in page
    assert "csrfmiddlewaretoken" not in page
