"""`python manage.py bench_data`: fill the current database with seeded synthetic data.

For benchmarks (`make bench` runs it against a database of its own, never the developer's):
meetings across 1990–2030, joint statements with signatories and topics, candidacies with the
support they get, and delegations, written in English (some in Turkish), ~2% of them drafts.
The same `--seed` gives the same data.

The bulk rows are written with PostgreSQL's COPY (or `bulk_create` on other databases), with
ids assigned here so that related rows can be written without reading anything back. No
history rows are written (bulk inserts bypass django-simple-history); every database
constraint still holds. The reference rows (states, councils, organizations, topics) are
looked up by slug and created when missing, with the demo data's slugs and names, so the
command also runs on top of `load_demo`.

The command exists only when the environment sets OTSCOOP_BENCH=1 (the `bench` app is installed
then); the generator itself is in bench/data/.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone, translation

from bench.data.candidacies import CandidacyRows
from bench.data.meetings import MeetingRows
from bench.data.reference import ReferenceRows
from bench.data.statements import StatementRows
from bench.data.writer import Inserter
from events.models import Delegation, JointStatement, Meeting
from memberships.models import Candidacy, CandidacySupport

# Written in bulk with ids given here (their sequences are moved on afterwards).
BULK_MODELS = [Candidacy, CandidacySupport, Meeting, Delegation, JointStatement]
BULK_M2M = [
    JointStatement.signatories.field,
    JointStatement.topics.field,
    JointStatement.endorsed_candidacies.field,
]


class Command(ReferenceRows, CandidacyRows, MeetingRows, StatementRows, BaseCommand):
    help = (
        "Fill the current database with seeded synthetic meetings, statements, candidacies and "
        "delegations for benchmarks (bulk inserts; no history rows). Use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=100_000)
        parser.add_argument("--statements", type=int, default=100_000)
        parser.add_argument("--candidacies", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        for name in ("meetings", "statements", "candidacies"):
            if options[name] < 0:
                raise CommandError(f"--{name} cannot be negative.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        started = time.monotonic()
        self.rng = random.Random(options["seed"])
        self.marker = f"bench-{options['seed']}"
        self.out = Inserter(options["batch_size"], timezone.now())
        postgresql = connection.vendor == "postgresql"
        with translation.override("en"), transaction.atomic():
            if postgresql:
                with connection.cursor() as cursor:
                    # Let the search (GIN) indexes take the new rows in bulk (merged by the
                    # VACUUM below), and commit the one transaction without waiting on disk.
                    cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
                    cursor.execute("SET LOCAL synchronous_commit = off")
            self.reference_data()
            if Meeting.objects.filter(slug__endswith=f"-{self.marker}-1").exists():
                raise CommandError(
                    "This database already holds bench data of this seed: use a fresh database."
                )
            self.next_id = {
                model: (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
                for model in BULK_MODELS
            }
            self.verbosity = options["verbosity"]
            self.phase_started = started
            self.candidacies(options["candidacies"])
            self.phase("candidacies and supports")
            self.meetings(options["meetings"])
            self.phase("meetings and delegations")
            self.statements(options["statements"])
            self.out.flush()
            self.phase("statements, signatories and topics")
            if postgresql:
                # The ids were given here: move the sequences past them.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), BULK_MODELS):
                        cursor.execute(sql)
        self.phase("commit")
        if postgresql and not connection.in_atomic_block:
            # What autovacuum would have done by the time a real site is this big: planner
            # statistics, the visibility map (index-only scans), the GIN pending lists merged.
            tables = [model._meta.db_table for model in BULK_MODELS] + [
                field.remote_field.through._meta.db_table for field in BULK_M2M
            ]
            with connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
            self.phase("vacuum analyze")
        counts = ", ".join(f"{n} {label}" for label, n in sorted(self.out.counts.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Bench data: {counts} in {time.monotonic() - started:.1f} s.")
        )

    # ------------------------------------------------------------------ helpers
    def phase(self, name: str):
        if self.verbosity > 1:
            now = time.monotonic()
            self.stdout.write(f"  {name}: {now - self.phase_started:.1f} s")
            self.phase_started = now
