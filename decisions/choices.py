from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DecisionKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    INSTRUCTION = "instruction", _("Instruction")
    COMMITMENT = "commitment", _("Commitment")
    ENDORSEMENT = "endorsement", _("Endorsement")
    ESTABLISHMENT = "establishment", _("Establishment")
    ADOPTION = "adoption", _("Adoption")
    APPOINTMENT = "appointment", _("Appointment")
    ADMISSION = "admission", _("Admission")
    DESIGNATION = "designation", _("Designation")
    RENAMING = "renaming", _("Renaming")
    AWARD = "award", _("Award")
    WELCOME = "welcome", _("Welcome")
    OTHER = "other", _("Other")


# A decision that is itself the act: implemented at its meeting, on the meeting's date.
ACT_KINDS = (
    DecisionKind.ESTABLISHMENT,
    DecisionKind.ADOPTION,
    DecisionKind.APPOINTMENT,
    DecisionKind.ADMISSION,
    DecisionKind.DESIGNATION,
    DecisionKind.RENAMING,
    DecisionKind.AWARD,
    DecisionKind.WELCOME,
)


class StepStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    PARTLY_IMPLEMENTED = "partly_implemented", _("Partly implemented")
    SUPERSEDED = "superseded", _("Superseded")
    DROPPED = "dropped", _("Dropped")


class DecisionStatus(models.TextChoices):
    """A decision's current status: its latest step's, or "not recorded" without a step."""

    NOT_RECORDED = "not_recorded", pgettext_lazy("decision status", "Not recorded")
    IN_PROGRESS = StepStatus.IN_PROGRESS.value, StepStatus.IN_PROGRESS.label
    IMPLEMENTED = StepStatus.IMPLEMENTED.value, StepStatus.IMPLEMENTED.label
    PARTLY_IMPLEMENTED = StepStatus.PARTLY_IMPLEMENTED.value, StepStatus.PARTLY_IMPLEMENTED.label
    SUPERSEDED = StepStatus.SUPERSEDED.value, StepStatus.SUPERSEDED.label
    DROPPED = StepStatus.DROPPED.value, StepStatus.DROPPED.label
