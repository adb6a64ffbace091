"""Joint statements and the topics they address."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberships.models import Candidacy, State
from otscoop.choices import label_of
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, Timestamped

from ..choices import StatementKind
from .meetings import Council, Meeting, precision_span
from .querysets import JointStatementQuerySet


class Topic(Timestamped):
    """A subject that joint statements address, e.g. "Afghanistan" or "Terrorism"."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    slug_from = "name"  # the admin and the API make the slug from it

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


class JointStatement(Published):
    """A statement issued by the foreign ministers, the heads of state or the Secretariat."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    slug_from = "title"  # the admin and the API make the slug from it
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
