"""Shared bases: timestamps, publication state, and the public sources every fact cites."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Publication
from .publishers import publisher_of, site_of


class Timestamped(models.Model):
    """When a record was created and last changed (shown as "last updated" on public pages)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication=Publication.PUBLISHED)

    def drafts(self):
        return self.filter(publication=Publication.DRAFT)


class Published(Timestamped):
    """A record the Secretariat writes as a draft and publishes when it is ready for the public.

    Public pages, the anonymous API, feeds, the sitemap and search use only `.published()`.
    """

    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Publication.choices,
        default=Publication.DRAFT,
        db_index=True,
        help_text=_("Only published records are shown to the public."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.publication == Publication.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED


class Source(Timestamped):
    """A public document (web page, report, UN document) that a recorded fact comes from."""

    url = models.URLField(_("URL"), max_length=500, unique=True)
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Title of the page or document; empty when unknown."),
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Who published it; left empty, it is taken from the table of known sites."),
    )
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)

    class Meta:
        ordering = ["url"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title or self.publisher or self.site

    def save(self, *args, **kwargs):
        if not self.publisher:
            self.publisher = publisher_of(self.url)
        super().save(*args, **kwargs)

    @property
    def site(self) -> str:
        """The host name without "www.", e.g. "turkicstates.org"."""
        return site_of(self.url)


class DemoRecord(models.Model):
    """A record the demo loader (`load_demo`) wrote: its demo key and the values it last wrote.

    The ledger lets the loader tell its own records from people's: a record it wrote that a person
    has since changed is kept as it is, and one a person deleted stays deleted. Records are named
    by model label and id rather than by a generic foreign key, so that a deleted record leaves
    its entry behind (that is how the loader knows it was deleted). The values are kept field by
    field, not as one hash, so that a field the loader starts to write later does not make every
    record look changed.
    """

    model = models.CharField(_("model"), max_length=100, help_text=_('E.g. "memberships.state".'))
    # Text: a key holds a whole URL (up to 500 characters) or title, and its field names.
    key = models.TextField(
        _("demo key"),
        help_text=_("The natural key the loader finds the record by (slug, ISO code, URL ...)."),
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    values = models.JSONField(
        _("demo values"),
        help_text=_("The values the loader last wrote: fields, and related ids of lists."),
    )
    loaded_at = models.DateTimeField(_("loaded at"))

    class Meta:
        ordering = ["model", "key"]
        verbose_name = _("demo record")
        verbose_name_plural = _("demo records")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "key"], name="%(app_label)s_%(class)s_unique_model_key"
            ),
        ]

    def __str__(self):
        return f"{self.model} {self.key}"
