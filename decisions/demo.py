"""The demo loader's step for decisions (events/demo/ runs it: see `DecisionsConfig.demo_steps`):
the decisions of the summits in demo_data.json, beside this module, each with the sources of its
summit's fact, and their follow-up steps.

An act (ACT_KINDS, or a record marked `step_at_meeting`) gets one step, "implemented" on its
meeting's date. A decision gets a follow-up step only where demo_data.json names the later
meeting that carried it out (`follow_up`): dated on that meeting's date, reported at it, with
its sources. Nothing else is guessed.

Decisions are keyed by their meeting and order, steps by their decision and date; every write
goes through the loader's `sync`, so a second load writes nothing and a record a person changed
is kept.
"""

import datetime
import json
from pathlib import Path

from events.models import Meeting

from .choices import ACT_KINDS, StepStatus
from .models import Decision, DecisionStep

DATA_PATH = Path(__file__).with_name("demo_data.json")


def read_data(path: Path = DATA_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def year_or_day(value: str | None):
    """A deadline as written in the data ("2024" or "2024-11-06"): (date, precision)."""
    if not value:
        return None, "day"
    if len(value) == 4:
        return datetime.date(int(value), 1, 1), "year"
    return datetime.date.fromisoformat(value), "day"


def texts(name: str, values: dict) -> dict:
    """{"text": English, "text_tr": ..., "text_ru": ...} of {"en": ..., "tr": ..., "ru": ...}.
    The demo's decisions are prose and written in English only: the team never translates
    prose (their Turkish and Russian pages mark the English text as such)."""
    return {name if code == "en" else f"{name}_{code}": text for code, text in values.items()}


def summit_sources(loader) -> dict:
    """The sources of each summit's fact, by the meeting's slug."""
    return {
        record["app"]["meeting"]["slug"]: loader.source_rows(record["sources"])
        for record in loader.data["summits"]
    }


def load_decisions(loader, data: dict | None = None):
    """Load the demo decisions with `loader` (events.demo.loader.DemoLoader), after the
    meetings."""
    data = data or read_data()
    sources = summit_sources(loader)
    for entry in data["meetings"]:
        slug = entry["meeting"]
        meeting = loader.meeting(slug)
        for order, record in enumerate(entry["decisions"], start=1):
            load_decision(loader, meeting, slug, order, record, sources)


def load_decision(loader, meeting, slug, order, record, sources):
    # A meeting the loader left out (MISSING) has no documents; its decisions are left out.
    documents = (
        {d.title: d for d in meeting.documents.all()} if isinstance(meeting, Meeting) else {}
    )
    deadline, deadline_precision = year_or_day(record.get("deadline"))
    values = {
        "kind": record["kind"],
        **texts("text", record["text"]),
        "deadline": deadline,
        "deadline_precision": deadline_precision,
        "document": documents.get(record.get("document")),
        "publication": "published",
    }
    decision = loader.sync(
        Decision,
        {"meeting": meeting, "order": order},
        values,
        m2m={"sources": sources[slug]},
    )
    if record["kind"] in ACT_KINDS or record.get("step_at_meeting"):
        loader.sync(
            DecisionStep,
            {"decision": decision, "date": getattr(meeting, "start_date", None)},
            {
                "date_precision": getattr(meeting, "date_precision", "day"),
                "status": StepStatus.IMPLEMENTED,
                "reported_at": None,
                "reported_in": None,
            },
            m2m={"sources": sources[slug]},
            parent=decision,
        )
    for step in record.get("follow_up", []):
        reporter = loader.meeting(step["reported_at"])
        loader.sync(
            DecisionStep,
            {"decision": decision, "date": getattr(reporter, "start_date", None)},
            {
                "date_precision": getattr(reporter, "date_precision", "day"),
                "status": step["status"],
                **texts("note", step["note"]),
                "reported_at": reporter,
                "reported_in": None,
            },
            m2m={"sources": sources[step["reported_at"]]},
            parent=decision,
        )
