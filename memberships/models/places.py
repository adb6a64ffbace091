"""Places: the cities where meetings are held and that election missions observe."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from otscoop.fields import sources_field
from otscoop.models import Timestamped

from .states import State

# What a place's mention shows (its name in the page's language): rows that join a place load
# only these of its columns.
PLACE_LINK_FIELDS = ("name", "slug")


def coordinate_field(verbose_name, limit: int, help_text):
    """A latitude (limit 90) or longitude (limit 180) in decimal degrees, to about 10 cm."""
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-limit)), MaxValueValidator(Decimal(limit))],
        help_text=help_text,
    )


class Place(Timestamped):
    """A city or town where a meeting is held or that an election mission observed."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    slug_from = "name"  # the admin and the API make the slug from it
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="places", verbose_name=_("state")
    )
    latitude = coordinate_field(
        _("latitude"), 90, _("In decimal degrees, from -90 (south) to 90 (north).")
    )
    longitude = coordinate_field(
        _("longitude"), 180, _("In decimal degrees, from -180 (west) to 180 (east).")
    )
    geonames_id = models.PositiveIntegerField(
        _("GeoNames id"),
        null=True,
        blank=True,
        help_text=_("The place's number at geonames.org, where its coordinates come from."),
    )
    sources = sources_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(
                fields=["state", "name"], name="%(app_label)s_%(class)s_unique_state_name"
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90),
                name="%(app_label)s_%(class)s_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180),
                name="%(app_label)s_%(class)s_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name
