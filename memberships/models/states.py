"""States and their membership of the OTS (member or observer)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from otscoop.fields import sources_field
from otscoop.models import Timestamped

from ..choices import MembershipRole, StateKind
from ..flags import flag_path

iso2_validator = RegexValidator(r"^[A-Z]{2}$", _("Enter two capital letters (ISO 3166-1 alpha-2)."))
iso3_validator = RegexValidator(
    r"^[A-Z]{3}$", _("Enter three capital letters (ISO 3166-1 alpha-3).")
)
# What a state's link shows (the `state_link` tag: flag, name, link): rows that join a state
# load only these of its columns.
STATE_LINK_FIELDS = ("name", "slug", "iso2")


class StateQuerySet(models.QuerySet):
    def with_current_role(self):
        """Annotate `current_role` (member / observer / None) from the open membership."""
        current = Membership.objects.filter(state=OuterRef("pk"), end_date__isnull=True).order_by(
            "-start_date"
        )
        return self.annotate(current_role=Subquery(current.values("role")[:1]))

    def members(self):
        return self.filter(
            memberships__role=MembershipRole.MEMBER, memberships__end_date__isnull=True
        ).distinct()

    def observers(self):
        return self.filter(
            memberships__role=MembershipRole.OBSERVER, memberships__end_date__isnull=True
        ).distinct()


class State(Timestamped):
    """A state (or entity) that takes part in, hosts or is observed by OTS cooperation."""

    name = models.CharField(_("name"), max_length=200)
    official_name = models.CharField(_("official name"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    slug_from = "name"  # the admin and the API make the slug from it
    kind = models.CharField(
        _("kind"), max_length=10, choices=StateKind.choices, default=StateKind.STATE
    )
    iso2 = models.CharField(
        _("ISO alpha-2 code"),
        max_length=2,
        unique=True,
        null=True,
        blank=True,
        validators=[iso2_validator],
        help_text=_("Two-letter ISO 3166-1 code; empty when none exists."),
    )
    iso3 = models.CharField(
        _("ISO alpha-3 code"),
        max_length=3,
        unique=True,
        null=True,
        blank=True,
        validators=[iso3_validator],
        help_text=_("Three-letter ISO 3166-1 code; empty when none exists."),
    )
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    objects = StateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("state")
        verbose_name_plural = _("states")
        # A constraint, not unique=True: the translated copies and the history stay free.
        constraints = [
            models.UniqueConstraint(fields=["name"], name="%(app_label)s_%(class)s_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("state-detail", kwargs={"slug": self.slug})

    @property
    def flag_path(self) -> str:
        """The flag's SVG under `static/` ("" without one): memberships/flags.py."""
        return flag_path(self.iso2, self.slug)


class Membership(Timestamped):
    """A period during which a state is a member or an observer of the OTS."""

    state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("state"),
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty while the membership lasts.")
    )
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    class Meta:
        ordering = ["state__name", "start_date"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="%(app_label)s_%(class)s_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["state", "role", "start_date"],
                name="%(app_label)s_%(class)s_unique_state_role_start",
            ),
        ]

    def __str__(self):
        return f"{self.state} — {self.get_role_display()} ({self.start_date:%Y})"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
