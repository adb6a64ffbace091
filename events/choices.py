from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CouncilKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COMMITTEE = "committee", _("Committee")
    SECRETARIAT = "secretariat", _("Secretariat")
    OFFICE = "office", _("Office")


class CouncilLevel(models.TextChoices):
    """Who meets in an organ: the charts count its meetings by this level."""

    HEADS_OF_STATE = "heads_of_state", _("Heads of state")
    FOREIGN_MINISTERS = "foreign_ministers", _("Foreign ministers")
    OTHER = "other", _("Other")


class MeetingKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    INFORMAL_SUMMIT = "informal_summit", _("Informal summit")
    EXTRAORDINARY_SUMMIT = "extraordinary_summit", _("Extraordinary summit")
    COUNCIL_MEETING = "council_meeting", _("Council meeting")
    INFORMAL_MEETING = "informal_meeting", _("Informal meeting")
    EXTRAORDINARY_MEETING = "extraordinary_meeting", _("Extraordinary meeting")
    COMMITTEE_MEETING = "committee_meeting", _("Committee meeting")
    SECURITY_CONSULTATION = "security_consultation", _("Security consultation")
    POLITICAL_CONSULTATION = "political_consultation", _("Political consultation")
    TRAINING_PROGRAMME = "training_programme", _("Training programme")
    RESEARCH_CENTRES_MEETING = "research_centres_meeting", _("Research centres meeting")
    OTHER = "other", _("Other")


class MeetingFormat(models.TextChoices):
    # The default: a format is recorded only where a source says it.
    NOT_RECORDED = "not_recorded", pgettext_lazy("meeting format", "Not recorded")
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class DelegationLevel(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", _("Head of state")
    VICE_PRESIDENT = "vice_president", _("Vice president")
    PRIME_MINISTER = "prime_minister", _("Prime minister")
    DEPUTY_PRIME_MINISTER = "deputy_prime_minister", _("Deputy prime minister")
    SPEAKER = "speaker", _("Speaker of parliament")
    FOREIGN_MINISTER = "foreign_minister", _("Foreign minister")
    DEPUTY_MINISTER = "deputy_minister", _("Deputy minister")
    AMBASSADOR = "ambassador", _("Ambassador")
    OTHER = "other", _("Other")


class DocumentKind(models.TextChoices):
    DECLARATION = "declaration", _("Declaration")
    COMMUNIQUE = "communique", _("Communiqué")
    MINUTES = "minutes", _("Minutes")
    AGENDA = "agenda", _("Agenda")
    REPORT = "report", _("Report")
    AGREEMENT = "agreement", _("Agreement or decision")
    OTHER = "other", _("Other")


class StatementKind(models.TextChoices):
    JOINT_STATEMENT = "joint_statement", _("Joint statement")
    DECLARATION = "declaration", _("Declaration")
    COMMUNIQUE = "communique", _("Communiqué")
    PRESS_STATEMENT = "press_statement", _("Press statement")
    SECRETARY_GENERAL_STATEMENT = "secretary_general_statement", _("Secretary General statement")


class ElectionKind(models.TextChoices):
    PRESIDENTIAL = "presidential", _("Presidential")
    PARLIAMENTARY = "parliamentary", _("Parliamentary")
    GENERAL = "general", _("Presidential and parliamentary")
    LOCAL = "local", _("Local")
    REFERENDUM = "referendum", _("Referendum")


SUMMIT_KINDS = (MeetingKind.SUMMIT, MeetingKind.INFORMAL_SUMMIT, MeetingKind.EXTRAORDINARY_SUMMIT)
