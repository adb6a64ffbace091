"""Other organizations, and the OTS's observer status at them (or theirs at the OTS)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, Timestamped

from ..choices import ObserverDirection, ObserverStage, OrganizationKind


class Organization(Timestamped):
    """An international organization or body other than the OTS's own organs."""

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    slug_from = "name"  # the admin and the API make the slug from it
    kind = models.CharField(_("kind"), max_length=40, choices=OrganizationKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organization"),
        help_text=_("E.g. the United Nations for the UN General Assembly."),
    )
    website = models.URLField(_("website"), blank=True)
    headquarters = models.CharField(_("headquarters"), max_length=200, blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founded_on_precision = precision_field(_("founding date precision"))
    description = models.TextField(_("description"), blank=True)
    sources = sources_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        # A constraint, not unique=True: the translated copies and the history stay free.
        constraints = [
            models.UniqueConstraint(fields=["name"], name="%(app_label)s_%(class)s_unique_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organization cannot be its own parent.")})

    @property
    def founded_display(self) -> str:
        return format_partial_date(self.founded_on, self.founded_on_precision)


class ObserverStatus(Published):
    """The OTS's observer status at another organization (or another's at the OTS)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="observer_statuses",
        verbose_name=_("organization"),
    )
    direction = models.CharField(_("direction"), max_length=30, choices=ObserverDirection.choices)
    affiliate = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observer_applications",
        verbose_name=_("affiliated applicant"),
        help_text=_("Only for an application by an affiliated Turkic organization."),
    )
    current_stage = models.CharField(
        _("current stage"), max_length=12, choices=ObserverStage.choices
    )
    reference = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_("A citable reference, e.g. a UN document symbol."),
    )
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    class Meta:
        ordering = ["organization__name", "direction"]
        verbose_name = _("observer status")
        verbose_name_plural = _("observer statuses")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        direction=ObserverDirection.AFFILIATE_AT_ORGANIZATION,
                        affiliate__isnull=False,
                    )
                    | (
                        ~Q(direction=ObserverDirection.AFFILIATE_AT_ORGANIZATION)
                        & Q(affiliate__isnull=True)
                    )
                ),
                name="%(app_label)s_%(class)s_affiliate_matches_direction",
            ),
            models.UniqueConstraint(
                fields=["organization", "direction"],
                condition=Q(affiliate__isnull=True),
                name="%(app_label)s_%(class)s_unique_organization_direction",
            ),
            models.UniqueConstraint(
                fields=["organization", "direction", "affiliate"],
                condition=Q(affiliate__isnull=False),
                name="%(app_label)s_%(class)s_unique_organization_direction_affiliate",
            ),
        ]

    def __str__(self):
        if self.direction == ObserverDirection.ORGANIZATION_AT_OTS:
            return _("%(organization)s at the OTS") % {"organization": self.organization}
        if self.affiliate_id:
            return _("%(affiliate)s at %(organization)s") % {
                "affiliate": self.affiliate,
                "organization": self.organization,
            }
        return _("The OTS at %(organization)s") % {"organization": self.organization}

    def get_absolute_url(self):
        return reverse("memberships:observer-status-list") + f"#observer-status-{self.pk}"

    def clean(self):
        super().clean()
        is_affiliate = self.direction == ObserverDirection.AFFILIATE_AT_ORGANIZATION
        if is_affiliate and not self.affiliate_id:
            raise ValidationError(
                {"affiliate": _("Name the affiliated organization that applied.")}
            )
        if not is_affiliate and self.affiliate_id:
            raise ValidationError(
                {"affiliate": _("Leave empty unless an affiliated organization applied.")}
            )
        if self.affiliate_id and self.affiliate_id == self.organization_id:
            raise ValidationError(
                {"affiliate": _("The applicant must differ from the organization.")}
            )


class ObserverStatusStep(Timestamped):
    """One step in the life of an observer status: request, deferral, grant, renewal, ..."""

    observer_status = models.ForeignKey(
        ObserverStatus,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("observer status"),
    )
    date = models.DateField(_("date"))
    date_precision = precision_field()
    stage = models.CharField(_("stage"), max_length=12, choices=ObserverStage.choices)
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    class Meta:
        ordering = ["observer_status", "date", "pk"]
        verbose_name = _("observer status step")
        verbose_name_plural = _("observer status steps")
        indexes = [models.Index(fields=["observer_status", "date"])]

    def __str__(self):
        return f"{self.get_stage_display()} — {self.date_display}"

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)
