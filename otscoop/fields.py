"""Field factories shared by every app, so each model declares sources and dates the same way."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import DatePrecision


def sources_field():
    return models.ManyToManyField(
        "otscoop.Source",
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Public sources a reader can check this record against."),
    )


def precision_field(verbose_name=None):
    return models.CharField(
        verbose_name or _("date precision"),
        max_length=12,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date the sources give; it is shown at this precision."),
    )
