"""`python manage.py load_demo`: load the demo dataset of real OTS facts (safe to re-run)."""

from django.core.management.base import BaseCommand

from events.demo.loader import load_demo, totals


class Command(BaseCommand):
    help = (
        "Load the demo dataset (events/demo/data.json) of public OTS facts. Idempotent: a "
        "second run changes nothing."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        counts = load_demo(stdout=self.stdout if verbose else None)
        total = totals(counts)
        message = (
            f"Demo data: {total['created']} created, {total['updated']} updated, "
            f"{total['unchanged']} unchanged."
        )
        if total["created"] or total["updated"]:
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(message)
