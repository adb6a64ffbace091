"""The Secretaries General of the OTS."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberships.models import State
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Timestamped

from .meetings import Meeting


class SecretaryGeneral(Timestamped):
    """A Secretary General of the OTS and the term served."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    slug_from = "name"  # the admin and the API make the slug from it
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

    def get_absolute_url(self):
        return reverse("events:secretary-general-list") + f"#{self.slug}"

    @property
    def term_display(self) -> str:
        start = format_partial_date(self.term_start, self.term_start_precision)
        end = format_partial_date(self.term_end, self.term_end_precision)
        return f"{start} – {end}" if end else start

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
