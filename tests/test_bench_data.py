"""`manage.py bench_data`: the benchmark's synthetic data, at a tiny scale.

The `bench` app that holds the command is installed only with OTSCOOP_BENCH=1 (bench/run.py sets
it); the suite runs with the project's usual apps, so these tests call the command object itself,
and two of them check the flag in a `manage.py` of its own.
"""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import F

from bench.management.commands.bench_data import Command as BenchData
from events.models import Delegation, JointStatement, Meeting
from memberships.models import Candidacy, CandidacySupport, State
from otscoop.choices import Publication

pytestmark = pytest.mark.django_db

SCALE = {"meetings": 50, "statements": 50, "candidacies": 10}


def bench_data(**options):
    call_command(BenchData(), stdout=StringIO(), **options)


def generate(seed=3):
    bench_data(seed=seed, **SCALE)


def manage_help(flag: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "OTSCOOP_BENCH"}
    if flag is not None:
        env["OTSCOOP_BENCH"] = flag
    return subprocess.run(
        [sys.executable, "manage.py", "help", "bench_data"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("flag", [None, "0"])
def test_the_command_is_missing_without_the_flag(flag):
    result = manage_help(flag)
    assert result.returncode == 1
    assert "Unknown command: 'bench_data'" in result.stderr


def test_the_flag_installs_the_command():
    result = manage_help("1")
    assert result.returncode == 0, result.stderr
    assert "--meetings" in result.stdout


def snapshot():
    """Everything generated, by natural keys (ids differ from one run to the next)."""
    return {
        "meetings": list(
            Meeting.objects.order_by("slug").values_list(
                "slug", "title", "title_tr", "start_date", "kind", "council__slug", "publication"
            )
        ),
        "statements": list(
            JointStatement.objects.order_by("slug").values_list(
                "slug", "title", "issued_on", "meeting__slug", "text"
            )
        ),
        "signatories": sorted(
            JointStatement.signatories.through.objects.values_list(
                "jointstatement__slug", "state__slug"
            )
        ),
        "topics": sorted(
            JointStatement.topics.through.objects.values_list("jointstatement__slug", "topic__slug")
        ),
        "candidacies": list(Candidacy.objects.order_by("slug").values_list("slug", "state__slug")),
        "supports": sorted(
            CandidacySupport.objects.values_list("candidacy__slug", "supporting_state__slug")
        ),
        "delegations": sorted(
            Delegation.objects.values_list("meeting__slug", "state__slug", "head_of_delegation")
        ),
    }


def remove_generated():
    JointStatement.objects.all().delete()
    Meeting.objects.all().delete()
    Candidacy.objects.all().delete()


def test_writes_the_requested_rows_and_passes_every_rule():
    generate()
    assert Meeting.objects.count() == 50
    assert JointStatement.objects.count() == 50
    assert Candidacy.objects.count() == 10
    assert CandidacySupport.objects.exists()
    assert Delegation.objects.exists()
    assert JointStatement.signatories.through.objects.exists()
    assert JointStatement.topics.through.objects.exists()
    assert State.objects.filter(slug__in=["azerbaijan", "hungary", "trnc"]).count() == 3
    # Every row passes the models' own validation (constraints, clean(), choices, lengths).
    for model in (Meeting, JointStatement, Candidacy, CandidacySupport, Delegation):
        for obj in model.objects.all():
            obj.full_clean()
    slugs = list(Meeting.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs)
    assert Meeting.objects.filter(title_en="").count() == 0
    assert Meeting.objects.filter(title_tr__isnull=False).exists()  # some Turkish


def test_never_a_self_support():
    generate()
    assert not CandidacySupport.objects.filter(supporting_state=F("candidacy__state")).exists()
    assert not CandidacySupport.objects.exclude(candidate_state=F("candidacy__state")).exists()


def test_writes_some_drafts_and_mostly_published_rows():
    generate()
    for model in (Meeting, JointStatement):
        drafts = model.objects.filter(publication=Publication.DRAFT)
        assert 1 <= drafts.count() <= 3
        assert not drafts.filter(published_at__isnull=False).exists()
        assert not model.objects.published().filter(published_at__isnull=True).exists()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    generate(seed=3)
    first = snapshot()
    remove_generated()
    generate(seed=3)
    assert snapshot() == first
    remove_generated()
    generate(seed=4)
    assert snapshot()["meetings"] != first["meetings"]


def test_refuses_to_fill_a_database_twice_with_the_same_seed():
    generate()
    with pytest.raises(CommandError, match="fresh database"):
        generate()


def test_new_rows_get_fresh_ids_after_the_bulk_insert():
    generate()
    meeting = Meeting.objects.order_by("id").last()
    copy = Meeting.objects.create(
        kind=meeting.kind,
        title="Later meeting",
        slug="later-meeting",
        start_date=meeting.start_date,
    )
    assert copy.pk > meeting.pk


def test_runs_on_top_of_the_demo_data():
    """As its docstring says: numbered meetings go on from the demo's numbers, reference rows
    are the demo's, and the demo's records are left as they were."""
    call_command("load_demo", verbosity=0)
    demo_meetings = set(Meeting.objects.values_list("slug", "number"))
    demo_states = State.objects.count()
    bench_data(seed=5, meetings=300, statements=20, candidacies=5)
    assert demo_meetings <= set(Meeting.objects.values_list("slug", "number"))
    assert Meeting.objects.count() == len(demo_meetings) + 300
    assert State.objects.count() == demo_states
