"""`/statements/alignment/`: which states stand together. Statements are rows, states columns;
each cell says how the state stands to the statement:

- *signed*: the state is recorded as a signatory;
- *by the council*: the statement was issued by a council while the state was a member of the
  OTS (so of its councils) — shown apart from a signature: nobody recorded that the state
  signed it;
- *not recorded*.

The columns are the states that have been a member or an observer. Filtered by the statements
list's own filters (council, kind, signatory, topic, year); 25 rows a page; `?format=csv` gives
every filtered row (at most CSV_MAX_ROWS) with a column per state.
"""

import csv

from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from memberships.choices import MembershipRole
from memberships.models import Membership, State
from otscoop.api.renderers import CSV_MAX_ROWS
from otscoop.pages import FilteredListView
from otscoop.subscriptions import Offers, OffersMixin

from .filters import JointStatementFilterSet
from .models import JointStatement

SIGNED = "signed"
BY_COUNCIL = "council"
NOT_RECORDED = "not_recorded"
CELL_LABELS = {
    SIGNED: gettext_lazy("signed"),
    BY_COUNCIL: gettext_lazy("issued by a council while a member"),
    NOT_RECORDED: gettext_lazy("not recorded"),
}


def columns() -> list:
    """The states that have been a member or an observer, members first, with their
    memberships (to know when each was a member)."""
    return list(
        State.objects.filter(memberships__isnull=False)
        .distinct()
        .with_current_role()
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(role=MembershipRole.MEMBER),
                to_attr="member_periods",
            )
        )
        .order_by("current_role", "name")
    )


def was_member(state, day) -> bool:
    return any(
        period.start_date <= day and (period.end_date is None or day <= period.end_date)
        for period in state.member_periods
    )


def cells(statement, states) -> list[dict]:
    signed = {state.pk for state in statement.signatories.all()}
    row = []
    for state in states:
        if state.pk in signed:
            kind = SIGNED
        elif statement.council_id and was_member(state, statement.issued_on):
            kind = BY_COUNCIL
        else:
            kind = NOT_RECORDED
        row.append({"state": state, "kind": kind, "label": CELL_LABELS[kind]})
    return row


class AlignmentView(OffersMixin, FilteredListView):
    filterset_class = JointStatementFilterSet  # the statements list's own filters
    template_name = "events/alignment.html"
    offers = Offers(csv="events:statement-alignment")

    def get_queryset(self):
        return (
            JointStatement.objects.published()
            .select_related("council")
            .prefetch_related(Prefetch("signatories", queryset=State.objects.only("pk")))
            .order_by("-issued_on", "-id")
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = columns()
        context["states"] = states
        context["rows"] = [
            {"statement": statement, "cells": cells(statement, states)}
            for statement in context["object_list"]
        ]
        counts = self.filterset.qs.order_by().aggregate(
            total=Count("pk", distinct=True),
            with_signatories=Count("pk", filter=Q(signatories__isnull=False), distinct=True),
        )
        context["counts"] = counts
        return context

    def csv_response(self):
        filterset = self.filterset_class(self.request.GET, queryset=self.get_queryset())
        statements = filterset.qs[:CSV_MAX_ROWS] if filterset.is_valid() else []
        states = columns()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="statement-alignment.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [_("statement"), _("issued on"), _("council")] + [state.slug for state in states]
        )
        for statement in statements:
            writer.writerow(
                [statement.slug, statement.issued_on.isoformat(), statement.council or ""]
                + [cell["kind"] for cell in cells(statement, states)]
            )
        return response
