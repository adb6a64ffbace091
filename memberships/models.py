"""WHO: states, their membership of the OTS, other organizations, candidacies and the support
they get, and the OTS's own observer status at other organizations."""

from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from otscoop.choices import label_of
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, PublishedQuerySet, Timestamped
from otscoop.search import localized

from .choices import (
    CandidacyOutcome,
    MembershipRole,
    ObserverDirection,
    ObserverStage,
    OrganizationKind,
    StateKind,
    SupportVisibility,
)

# Also spelled out in the stored search document on PostgreSQL (see events/models.py).
CANDIDACY_SEARCH_COLUMNS = [*localized("post", "outcome_note", "note"), "candidate_person"]

iso2_validator = RegexValidator(r"^[A-Z]{2}$", _("Enter two capital letters (ISO 3166-1 alpha-2)."))
iso3_validator = RegexValidator(
    r"^[A-Z]{3}$", _("Enter three capital letters (ISO 3166-1 alpha-3).")
)
year_validators = [MinValueValidator(1900), MaxValueValidator(2200)]
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
    def flag(self) -> str:
        """The flag emoji built from the ISO code (regional indicator symbols); "" without one."""
        return flag_emoji(self.iso2)


@lru_cache(maxsize=512)
def flag_emoji(iso2: str) -> str:
    """Regional indicator symbols for a two-letter ISO code: the flag emoji ("" without one)."""
    if not iso2:
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in iso2.upper())


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


class Organization(Timestamped):
    """An international organization or body other than the OTS's own organs."""

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
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


# What a candidacy row of a state's page shows (templates/memberships/state_detail.html).
CANDIDACY_ROW_FIELDS = (
    "slug",
    "post",
    "term_start",
    "term_end",
    "outcome",
    "state",
    "organization__name",
)


def state_link_columns(path: str) -> tuple[str, ...]:
    """STATE_LINK_FIELDS of the state at `path`, its name in every language: the queryset of a
    model without translated fields does not add a translated field's language columns."""
    return tuple(
        f"{path}__{column}"
        for field in STATE_LINK_FIELDS
        for column in (localized(field) if field == "name" else (field,))
    )


# What a support shows on its candidacy's row: by whom and when.
SUPPORT_CHIP_FIELDS = (
    "candidacy",
    "declared_on",
    "declared_on_precision",
    *state_link_columns("supporting_state"),
)
# What a row of a state's support given shows: the candidacy backed, when and where declared.
SUPPORT_GIVEN_ROW_FIELDS = (
    "supporting_state",
    "declared_on",
    "declared_on_precision",
    "source_text",
    "source_url",
    "candidacy__slug",
    *(f"candidacy__{column}" for column in localized("post")),
    *state_link_columns("candidacy__state"),
    *(f"candidacy__organization__{column}" for column in localized("name")),
    "candidacy__organization__acronym",
)


class CandidacyQuerySet(PublishedQuerySet):
    def for_state(self, state):
        return self.filter(state=state)

    def for_rows(self):
        """Only the columns a row shows, the organization joined, and the public supports (with
        their states) as `public_supports`, a list."""
        return (
            self.select_related("organization")
            .only(*CANDIDACY_ROW_FIELDS)
            .prefetch_related(
                Prefetch(
                    "supports",
                    # By name within each candidacy, as the model's ordering has it (without
                    # the candidacy's own ordering: one candidacy's supports go together).
                    queryset=CandidacySupport.objects.public()
                    .select_related("supporting_state")
                    .only(*SUPPORT_CHIP_FIELDS)
                    .order_by("supporting_state__name"),
                    # A list: no related manager and queryset made for each candidacy.
                    to_attr="public_supports",
                )
            )
        )


class Candidacy(Published):
    """A member state's bid for a post at an international organization."""

    state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="candidacies",
        verbose_name=_("candidate state"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="candidacies",
        verbose_name=_("organization"),
    )
    post = models.CharField(
        _("post"),
        max_length=300,
        help_text=_('E.g. "non-permanent member of the Security Council".'),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    candidate_person = models.CharField(_("candidate person"), max_length=200, blank=True)
    term_start = models.PositiveSmallIntegerField(
        _("term start (year)"), null=True, blank=True, validators=year_validators
    )
    term_end = models.PositiveSmallIntegerField(
        _("term end (year)"), null=True, blank=True, validators=year_validators
    )
    election_date = models.DateField(_("election date"), null=True, blank=True)
    election_date_precision = precision_field(_("election date precision"))
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=CandidacyOutcome.choices,
        default=CandidacyOutcome.PENDING,
    )
    outcome_note = models.TextField(_("outcome note"), blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = sources_field()

    objects = CandidacyQuerySet.as_manager()

    class Meta:
        ordering = ["-term_start", "state__name", "post"]
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=F("term_start")),
                name="%(app_label)s_%(class)s_term_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["outcome"]),
            models.Index(fields=["term_start"]),
        ]

    def __str__(self):
        return f"{self.state}: {self.post}, {self.organization.acronym or self.organization.name}"

    def get_absolute_url(self):
        return reverse("memberships:candidacy-list") + f"#candidacy-{self.slug}"

    @property
    def outcome_label(self) -> str:
        return label_of(CandidacyOutcome, self.outcome)

    @property
    def term_display(self) -> str:
        if self.term_start and self.term_end and self.term_end != self.term_start:
            return f"{self.term_start}–{self.term_end}"
        return str(self.term_start or self.term_end or "")

    @property
    def election_date_display(self) -> str:
        return format_partial_date(self.election_date, self.election_date_precision)

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before the year it starts.")})
        if (
            self.pk
            and self.state_id
            and self.supports.filter(supporting_state_id=self.state_id).exists()
        ):
            raise ValidationError(
                {"state": _("This state is listed among the candidacy's supporters.")}
            )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Keep the supports' copy of the candidate state (it backs a database constraint).
        self.supports.exclude(candidate_state_id=self.state_id).update(
            candidate_state_id=self.state_id
        )


class CandidacySupportQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=SupportVisibility.PUBLIC)

    def for_rows(self):
        """Only the columns a row of support given shows, the candidacy (its state and
        organization) joined."""
        return self.select_related("candidacy__state", "candidacy__organization").only(
            *SUPPORT_GIVEN_ROW_FIELDS
        )


class CandidacySupport(Timestamped):
    """A state's declared support for another state's candidacy."""

    candidacy = models.ForeignKey(
        Candidacy,
        on_delete=models.CASCADE,
        related_name="supports",
        verbose_name=_("candidacy"),
    )
    supporting_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="supports_given",
        verbose_name=_("supporting state"),
    )
    # A copy of candidacy.state kept in step on save, so that the database itself can refuse
    # a state supporting its own candidacy (a check constraint cannot look across tables).
    candidate_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("candidate state"),
    )
    declared_on = models.DateField(_("declared on"), null=True, blank=True)
    declared_on_precision = precision_field(_("declaration date precision"))
    source_text = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_('Where the support was declared, e.g. "Budapest Declaration".'),
    )
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=SupportVisibility.choices,
        default=SupportVisibility.PUBLIC,
    )
    note = models.TextField(_("note"), blank=True)

    objects = CandidacySupportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["candidacy", "supporting_state__name"]
        verbose_name = _("candidacy support")
        verbose_name_plural = _("candidacy supports")
        indexes = [
            # A state page's support given, latest first, read straight off the index.
            models.Index(
                fields=["supporting_state", "-declared_on", "-id"],
                name="memberships_support_given",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy", "supporting_state"],
                name="%(app_label)s_%(class)s_unique_candidacy_supporter",
            ),
            models.CheckConstraint(
                condition=~Q(supporting_state=F("candidate_state")),
                name="%(app_label)s_%(class)s_not_self_support",
            ),
        ]

    def __str__(self):
        return f"{self.supporting_state} → {self.candidacy}"

    @property
    def declared_on_display(self) -> str:
        return format_partial_date(self.declared_on, self.declared_on_precision)

    def clean(self):
        super().clean()
        try:
            candidate_state_id = self.candidacy.state_id
        except Candidacy.DoesNotExist:
            return  # the missing candidacy is reported on its own field
        if candidate_state_id and self.supporting_state_id == candidate_state_id:
            raise ValidationError(
                {"supporting_state": _("A state cannot support its own candidacy.")}
            )

    def save(self, *args, **kwargs):
        if self.candidacy_id:
            self.candidate_state_id = self.candidacy.state_id
        super().save(*args, **kwargs)
