"""`python manage.py load_demo`: load the demo dataset of real OTS facts (safe to re-run; people's
changes are kept). `--reset` deletes the site's content and loads the demo afresh."""

import sys

from django.core.management.base import BaseCommand, CommandError

from events.demo.loader import load_demo, totals
from events.demo.reset import content_count

OUTCOMES = ("created", "updated", "unchanged", "kept", "deleted", "conflict", "left_out")


def summary(total) -> str:
    """E.g. "Demo data: 3 created, 0 updated, 412 unchanged; 1 kept (changed by a person) ..."."""
    line = (
        f"Demo data: {total['created']} created, {total['updated']} updated, "
        f"{total['unchanged']} unchanged; {total['kept']} kept (changed by a person), "
        f"{total['deleted']} skipped (deleted by a person), {total['conflict']} "
        f"{'conflict' if total['conflict'] == 1 else 'conflicts'}"
    )
    if total["left_out"]:
        line += f", {total['left_out']} left out (they need a record that was not loaded)"
    return line + "."


class Command(BaseCommand):
    help = (
        "Load the demo dataset (events/demo/data.json) of public OTS facts. Safe to run again: it "
        "adds missing demo records and brings those nobody changed up to date; a record a person "
        "changed or deleted stays as it is, and one whose unique key another record holds is "
        "skipped with one line saying so."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "Delete every record of the site's content (people's changes and records too; "
                "users and groups stay) and load the demo afresh. Asks first."
            ),
        )
        parser.add_argument(
            "--yes", action="store_true", help="With --reset: do not ask (for scripts)."
        )

    def handle(self, *args, **options):
        # As createsuperuser does: tests may hand in their own standard input.
        stdin = options.get("stdin", sys.stdin)
        if options["reset"] and not options["yes"]:
            self.confirm_reset(stdin)

        def warn(line):
            self.stdout.write(self.style.WARNING(line))

        try:
            counts = load_demo(warn=warn, reset=options["reset"])
        except Exception as error:
            # Not a conflict (those are skipped above): a fault to report; the transaction has
            # been rolled back, so nothing was written.
            raise CommandError(
                f"The demo data could not be loaded, and nothing was changed: "
                f"{type(error).__name__}: {error} (run with --traceback for the details)."
            ) from error

        if options["verbosity"] > 1:
            for label, counter in counts.items():
                parts = ", ".join(
                    f"{counter[o]} {o.replace('_', ' ')}" for o in OUTCOMES if counter.get(o)
                )
                self.stdout.write(f"{label}: {parts}")
        total = totals(counts)
        message = summary(total)
        if total["created"] or total["updated"]:
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(message)

    def confirm_reset(self, stdin):
        records = content_count()
        if stdin is None or not stdin.isatty():
            raise CommandError(
                f"load_demo --reset deletes all {records} records of the site's content; without "
                "a terminal to ask on, it does so only with --yes. Nothing was changed."
            )
        self.stdout.write(
            f"This deletes all {records} records of the site's content (meetings, states, "
            "statements, sources ..., with the changes people made; users and groups stay) and "
            'loads the demo data afresh. Type "yes" to go ahead: ',
            ending="",
        )
        self.stdout.flush()
        if stdin.readline().strip().lower() != "yes":
            raise CommandError("Nothing was changed.")
