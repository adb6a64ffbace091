"""Load the demo dataset (`data.json`, beside this module) into the database, idempotently.

`data.json` keeps the lists of the shared OTS facts file record by record: each record holds the
fact fields (dates, codes, names, sources) and an "app" object with the values the app stores,
so this loader only translates references (ISO codes, slugs) into rows. The extra lists
"organizations" and "states" hold records the facts imply without listing them.

Every record is fetched by its natural key (its demo key), compared field by field and saved
(after `full_clean()`) only when something differs, so a second run writes nothing: no row, no
history entry. The loader keeps a ledger of the records it wrote (ledger.py) and leaves people's
work alone: a record a person changed or deleted stays as the person left it, and a record whose
unique key another row holds is skipped with one line saying so (conflicts.py).

The loader is built from the steps of each app (load_memberships.py, load_events.py) on the one
write helper (sync.py); other apps add theirs by naming them on their AppConfig (`demo_steps`,
e.g. decisions.demo.load_decisions), run last. `--reset` deletes the content first (reset.py).
"""

import json
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string

from otscoop.models import Source
from otscoop.publishers import publisher_of

from .load_events import EventSteps
from .load_memberships import MembershipSteps
from .reset import delete_content

DATA_PATH = Path(__file__).with_name("data.json")

# The lists of the facts file, in the order the loader reads them.
FACT_LISTS = (
    "member_states",
    "observer_states",
    "bodies",
    "summits",
    "foreign_ministers_meetings",
    "other_meetings",
    "joint_statements",
    "observer_statuses",
    "candidacies",
    "election_missions",
    "secretaries_general",
)


def read_data(path: Path = DATA_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class DemoLoader(MembershipSteps, EventSteps):
    """Every step, each app's records after those they refer to."""

    # ------------------------------------------------------------------ steps
    def load(self) -> dict:
        self.load_sources()
        self.load_states()
        self.load_places()
        self.load_organizations()
        self.load_councils()
        self.load_meetings()
        self.load_statements()
        self.load_observer_statuses()
        self.load_candidacies()
        self.load_missions()
        self.load_secretaries_general()
        self.load_app_steps()
        return {label: dict(counter) for label, counter in sorted(self.counts.items())}

    def load_app_steps(self):
        """The steps other apps declare on their AppConfig (`demo_steps`: dotted paths of
        functions taking this loader), in the order of INSTALLED_APPS: the decisions of the
        summits. Named by path, so events imports none of those apps."""
        for config in apps.get_app_configs():
            for path in getattr(config, "demo_steps", ()):
                import_string(path)(self)

    def load_sources(self):
        urls = []
        for key in (*FACT_LISTS, "organizations", "states"):
            for record in self.data[key]:
                urls.extend(record["sources"])
        for url in dict.fromkeys(urls):
            # The page titles are not in the data: a source shows its publisher's name.
            self.sources[url] = self.sync(
                Source, {"url": url}, {"title": "", "publisher": publisher_of(url)}
            )


def totals(counts: dict) -> Counter:
    total = Counter()
    for counter in counts.values():
        total.update(counter)
    return total


def load_demo(*, warn=None, reset: bool = False) -> dict:
    """Load data.json; return {model label: {outcome: n}} (outcomes: see RowSync).

    `warn` is called with the one line of each skipped record; `reset` deletes every content
    record first (reset.py). All or nothing: one transaction.
    """
    # English is the default language: plain field names (name, title ...) write its column.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
        if reset:
            delete_content()
        counts = DemoLoader(read_data(), warn=warn).load()
    return counts
