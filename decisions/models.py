"""WHAT WAS DECIDED, AND WHAT CAME OF IT: the decisions, instructions and commitments adopted at
meetings (mostly summits), and the dated steps of their follow-up.

A decision's current status is its latest step's, kept on the decision (`status`) by each
step's save and delete; a decision with no step is "not recorded". A decision that is itself
the act (an appointment, an admission ...: ACT_KINDS) is implemented at its meeting, which the
data record as one step on the meeting's date.

Dates are partial (a month, a year): a step may not come before its decision, compared at the
coarser of the two precisions. `clean()` says so on the form, and the database holds it: each
step keeps a copy of its decision's date, floored at that precision (`decided_from`), and a
check constraint compares the two (as a candidacy's support keeps a copy of the candidate).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from events.models import Council, Document, JointStatement, Meeting, Topic
from memberships.models import Organization, State
from otscoop.choices import label_of
from otscoop.dates import coarser_precision, floor_at, format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, PublishedQuerySet, Timestamped

from .choices import ACT_KINDS, DecisionKind, DecisionStatus, StepStatus


class DecisionQuerySet(PublishedQuerySet):
    def public(self):
        """Published decisions of published meetings."""
        return self.published().filter(meeting__publication="published")


class Decision(Published):
    """A decision, instruction or commitment adopted at a meeting."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("meeting"),
        help_text=_("The meeting that adopted it, usually a summit."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DecisionKind.choices)
    text = models.TextField(_("text"), help_text=_("What was decided, in the project's words."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Its position among the meeting's decisions.")
    )
    addressed_councils = models.ManyToManyField(
        Council,
        blank=True,
        related_name="decisions_addressed",
        verbose_name=_("addressed to organs"),
    )
    addressed_states = models.ManyToManyField(
        State,
        blank=True,
        related_name="decisions_addressed",
        verbose_name=_("addressed to states"),
    )
    addressed_organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="decisions_addressed",
        verbose_name=_("addressed to organizations"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="decisions", verbose_name=_("topics")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_precision = precision_field(_("deadline precision"))
    document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("outcome document"),
        help_text=_("The meeting's document that holds it, if known."),
    )
    status = models.CharField(
        _("current status"),
        max_length=20,
        choices=DecisionStatus.choices,
        default=DecisionStatus.NOT_RECORDED,
        editable=False,
        db_index=True,
        help_text=_("Its latest step's status; kept by the steps."),
    )
    sources = sources_field()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting__start_date", "meeting_id", "order", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["publication", "status"])]

    def __str__(self):
        return Truncator(self.text).words(12, truncate=" …")

    def get_absolute_url(self):
        return reverse("decisions:decision-detail", kwargs={"pk": self.pk})

    @property
    def kind_label(self) -> str:
        return label_of(DecisionKind, self.kind)

    @property
    def status_label(self) -> str:
        return label_of(DecisionStatus, self.status)

    @property
    def is_act(self) -> bool:
        return self.kind in ACT_KINDS

    @property
    def deadline_display(self) -> str:
        return format_partial_date(self.deadline, self.deadline_precision)

    def clean(self):
        super().clean()
        if self.document_id and self.meeting_id and self.document.meeting_id != self.meeting_id:
            raise ValidationError(
                {"document": _("The outcome document must be one of the meeting's documents.")}
            )
        if (
            self.deadline
            and self.meeting_id
            and self.deadline
            < floor_at(
                self.meeting.start_date,
                coarser_precision(self.deadline_precision, self.meeting.date_precision),
            )
        ):
            raise ValidationError({"deadline": _("The deadline cannot be before the meeting.")})

    def refresh_status(self):
        """Take the latest step's status (none: not recorded); saved only if it changed."""
        latest = self.steps.order_by("-date", "-id").values_list("status", flat=True).first()
        status = latest or DecisionStatus.NOT_RECORDED
        if status != self.status:
            self.status = status
            self.save(update_fields=["status", "updated_at"])


class DecisionStep(Timestamped):
    """A dated step of a decision's follow-up: its status then, and who reported it."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="steps", verbose_name=_("decision")
    )
    date = models.DateField(_("date"))
    date_precision = precision_field()
    status = models.CharField(_("status"), max_length=20, choices=StepStatus.choices)
    note = models.TextField(_("note"), blank=True)
    reported_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_decision_steps",
        verbose_name=_("reported at meeting"),
        help_text=_("The later meeting that reported or carried out this step."),
    )
    reported_in = models.ForeignKey(
        JointStatement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_decision_steps",
        verbose_name=_("reported in statement"),
    )
    # The decision's date floored at the coarser of the two precisions (see the module's
    # docstring): what the database compares the step's date with.
    decided_from = models.DateField(_("decided from"), editable=False)
    sources = sources_field()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("follow-up step")
        verbose_name_plural = _("follow-up steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(date__gte=F("decided_from")),
                name="%(app_label)s_%(class)s_not_before_the_decision",
                violation_error_message=_("A step cannot come before its decision."),
            ),
        ]

    def __str__(self):
        return f"{self.date_display}: {self.status_label}"

    @property
    def status_label(self) -> str:
        return label_of(StepStatus, self.status)

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    def decision_floor(self):
        """The decision's (its meeting's) date, floored at the coarser of the two precisions."""
        meeting = self.decision.meeting
        precision = coarser_precision(self.date_precision, meeting.date_precision)
        return floor_at(meeting.start_date, precision)

    def clean(self):
        super().clean()
        try:
            # Set, though perhaps not saved yet: a step added with its decision in the admin.
            decision = self.decision
        except Decision.DoesNotExist:
            decision = None
        if self.date and decision is not None and decision.meeting_id:
            self.decided_from = self.decision_floor()
            if self.date < self.decided_from:
                raise ValidationError({"date": _("A step cannot come before its decision.")})

    def save(self, *args, **kwargs):
        self.decided_from = self.decision_floor()
        super().save(*args, **kwargs)
        self.decision.refresh_status()


@receiver(post_delete, sender=DecisionStep)
def refresh_status_after_a_step_is_deleted(sender, instance, **kwargs):
    decision = Decision.objects.filter(pk=instance.decision_id).first()
    if decision is not None:  # not when the decision itself is being deleted
        decision.refresh_status()
