"""Election observation missions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberships.models import Organization, Place, State
from otscoop.choices import label_of
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, PublishedQuerySet
from otscoop.translated import shown

from ..choices import ElectionKind
from ..titles import mission_title


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
    slug_from = "title"  # the admin and the API make the slug from it
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
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="observation_missions",
        verbose_name=_("places observed"),
        help_text=_("The cities and towns the observers visited (regions stay in the text above)."),
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
        return f"{self.observed_state}: {self.display_title} ({self.election_date_display})"

    def composed_title(self) -> str:
        """The title composed in the active language (events/titles.py)."""
        return mission_title(self)

    @property
    def display_title(self) -> str:
        """The title in the active language: typed, else composed, else a fallback's."""
        return shown(self, "title").text

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
