"""States' candidacies for posts at international organizations, and the support they get."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from otscoop.choices import label_of
from otscoop.dates import format_partial_date
from otscoop.fields import precision_field, sources_field
from otscoop.models import Published, PublishedQuerySet, Timestamped
from otscoop.search import localized

from ..choices import CandidacyOutcome, SupportVisibility
from .organizations import Organization
from .states import STATE_LINK_FIELDS, State

# Also spelled out in the stored search document on PostgreSQL (see events/models/querysets.py).
CANDIDACY_SEARCH_COLUMNS = [*localized("post", "outcome_note", "note"), "candidate_person"]

year_validators = [MinValueValidator(1900), MaxValueValidator(2200)]

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
    slug_from = "post"  # the admin and the API make the slug from it
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
        return reverse("candidacy-list") + f"#candidacy-{self.slug}"

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
