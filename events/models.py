"""WHAT and WHEN: the OTS organs, their meetings (summits ...), delegations, documents, joint
statements and election observation missions."""

import calendar
import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memberships.models import STATE_LINK_FIELDS, Candidacy, Organization, State
from otscoop.choices import DatePrecision, label_of
from otscoop.dates import format_partial_date, format_partial_range
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, PublishedQuerySet, Timestamped
from otscoop.search import localized

from .choices import (
    SUMMIT_KINDS,
    CouncilKind,
    DelegationLevel,
    DocumentKind,
    ElectionKind,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    StatementKind,
)

# The columns each search reads. On PostgreSQL a migration spelled them out in the table's
# stored search document (otscoop.search): a change here needs a migration there too
# (tests/test_search.py compares the two).
MEETING_SEARCH_COLUMNS = localized("title", "city", "theme", "summary")

STATEMENT_SEARCH_COLUMNS = localized("title", "issuer", "summary", "text")

MISSION_SEARCH_COLUMNS = [*localized("title", "observed_locations", "findings"), "head_of_mission"]


def precision_span(
    start: datetime.date, end: datetime.date | None, precision: str
) -> tuple[datetime.date, datetime.date]:
    """The widest span of days a partially known date (or date range) may stand for."""
    end = end or start
    if precision == DatePrecision.YEAR:
        return start.replace(month=1, day=1), end.replace(month=12, day=31)
    if precision in (DatePrecision.MONTH, DatePrecision.APPROXIMATE):
        last_day = calendar.monthrange(end.year, end.month)[1]
        return start.replace(day=1), end.replace(day=last_day)
    return start, end


class Council(Timestamped):
    """An organ of the OTS: a council, committee, the Secretariat or an office."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=CouncilKind.choices)
    description = models.TextField(_("description"), blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    established_on_precision = precision_field(_("establishment date precision"))
    seat = models.CharField(_("seat"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in lists: the highest organ first.")
    )
    sources = sources_field()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        # A constraint, not unique=True: the translated copies and the history stay free.
        constraints = [
            models.UniqueConstraint(fields=["name"], name="%(app_label)s_%(class)s_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:council-detail", kwargs={"slug": self.slug})

    @property
    def established_display(self) -> str:
        return format_partial_date(self.established_on, self.established_on_precision)


# What a row of a list shows (templates/includes/meeting_row.html, statement_row.html): lists
# load only these columns, with their council's and host state's joined in.
MEETING_ROW_FIELDS = (
    "slug",
    "title",
    "kind",
    "number",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "theme",
    "publication",
    "updated_at",
    "council__name",
    *(f"host_state__{field}" for field in STATE_LINK_FIELDS),
)
STATEMENT_ROW_FIELDS = (
    "slug",
    "title",
    "kind",
    "issued_on",
    "date_precision",
    "summary",
    "publication",
    "updated_at",
    "council__name",
)


class MeetingQuerySet(PublishedQuerySet):
    def for_rows(self):
        """Only the columns a list row shows, the council and host state joined."""
        return self.select_related("council", "host_state").only(*MEETING_ROW_FIELDS)

    def summits(self):
        return self.filter(kind__in=SUMMIT_KINDS)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__gte=today).order_by("start_date", "id")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__lt=today).order_by("-start_date", "-id")

    def for_state(self, state):
        return self.filter(Q(host_state=state) | Q(delegations__state=state)).distinct()

    def in_year(self, year):
        return self.filter(start_date__year=year)


class Meeting(Published):
    """A meeting of an OTS organ or under its roof: a summit, a council session, a training."""

    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind.choices)
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("council"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("The ordinal the organization gives it, e.g. 12 for the 12th Summit."),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty for a one-day meeting.")
    )
    date_precision = precision_field()
    city = models.CharField(_("city"), max_length=200, blank=True)
    host_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host state"),
    )
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=MeetingFormat.choices,
        default=MeetingFormat.IN_PERSON,
    )
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.HELD
    )
    chairmanship_from = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chairmanships_handed_over",
        verbose_name=_("chairmanship handed over by"),
    )
    chairmanship_to = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chairmanships_taken_over",
        verbose_name=_("chairmanship taken over by"),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Shown publicly: context, and where sources disagree, what each says."),
    )
    sources = sources_field()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        # Newest first; the id breaks ties stably (and matches the list index).
        ordering = ["-start_date", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["council", "kind", "number"],
                condition=Q(number__isnull=False, council__isnull=False),
                name="%(app_label)s_%(class)s_unique_council_kind_number",
                violation_error_message=_(
                    "This council already has a meeting of this kind with this number."
                ),
            ),
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=Q(number__isnull=False, council__isnull=True),
                name="%(app_label)s_%(class)s_unique_kind_number_without_council",
                violation_error_message=_("A meeting of this kind with this number exists."),
            ),
        ]
        indexes = [
            models.Index(fields=["start_date"]),
            models.Index(fields=["kind", "start_date"]),
            # The public list's order, so a page is read straight off the index.
            models.Index(
                fields=["publication", "-start_date", "-id"], name="events_meeting_list_order"
            ),
            # The summit timeline (a few kinds, published): counted from the index alone.
            models.Index(
                fields=["kind", "publication", "-start_date"], name="events_meeting_kind_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:meeting-detail", kwargs={"slug": self.slug})

    @property
    def dates_display(self) -> str:
        return format_partial_range(self.start_date, self.end_date, self.date_precision)

    @property
    def kind_label(self) -> str:
        return label_of(MeetingKind, self.kind)

    @property
    def status_label(self) -> str:
        return label_of(MeetingStatus, self.status)

    def date_span(self) -> tuple[datetime.date, datetime.date]:
        return precision_span(self.start_date, self.end_date, self.date_precision)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.number is not None and self.number < 1:
            raise ValidationError({"number": _("The number starts at 1.")})


class Delegation(Timestamped):
    """A state's delegation to a meeting, and who led it."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="delegations", verbose_name=_("meeting")
    )
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="delegations", verbose_name=_("state")
    )
    head_of_delegation = models.CharField(_("head of delegation"), max_length=200, blank=True)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("The head's office, as stated.")
    )
    level = models.CharField(_("level"), max_length=20, choices=DelegationLevel.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["meeting", "state__name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "state"],
                name="%(app_label)s_%(class)s_unique_meeting_state",
            ),
        ]

    def __str__(self):
        return f"{self.state} — {self.meeting}"

    @property
    def level_label(self) -> str:
        return label_of(DelegationLevel, self.level)


def document_upload_to(instance, filename):
    """A random name: an uploaded file's own name may hold personal data or collide."""
    suffix = PurePath(filename).suffix.lower() or ".pdf"
    return f"documents/{uuid.uuid4().hex}{suffix}"


def validate_pdf(uploaded):
    """Accept only PDF content (checked by its signature, not its name) up to the set size."""
    if getattr(uploaded, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": round(limit / 1024 / 1024, 1)}
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(5)
    uploaded.seek(position)
    if head != b"%PDF-":
        raise ValidationError(_("The file is not a PDF document."))


# What a list of documents shows (templates/includes/documents.html).
DOCUMENT_LIST_FIELDS = (
    "meeting",
    "statement",
    "title",
    "kind",
    "language",
    "file",
    "url",
    "symbol",
    "order",
)


class DocumentQuerySet(models.QuerySet):
    def for_lists(self):
        """Only the columns a list of documents shows."""
        return self.only(*DOCUMENT_LIST_FIELDS)


class Document(Timestamped):
    """A document of a meeting or a statement: a declaration, communiqué, report ..."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    statement = models.ForeignKey(
        "JointStatement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("statement"),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("Language code, e.g. en, tr, ru.")
    )
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF file. Give a file or a URL, not both."),
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    symbol = models.CharField(
        _("symbol"), max_length=100, blank=True, help_text=_("A citable identifier.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(Q(meeting__isnull=False) & Q(statement__isnull=True))
                | (Q(meeting__isnull=True) & Q(statement__isnull=False)),
                name="%(app_label)s_%(class)s_meeting_or_statement",
                violation_error_message=_("A document belongs to a meeting or to a statement."),
            ),
            # A document known only by its title (an outcome document named in the press) has
            # neither a file nor a URL; one with both would be ambiguous.
            models.CheckConstraint(
                condition=Q(file="") | Q(url=""),
                name="%(app_label)s_%(class)s_file_or_url_not_both",
                violation_error_message=_("Give a file or a URL, not both."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def kind_label(self) -> str:
        return label_of(DocumentKind, self.kind)

    def get_file_url(self):
        """Where the public downloads an uploaded file (served only if its record is public)."""
        return reverse("events:document-file", kwargs={"pk": self.pk}) if self.file else ""

    def clean(self):
        super().clean()
        if self.meeting_id and self.statement_id:
            raise ValidationError(
                {"statement": _("A document belongs to a meeting or to a statement, not both.")}
            )
        if self.file and self.url:
            raise ValidationError({"url": _("Give a file or a URL, not both.")})


class Topic(Timestamped):
    """A subject that joint statements address, e.g. "Afghanistan" or "Terrorism"."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        # A constraint, not unique=True: the translated copies and the history stay free.
        constraints = [
            models.UniqueConstraint(fields=["name"], name="%(app_label)s_%(class)s_unique_name"),
        ]

    def __str__(self):
        return self.name


class JointStatementQuerySet(PublishedQuerySet):
    def for_rows(self):
        """Only the columns a list row shows, the council joined (topics: prefetch them)."""
        return self.select_related("council").only(*STATEMENT_ROW_FIELDS)

    def for_state(self, state):
        return self.filter(signatories=state)


class JointStatement(Published):
    """A statement issued by the foreign ministers, the heads of state or the Secretariat."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=StatementKind.choices)
    issued_on = models.DateField(_("issued on"))
    date_precision = precision_field()
    issuer = models.CharField(
        _("issued by"),
        max_length=200,
        blank=True,
        help_text=_("As the statement names its author, e.g. the Council of Foreign Ministers."),
    )
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("council"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("meeting"),
    )
    summary = models.TextField(_("summary"), blank=True)
    text = models.TextField(
        _("text"), blank=True, help_text=_("The full text, plain text, paragraphs separated.")
    )
    signatories = models.ManyToManyField(
        State, blank=True, related_name="statements_signed", verbose_name=_("signatories")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="statements", verbose_name=_("topics")
    )
    endorsed_candidacies = models.ManyToManyField(
        Candidacy,
        blank=True,
        related_name="endorsing_statements",
        verbose_name=_("endorsed candidacies"),
    )
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    objects = JointStatementQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("joint statement")
        verbose_name_plural = _("joint statements")
        indexes = [
            models.Index(fields=["issued_on"]),
            models.Index(
                fields=["publication", "-issued_on", "-id"], name="events_statement_list_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:statement-detail", kwargs={"slug": self.slug})

    @property
    def issued_on_display(self) -> str:
        return format_partial_date(self.issued_on, self.date_precision)

    @property
    def kind_label(self) -> str:
        return label_of(StatementKind, self.kind)

    def clean(self):
        super().clean()
        if self.meeting_id and self.issued_on:
            meeting_start, meeting_end = self.meeting.date_span()
            issued_start, issued_end = precision_span(self.issued_on, None, self.date_precision)
            if issued_end < meeting_start or issued_start > meeting_end:
                raise ValidationError(
                    {
                        "issued_on": _("The statement is dated outside its meeting (%(dates)s).")
                        % {"dates": self.meeting.dates_display}
                    }
                )


class ElectionObservationMission(Published):
    """A joint OTS mission observing an election in a member or observer state."""

    observed_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="observed_elections",
        verbose_name=_("observed state"),
    )
    election_kind = models.CharField(
        _("election kind"), max_length=15, choices=ElectionKind.choices
    )
    title = models.CharField(
        _("title"), max_length=300, help_text=_("The election as the mission named it.")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    election_date = models.DateField(_("election date"))
    election_date_precision = precision_field(_("election date precision"))
    start_date = models.DateField(_("mission start"), null=True, blank=True)
    end_date = models.DateField(_("mission end"), null=True, blank=True)
    head_of_mission = models.CharField(_("head of mission"), max_length=200, blank=True)
    observer_count = models.PositiveSmallIntegerField(_("observers"), null=True, blank=True)
    polling_stations_observed = models.PositiveSmallIntegerField(
        _("polling stations observed"), null=True, blank=True
    )
    observed_locations = models.CharField(
        _("observed locations"),
        max_length=500,
        blank=True,
        help_text=_("Cities and regions the observers visited, separated by commas."),
    )
    participating_states = models.ManyToManyField(
        State,
        blank=True,
        related_name="observation_missions",
        verbose_name=_("participating states"),
    )
    partner_organizations = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="observation_missions",
        verbose_name=_("partner organizations"),
    )
    findings = models.TextField(_("findings"), blank=True)
    report_url = models.URLField(_("report URL"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["-election_date", "observed_state__name"]
        verbose_name = _("election observation mission")
        verbose_name_plural = _("election observation missions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
                violation_error_message=_("The mission cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["election_date"]),
        ]

    def __str__(self):
        return f"{self.observed_state}: {self.title} ({self.election_date_display})"

    @property
    def election_kind_label(self) -> str:
        return label_of(ElectionKind, self.election_kind)

    def get_absolute_url(self):
        return reverse("events:election-mission-detail", kwargs={"slug": self.slug})

    @property
    def election_date_display(self) -> str:
        return format_partial_date(self.election_date, self.election_date_precision)

    @property
    def observed_location_list(self) -> list[str]:
        return [place.strip() for place in self.observed_locations.split(",") if place.strip()]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The mission cannot end before it starts.")})


class SecretaryGeneral(Timestamped):
    """A Secretary General of the OTS and the term served."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    nationality = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="secretaries_general",
        verbose_name=_("nationality"),
    )
    term_start = models.DateField(_("term start"))
    term_start_precision = precision_field(_("term start precision"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("Empty while in office.")
    )
    term_end_precision = precision_field(_("term end precision"))
    appointed_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("appointed at"),
    )
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    class Meta:
        ordering = ["-term_start"]
        verbose_name = _("Secretary General")
        verbose_name_plural = _("Secretaries General")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="%(app_label)s_%(class)s_term_end_after_start",
                violation_error_message=_("The term cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def term_display(self) -> str:
        start = format_partial_date(self.term_start, self.term_start_precision)
        end = format_partial_date(self.term_end, self.term_end_precision)
        return f"{start} – {end}" if end else start

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
