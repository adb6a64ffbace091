"""Public pages of the states list, candidacies (the support matrix) and the OTS's observer
status. A state's own page gathers records of both apps: it is composed in events/state_page.py;
the support matrix is served by events/candidacy_page.py, which adds the documents that endorsed
each candidacy to the view here."""

from django.db.models import Prefetch
from django.views.generic import ListView

from otscoop.pages import FilteredListView
from otscoop.subscriptions import Offers, OffersMixin

from .choices import MembershipRole
from .filters import CandidacyFilterSet
from .models import Candidacy, CandidacySupport, ObserverStatus, ObserverStatusStep, State


class StateListView(OffersMixin, ListView):
    template_name = "memberships/state_list.html"
    context_object_name = "states"
    offers = Offers(csv="states-list")

    def get_queryset(self):
        return State.objects.with_current_role().prefetch_related("memberships")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = context["states"]
        context["members"] = [s for s in states if s.current_role == MembershipRole.MEMBER]
        context["observers"] = [s for s in states if s.current_role == MembershipRole.OBSERVER]
        context["others"] = [s for s in states if s.current_role is None]
        return context


class CandidacyListView(OffersMixin, FilteredListView):
    """The support matrix: candidacies as rows, member and observer states as columns."""

    filterset_class = CandidacyFilterSet
    template_name = "memberships/candidacy_list.html"
    offers = Offers(csv="candidacies-list")

    def get_queryset(self):
        return (
            Candidacy.objects.published()
            .select_related("state", "organization")
            .prefetch_related(
                Prefetch(
                    "supports",
                    queryset=CandidacySupport.objects.public().select_related("supporting_state"),
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


class ObserverStatusListView(OffersMixin, ListView):
    """The OTS's observer-status applications at other organizations, as timelines."""

    template_name = "memberships/observerstatus_list.html"
    context_object_name = "statuses"
    offers = Offers(csv="observer-statuses-list")

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
