"""Pages, feeds and API responses come from one shared cache for both audiences (public and
staff) until any record changes; the change is seen at once by every reader."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from otscoop.cache import current_audience_generation, current_generation
from otscoop.choices import Publication
from otscoop.groups import EDITORS
from otscoop.page_cache import PublicPageCacheMiddleware, SharedPageCacheMiddleware

from .api_helpers import token_for
from .factories import JointStatementFactory, MeetingFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

MEETINGS = "/en/meetings/"
API_MEETINGS = "/api/v1/meetings/"


def get(client, path=MEETINGS, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.content[:500]
    return response


def test_second_anonymous_request_is_served_from_the_cache(client):
    MeetingFactory(title="Bishkek summit")
    first = get(client)
    second = get(client)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second["X-Audience"] == "public"
    assert second.content == first.content
    assert second["Content-Language"] == "en"
    assert "Cookie" in second["Vary"] and "Authorization" in second["Vary"]


def test_saving_a_record_shows_at_once(client):
    meeting = MeetingFactory(title="Old title")
    get(client)
    meeting.title = "New title"
    meeting.save()
    response = get(client)
    assert response["X-Cache"] == "miss"
    assert "New title" in response.content.decode()


def test_publishing_through_the_admin_shows_at_once(client, editor):
    draft = MeetingFactory(title="Draft summit", publication=Publication.DRAFT)
    assert "Draft summit" not in get(client).content.decode()
    staff = Client()
    staff.force_login(editor)
    staff.post(
        reverse("admin:events_meeting_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert "Draft summit" in get(client).content.decode()


def test_deleting_and_relinking_invalidate(client):
    statement = JointStatementFactory(title="On connectivity")
    path = statement.get_absolute_url()
    get(client, path)
    statement.topics.add(TopicFactory(name="Transport corridors"))
    assert "Transport corridors" in get(client, path).content.decode()
    get(client, "/en/statements/")
    statement.delete()
    assert "On connectivity" not in get(client, "/en/statements/").content.decode()


# Audiences --------------------------------------------------------------------------------


def test_staff_share_cached_entries_that_the_public_never_gets(editor, viewer):
    MeetingFactory(title="Published one")
    MeetingFactory(title="Draft one", publication=Publication.DRAFT)
    editor_client, viewer_client, anonymous = Client(), Client(), Client()
    editor_client.force_login(editor)
    viewer_client.force_login(viewer)

    staff_page = get(editor_client, API_MEETINGS)
    assert (staff_page["X-Cache"], staff_page["X-Audience"]) == ("miss", "staff")
    assert "Draft one" in staff_page.content.decode()
    assert "private" in staff_page["Cache-Control"]
    shared = get(viewer_client, API_MEETINGS)
    assert (shared["X-Cache"], shared["X-Audience"]) == ("hit", "staff")
    assert shared.content == staff_page.content

    public = get(anonymous, API_MEETINGS)
    assert (public["X-Cache"], public["X-Audience"]) == ("miss", "public")
    assert "Draft one" not in public.content.decode()
    assert "private" not in public.get("Cache-Control", "")


def test_a_signed_in_user_who_may_not_see_drafts_reads_the_public_entries(client):
    MeetingFactory()
    get(Client())
    client.force_login(UserFactory(username="no-rights"))
    response = get(client)
    assert (response["X-Cache"], response["X-Audience"]) == ("hit", "public")


def test_a_staff_hit_costs_no_query(editor_client, django_assert_num_queries):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    MeetingFactory()
    get(editor_client)  # works out the audience once, keeps it in the session
    get(editor_client)
    with django_assert_num_queries(0):
        response = get(editor_client)
    assert (response["X-Cache"], response["X-Audience"]) == ("hit", "staff")


def test_an_api_token_reads_the_staff_entries_without_a_query(
    client, editor, django_assert_num_queries
):
    MeetingFactory(title="Draft one", publication=Publication.DRAFT)
    token = {"Authorization": f"Token {token_for(editor)}"}
    first = get(client, API_MEETINGS, **token)
    assert (first["X-Cache"], first["X-Audience"]) == ("miss", "staff")
    with django_assert_num_queries(0):
        second = get(client, API_MEETINGS, **token)
    assert (second["X-Cache"], second["X-Audience"]) == ("hit", "staff")
    assert "Draft one" in second.content.decode()


def test_a_token_that_fails_authentication_never_gets_a_cached_entry(client):
    MeetingFactory()
    get(client, API_MEETINGS)
    assert get(client, API_MEETINGS)["X-Cache"] == "hit"
    for _attempt in range(2):
        response = client.get(API_MEETINGS, headers={"Authorization": "Token not-a-token"})
        assert response.status_code == 401
        assert "X-Cache" not in response


def test_withdrawn_rights_count_at_the_next_request(editor_client, editor):
    MeetingFactory(title="Draft one", publication=Publication.DRAFT)
    assert get(editor_client, API_MEETINGS)["X-Audience"] == "staff"
    generation = current_audience_generation()
    editor.groups.remove(Group.objects.get(name=EDITORS))
    assert current_audience_generation() != generation
    response = get(editor_client, API_MEETINGS)
    assert response["X-Audience"] == "public"
    assert "Draft one" not in response.content.decode()


def test_a_login_alone_keeps_every_audience(client, editor):
    generation = current_audience_generation()
    client.force_login(editor)
    editor.save(update_fields=["last_login"])
    assert current_audience_generation() == generation


def test_a_changed_password_signs_other_sessions_out_of_the_staff_entries(editor_client, editor):
    MeetingFactory()
    assert get(editor_client)["X-Audience"] == "staff"
    editor.set_password("another-long-password")
    editor.save()
    assert get(editor_client)["X-Audience"] == "public"


def test_staff_pages_hold_nothing_of_the_user(editor_client):
    meeting = MeetingFactory()
    for path in (MEETINGS, meeting.get_absolute_url(), API_MEETINGS):
        get(editor_client, path)
        second = get(editor_client, path)
        assert second["X-Cache"] == "hit"
        assert b"editor" not in second.content
        assert b"csrfmiddlewaretoken" not in second.content


def test_a_response_that_used_a_csrf_token_is_not_kept():
    request = RequestFactory().get(MEETINGS)
    response = HttpResponse("<form>…</form>")
    assert SharedPageCacheMiddleware.is_cacheable_response(request, response)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not SharedPageCacheMiddleware.is_cacheable_response(request, response)


def test_the_browsable_api_is_never_cached(client):
    MeetingFactory()
    get(client, API_MEETINGS)  # JSON, now cached
    html = get(client, API_MEETINGS, Accept="text/html")
    assert html["Content-Type"].startswith("text/html")
    assert "X-Cache" not in html
    assert get(client, API_MEETINGS, Accept="text/html")["Content-Type"].startswith("text/html")


def test_each_api_language_has_its_own_entry_and_says_so_in_vary(client):
    MeetingFactory()
    english = get(client, API_MEETINGS, **{"Accept-Language": "en"})
    russian = get(client, API_MEETINGS, **{"Accept-Language": "ru"})
    turkish = get(client, f"{API_MEETINGS}?lang=tr")
    assert [r["X-Cache"] for r in (english, russian, turkish)] == ["miss"] * 3
    assert [r["Content-Language"] for r in (english, russian, turkish)] == ["en", "ru", "tr"]
    assert "Accept-Language" in english["Vary"]
    again = get(client, API_MEETINGS, **{"Accept-Language": "ru"})
    assert (again["X-Cache"], again["Content-Language"]) == ("hit", "ru")


def test_csv_exports_are_cached_apart_from_json(client):
    MeetingFactory()
    get(client, API_MEETINGS)
    csv = get(client, f"{API_MEETINGS}?format=csv")
    assert csv["Content-Type"].startswith("text/csv") and csv["X-Cache"] == "miss"
    assert get(client, f"{API_MEETINGS}?format=csv")["X-Cache"] == "hit"


@pytest.mark.parametrize("path", [MEETINGS, "/statements/feed/", "/meetings.ics"])
def test_etag_gives_304_when_nothing_changed(client, path):
    JointStatementFactory()
    MeetingFactory()
    first = get(client, path)
    etag = first["ETag"]
    assert first["Last-Modified"]
    not_modified = client.get(path, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    MeetingFactory(title="Something new")
    JointStatementFactory(title="Something new")
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_errors_and_admin_pages_are_not_cached(client, editor_client):
    generation = current_generation()
    for _attempt in range(2):
        assert "X-Cache" not in client.get("/en/meetings/no-such-meeting/")
        assert "X-Cache" not in client.get("/admin/login/")
        assert "X-Cache" not in editor_client.get("/admin/events/meeting/")
    assert current_generation() == generation


def test_a_token_on_a_website_page_reads_the_public_entries(client, editor):
    # The website's views do not authenticate tokens: the header changes nothing there.
    MeetingFactory()
    token = {"Authorization": f"Token {token_for(editor)}"}
    assert get(client, MEETINGS, **token)["X-Audience"] == "public"
    assert get(client, MEETINGS)["X-Cache"] == "hit"


def test_an_anonymous_hit_is_answered_before_the_rest_of_the_stack(client):
    MeetingFactory()
    get(client)  # stored on its way out by PublicPageCacheMiddleware

    def rest_of_the_stack(request):
        raise AssertionError("a hit must not go on")

    request = RequestFactory().get(MEETINGS)
    response = PublicPageCacheMiddleware(rest_of_the_stack)(request)
    assert (response["X-Cache"], response["X-Audience"]) == ("hit", "public")
    assert response["Content-Language"] == "en"
    api = client.get(API_MEETINGS, headers={"Accept-Language": "ru"})
    api_hit = PublicPageCacheMiddleware(rest_of_the_stack)(
        RequestFactory().get(API_MEETINGS, HTTP_ACCEPT_LANGUAGE="ru")
    )
    assert api_hit.content == api.content
    assert api_hit["Content-Language"] == "ru" and "Accept-Language" in api_hit["Vary"]
    signed_in = RequestFactory().get(MEETINGS, HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=x")
    assert PublicPageCacheMiddleware(lambda request: "passed on")(signed_in) == "passed on"


def test_an_anonymous_hit_keeps_the_headers_the_stack_gave_the_page(client):
    MeetingFactory()
    miss = get(client)
    hit = get(client)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Vary",
        "ETag",
    ):
        assert hit[header] == miss[header], header
    # Per request, never from the entry: the request id.
    assert hit["X-Request-ID"] != miss["X-Request-ID"]


def test_an_anonymous_hit_answers_304_to_a_client_that_holds_it(client):
    MeetingFactory()
    etag = get(client)["ETag"]
    response = client.get(MEETINGS, headers={"If-None-Match": etag})
    assert (response.status_code, response["X-Cache"]) == (304, "hit")
    assert response.content == b""
