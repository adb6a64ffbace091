"""The OTS organs and their meetings (summits ...), and the states' delegations to them."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberships.models import Place, State
from otscoop.choices import DatePrecision, label_of
from otscoop.dates import format_partial_date, format_partial_range
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, Timestamped
from otscoop.translated import shown

from ..choices import (
    CouncilKind,
    CouncilLevel,
    DelegationLevel,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
)
from ..titles import meeting_title
from .querysets import MeetingQuerySet


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
    slug_from = "name"  # the admin and the API make the slug from it
    kind = models.CharField(_("kind"), max_length=12, choices=CouncilKind.choices)
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=CouncilLevel.choices,
        default=CouncilLevel.OTHER,
        help_text=_(
            "Who meets in it. The home page's chart counts its meetings at this level; a summit "
            "without a council counts as heads of state."
        ),
    )
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
    slug_from = "title"  # the admin and the API make the slug from it
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty for a one-day meeting.")
    )
    date_precision = precision_field()
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("place"),
        help_text=_(
            "Where it was held; empty for an online meeting. A second city goes in the note."
        ),
    )
    city = models.CharField(
        _("city"),
        max_length=200,
        blank=True,
        help_text=_("Kept for search; pages show the place, and this only where none is set."),
    )
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
        max_length=12,
        choices=MeetingFormat.choices,
        default=MeetingFormat.NOT_RECORDED,
        help_text=_("In person, online or hybrid only where a source says so."),
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
            # The charts (events/charts.py), counted from the index alone: a state's meetings
            # hosted a year (and whether one changed: events/state_page.py), and every meeting
            # a year by its council's level.
            models.Index(
                fields=["host_state", "publication", "status", "start_date", "updated_at"],
                name="events_meeting_hosted_years",
            ),
            models.Index(
                fields=["publication", "status", "start_date", "council", "kind"],
                name="events_meeting_level_years",
            ),
        ]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("events:meeting-detail", kwargs={"slug": self.slug})

    def composed_title(self) -> str:
        """The title composed in the active language (events/titles.py)."""
        return meeting_title(self)

    @property
    def display_title(self) -> str:
        """The title in the active language: typed, else composed, else a fallback's."""
        return shown(self, "title").text

    @property
    def dates_display(self) -> str:
        return format_partial_range(self.start_date, self.end_date, self.date_precision)

    @property
    def kind_label(self) -> str:
        return label_of(MeetingKind, self.kind)

    @property
    def place_name(self) -> str:
        """The place's name in the current language; the city as written where no place is set.

        Lists load the place with the meeting (select_related), so this runs no query.
        """
        return self.place.name if self.place_id else self.city

    @property
    def format_is_recorded(self) -> bool:
        return self.format != MeetingFormat.NOT_RECORDED

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
    """A state's delegation to a meeting, and who led it on the state's behalf."""

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
    level = models.CharField(
        _("level"),
        max_length=30,
        choices=DelegationLevel.choices,
        blank=True,
        help_text=_("The rank of the head of delegation; empty when the sources do not say."),
    )
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

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
