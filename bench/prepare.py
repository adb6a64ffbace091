"""Run by bench/run.py in the benchmark's environment, after `bench_data`.

Creates the staff user (a Secretariat editor), logs it in once (the session cookie wrk sends)
and gives it an API token, picks the records the detail URLs point at, and counts rows. Prints
one line, `BENCH_JSON {...}`, for bench/run.py to read.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db.models import Max, Min  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from events.models import (  # noqa: E402
    MEETING_SEARCH_COLUMNS,
    STATEMENT_SEARCH_COLUMNS,
    Council,
    Delegation,
    JointStatement,
    Meeting,
)
from memberships.models import Candidacy, CandidacySupport, State  # noqa: E402
from otscoop.groups import EDITORS  # noqa: E402
from otscoop.search import search  # noqa: E402

STAFF_USERNAME = "bench-staff"


def staff_user():
    """A Secretariat editor (the staff audience: sees drafts)."""
    user, _created = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
    user.is_staff = True
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def staff_session(user) -> str:
    """The editor's session cookie, logged in once."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def middle(queryset):
    """A record from the middle of the table rather than its first or last rows."""
    bounds = queryset.aggregate(low=Min("id"), high=Max("id"))
    if bounds["low"] is None:
        return None
    found = queryset.filter(id__gte=(bounds["low"] + bounds["high"]) // 2).order_by("id").first()
    return found or queryset.order_by("id").first()


def matches(queryset, columns, word):
    """How many records the search word finds (None if the search helper changed shape)."""
    try:
        return search(queryset, columns, word).count()
    except Exception as error:  # informative only: never stop the benchmark for it
        print(f"bench/prepare.py: could not count search matches: {error}", file=sys.stderr)
        return None


def main():
    council, year, word = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    meetings = Meeting.objects.published()
    statements = JointStatement.objects.published()
    meeting = middle(
        meetings.filter(delegations__isnull=False, statements__isnull=False).distinct()
    ) or middle(meetings)
    statement = middle(
        statements.filter(
            meeting__isnull=False, signatories__isnull=False, topics__isnull=False
        ).distinct()
    ) or middle(statements)
    if meeting is None or statement is None:
        sys.exit("bench/prepare.py: no published meeting or statement; did bench_data run?")
    user = staff_user()
    state = State.objects.filter(hosted_meetings__isnull=False).order_by("id").first()
    data = {
        "cookie_name": settings.SESSION_COOKIE_NAME,
        "session": staff_session(user),
        "token": Token.objects.get_or_create(user=user)[0].key,
        "meeting_slug": meeting.slug,
        "meeting_id": meeting.pk,
        "statement_slug": statement.slug,
        "state_slug": state.slug,
        "council_id": Council.objects.get(slug=council).pk,
        "counts": {
            "meetings": Meeting.objects.count(),
            "statements": JointStatement.objects.count(),
            "candidacies": Candidacy.objects.count(),
            "supports": CandidacySupport.objects.count(),
            "delegations": Delegation.objects.count(),
            "filtered_meetings": meetings.filter(
                council__slug=council, start_date__year=year
            ).count(),
            "search_meetings": matches(meetings, MEETING_SEARCH_COLUMNS, word),
            "search_statements": matches(statements, STATEMENT_SEARCH_COLUMNS, word),
        },
    }
    print("BENCH_JSON " + json.dumps(data))


if __name__ == "__main__":
    main()
