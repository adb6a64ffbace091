"""Public pages of states, candidacies (the support matrix) and the OTS's observer status."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from otscoop.choices import Publication
from otscoop.pages import FilteredListView

from .choices import MembershipRole, SupportVisibility
from .filters import CandidacyFilterSet
from .models import Candidacy, CandidacySupport, ObserverStatus, ObserverStatusStep, State

SECTION_ROWS = 25
# The meeting of a delegation row: its link and dates.
DELEGATION_MEETING_FIELDS = tuple(
    f"meeting__{field}" for field in ("slug", "title", "start_date", "end_date", "date_precision")
)
# What a statement row shows here (without its council and summary).
SIGNED_STATEMENT_FIELDS = ("slug", "title", "kind", "issued_on", "date_precision")
# What an election observation mission row shows.
MISSION_ROW_FIELDS = (
    "observed_state",
    "slug",
    "title",
    "election_kind",
    "election_date",
    "election_date_precision",
)


def latest(context: dict, name: str, queryset) -> None:
    """The first SECTION_ROWS records of `queryset` as `name`, and `name_more`: whether there
    are more (one row more is read to know)."""
    rows = list(queryset[: SECTION_ROWS + 1])
    context[name] = rows[:SECTION_ROWS]
    context[f"{name}_more"] = len(rows) > SECTION_ROWS


class StateListView(ListView):
    template_name = "memberships/state_list.html"
    context_object_name = "states"

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("memberships")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = context["states"]
        context["members"] = [s for s in states if s.current_role == MembershipRole.MEMBER]
        context["observers"] = [s for s in states if s.current_role == MembershipRole.OBSERVER]
        context["others"] = [s for s in states if s.current_role is None]
        return context


class StateDetailView(DetailView):
    """Everything about one state: memberships, meetings hosted, delegations, statements
    signed, its candidacies and the support it gave."""

    template_name = "memberships/state_detail.html"
    context_object_name = "state"

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("memberships", "sources")

    def get_context_data(self, **kwargs):
        # events depends on memberships, not the reverse: reach its records by their names.
        context = super().get_context_data(**kwargs)
        state = self.object
        # Each section shows the latest SECTION_ROWS records and links to the whole filtered
        # list: a state can host thousands of meetings, and the page must not grow with them.
        # Each loads only the columns its rows show.
        latest(
            context,
            "hosted_meetings",
            state.hosted_meetings.published().for_rows().order_by("-start_date", "-id"),
        )
        latest(
            context,
            "delegations",
            state.delegations.filter(meeting__publication=Publication.PUBLISHED)
            .select_related("meeting")
            .only("state", "head_of_delegation", "title", "level", *DELEGATION_MEETING_FIELDS)
            .order_by("-meeting__start_date", "-meeting_id"),
        )
        latest(
            context,
            "statements",
            state.statements_signed.published()
            .only(*SIGNED_STATEMENT_FIELDS)
            .order_by("-issued_on", "-id"),
        )
        latest(
            context,
            "candidacies",
            state.candidacies.published().for_rows().order_by("-term_start", "post", "-id"),
        )
        latest(
            context,
            "supports_given",
            state.supports_given.public()
            .filter(candidacy__publication=Publication.PUBLISHED)
            .for_rows()
            .order_by("-declared_on", "-id"),
        )
        latest(
            context,
            "missions",
            state.observed_elections.published()
            .only(*MISSION_ROW_FIELDS)
            .order_by("-election_date", "-id"),
        )
        return context


class CandidacyListView(FilteredListView):
    """The support matrix: candidacies as rows, member and observer states as columns."""

    filterset_class = CandidacyFilterSet
    template_name = "memberships/candidacy_list.html"

    def get_queryset(self):
        return (
            Candidacy.objects.published()
            .select_related("state", "organization")
            .prefetch_related(
                Prefetch(
                    "supports",
                    queryset=CandidacySupport.objects.filter(
                        visibility=SupportVisibility.PUBLIC
                    ).select_related("supporting_state"),
                ),
                "sources",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        columns = list(
            State.objects.with_current_role()
            .filter(current_role__isnull=False)
            .order_by("current_role", "name")
        )
        context["columns"] = columns
        rows = []
        for candidacy in context["object_list"]:
            by_state = {
                support.supporting_state_id: support for support in candidacy.supports.all()
            }
            cells = []
            for state in columns:
                if state.pk == candidacy.state_id:
                    cells.append({"state": state, "candidate": True})
                else:
                    cells.append({"state": state, "support": by_state.get(state.pk)})
            rows.append({"candidacy": candidacy, "cells": cells})
        context["rows"] = rows
        return context


class ObserverStatusListView(ListView):
    """The OTS's observer-status applications at other organizations, as timelines."""

    template_name = "memberships/observerstatus_list.html"
    context_object_name = "statuses"

    def get_queryset(self):
        return (
            ObserverStatus.objects.published()
            .select_related("organization__parent", "affiliate")
            .prefetch_related(
                Prefetch(
                    "steps",
                    queryset=ObserverStatusStep.objects.order_by("date", "pk").prefetch_related(
                        "sources"
                    ),
                ),
                "sources",
            )
        )
