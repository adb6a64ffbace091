"""The documents of meetings and statements, and the checks of an uploaded file."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from memberships.models import Candidacy
from otscoop.choices import label_of
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Timestamped

from ..choices import DocumentKind
from .meetings import Meeting
from .querysets import DocumentQuerySet


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
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("When it was adopted or issued; empty: its meeting's or statement's date."),
    )
    date_precision = precision_field()
    sources = sources_field()
    # Here, not on Candidacy: events depends on memberships, never the reverse.
    endorsed_candidacies = models.ManyToManyField(
        Candidacy,
        blank=True,
        related_name="endorsing_documents",
        verbose_name=_("endorsed candidacies"),
        help_text=_("Candidacies the document endorses, e.g. those a summit declaration backs."),
    )

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

    @property
    def parent(self):
        """The meeting or statement the document belongs to (joined by the caller)."""
        return self.meeting or self.statement

    def get_absolute_url(self):
        return reverse("events:document-detail", kwargs={"pk": self.pk})

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    def save(self, *args, **kwargs):
        # Without a date of its own, a document is dated as its meeting or statement.
        parent = self.parent
        if self.date is None and parent is not None:
            if self.meeting_id:
                self.date, self.date_precision = parent.start_date, parent.date_precision
            else:
                self.date, self.date_precision = parent.issued_on, parent.date_precision
        super().save(*args, **kwargs)

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
