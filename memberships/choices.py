from django.db import models
from django.utils.translation import gettext_lazy as _


class StateKind(models.TextChoices):
    STATE = "state", _("State")
    ENTITY = "entity", _("Entity (not a universally recognised state)")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member state")
    OBSERVER = "observer", _("Observer")


class OrganizationKind(models.TextChoices):
    INTERNATIONAL = "international_organization", _("International organization")
    UN_ORGAN = "un_organ", _("UN organ or body")
    TURKIC = "turkic_cooperation_organization", _("Turkic cooperation organization")
    OTHER = "other", _("Other")


class ObserverDirection(models.TextChoices):
    OTS_AT_ORGANIZATION = "ots_at_organization", _("The OTS at this organization")
    ORGANIZATION_AT_OTS = "organization_at_ots", _("This organization at the OTS")
    AFFILIATE_AT_ORGANIZATION = (
        "affiliate_at_organization",
        _("An affiliated Turkic organization at this organization"),
    )


class ObserverStage(models.TextChoices):
    # Sought, with no formal request or decision on record.
    PENDING = "pending", _("Pending")
    REQUESTED = "requested", _("Requested")
    ON_AGENDA = "on_agenda", _("On the agenda")
    DEFERRED = "deferred", _("Deferred")
    GRANTED = "granted", _("Granted")
    EXTENDED = "extended", _("Extended")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    GUEST = "guest", _("Guest participation (no formal status)")


class CandidacyOutcome(models.TextChoices):
    PENDING = "pending", _("Pending")
    ELECTED = "elected", _("Elected")
    NOT_ELECTED = "not_elected", _("Not elected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNKNOWN = "unknown", _("Not recorded")


class SupportVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (never shown to the public)")
