"""API serializers of states, memberships, organizations, candidacies and observer statuses.

Brief serializers (id, url, slug, name) are what other records nest; relations are written as
slugs (see `otscoop.api.fields.BriefRelatedField`).
"""

from urllib.parse import urlencode

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from otscoop.api.fields import (
    BriefRelatedField,
    DisplayTextField,
    EnumChoiceField,
    FallbacksField,
    PageUrlField,
    choice_label_field,
    display_field,
    url_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..choices import MembershipRole
from ..models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    ObserverStatusStep,
    Organization,
    Place,
    State,
)


class StateBriefSerializer(ApiModelSerializer):
    """A state in brief, as other records nest it."""

    url = url_field("states-detail")

    class Meta:
        model = State
        fields = ["id", "url", "slug", "name", "iso2"]


class OrganizationBriefSerializer(ApiModelSerializer):
    """An organization in brief, as other records nest it."""

    url = url_field("organizations-detail")

    class Meta:
        model = Organization
        fields = ["id", "url", "slug", "name", "acronym"]


class CandidacyBriefSerializer(ApiModelSerializer):
    """A candidacy in brief, as other records nest it."""

    url = url_field("candidacies-detail")
    display = DisplayTextField()

    class Meta:
        model = Candidacy
        fields = ["id", "url", "slug", "display"]


class PlaceBriefSerializer(ApiModelSerializer):
    """A place in brief, as meetings and missions nest it: its name in the response's language,
    its state (slug) and its coordinates."""

    state = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text=_("The slug of the place's state.")
    )

    class Meta:
        model = Place
        fields = ["id", "slug", "name", "state", "latitude", "longitude"]


def place_field(**kwargs):
    if not kwargs.get("read_only"):
        kwargs["queryset"] = Place.objects.all()
    return BriefRelatedField(PlaceBriefSerializer, **kwargs)


def state_field(**kwargs):
    if not kwargs.get("read_only"):
        kwargs["queryset"] = State.objects.all()
    return BriefRelatedField(StateBriefSerializer, **kwargs)


def organization_field(**kwargs):
    if not kwargs.get("read_only"):
        kwargs["queryset"] = Organization.objects.all()
    return BriefRelatedField(OrganizationBriefSerializer, **kwargs)


class StateSerializer(ApiModelSerializer):
    """A state (or entity) that takes part in, hosts or is observed by OTS cooperation."""

    url = url_field("states-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    flag = serializers.SerializerMethodField(
        help_text=_("Absolute URL of the state's flag (SVG); null without one.")
    )
    current_role = EnumChoiceField(
        choices_class=MembershipRole,
        read_only=True,
        allow_null=True,
        help_text=_("Role in the OTS today (from the open membership); null when none."),
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = State
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "name",
            "official_name",
            "kind",
            "kind_display",
            "iso2",
            "iso3",
            "flag",
            "capital",
            "current_role",
            "note",
            "sources",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_flag(self, state):
        path = state.flag_path
        if not path:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(static(path)) if request else static(path)


class MembershipSerializer(ApiModelSerializer):
    """A period during which a state is a member or an observer of the OTS."""

    url = url_field("memberships-detail", lookup_field="pk")
    page_url = PageUrlField(
        path=lambda membership: membership.state.get_absolute_url(),
        help_text=_("The state's public page (memberships have no page of their own)."),
    )
    display = DisplayTextField()
    state = state_field(help_text=_("The state (slug when writing)."))
    role_display = choice_label_field(_("The role, as a label."), source="role")
    sources = sources_field()

    class Meta:
        model = Membership
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "state",
            "role",
            "role_display",
            "start_date",
            "end_date",
            "note",
            "sources",
            "created_at",
            "updated_at",
        ]


def organization_page_path(organization):
    return f"{reverse('candidacy-list')}?{urlencode({'organization': organization.slug})}"


class OrganizationSerializer(ApiModelSerializer):
    """An international organization or body other than the OTS's own organs."""

    url = url_field("organizations-detail")
    page_url = PageUrlField(
        path=organization_page_path,
        help_text=_(
            "The public list of candidacies at this organization (organizations have no page "
            "of their own)."
        ),
    )
    display = DisplayTextField()
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    parent = organization_field(
        required=False,
        allow_null=True,
        help_text=_("The parent organization (slug when writing), e.g. the United Nations."),
    )
    founded_display = display_field(_("The founding date as text, at its precision."))
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = Organization
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "name",
            "acronym",
            "kind",
            "kind_display",
            "parent",
            "website",
            "headquarters",
            "founded_on",
            "founded_on_precision",
            "founded_display",
            "description",
            "sources",
            "created_at",
            "updated_at",
        ]


class CandidacySupportSerializer(ApiModelSerializer):
    """One state's declared support for the candidacy."""

    supporting_state = state_field(read_only=True, help_text=_("The supporting state."))
    declared_on_display = display_field(_("The declaration date as text, at its precision."))
    visibility_display = choice_label_field(_("The visibility, as a label."), source="visibility")

    class Meta:
        model = CandidacySupport
        fields = [
            "id",
            "supporting_state",
            "declared_on",
            "declared_on_precision",
            "declared_on_display",
            "source_text",
            "source_url",
            "visibility",
            "visibility_display",
            "note",
        ]
        read_only_fields = fields


class CandidacySerializer(ApiModelSerializer):
    """A member state's bid for a post at an international organization."""

    url = url_field("candidacies-detail")
    page_url = PageUrlField(
        help_text=_("The candidacy's row on the public support matrix (absolute URL).")
    )
    display = DisplayTextField()
    state = state_field(help_text=_("The candidate state (slug when writing)."))
    organization = organization_field(
        help_text=_("The organization where the post is (slug when writing).")
    )
    term_display = display_field(_("The term as text, e.g. 2027–2028."))
    election_date_display = display_field(_("The election date as text, at its precision."))
    outcome_display = choice_label_field(_("The outcome, as a label."), source="outcome")
    supports = CandidacySupportSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "States' declared support. Internal rows appear only for Secretariat users with "
            "the permission to view candidacy supports."
        ),
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = Candidacy
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "state",
            "organization",
            "post",
            "candidate_person",
            "term_start",
            "term_end",
            "term_display",
            "election_date",
            "election_date_precision",
            "election_date_display",
            "outcome",
            "outcome_display",
            "outcome_note",
            "supports",
            "note",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]


class ObserverStatusStepSerializer(ApiModelSerializer):
    """A step in the life of the observer status, in date order."""

    display = DisplayTextField()
    date_display = display_field(_("The date as text, at its precision."))
    stage_display = choice_label_field(_("The stage, as a label."), source="stage")

    class Meta:
        model = ObserverStatusStep
        fields = [
            "id",
            "display",
            "date",
            "date_precision",
            "date_display",
            "stage",
            "stage_display",
            "decision_reference",
            "note",
        ]
        read_only_fields = fields


class ObserverStatusSerializer(ApiModelSerializer):
    """The OTS's observer status at another organization (or another's at the OTS)."""

    url = url_field("observer-statuses-detail", lookup_field="pk")
    page_url = PageUrlField(
        help_text=_("The status's entry on the public observer-status page (absolute URL).")
    )
    display = DisplayTextField()
    organization = organization_field(help_text=_("The organization (slug when writing)."))
    direction_display = choice_label_field(_("The direction, as a label."), source="direction")
    affiliate = organization_field(
        required=False,
        allow_null=True,
        help_text=_(
            "The affiliated Turkic organization that applied (slug when writing); only with the "
            "direction affiliate_at_organization."
        ),
    )
    current_stage_display = choice_label_field(
        _("The current stage, as a label."), source="current_stage"
    )
    steps = ObserverStatusStepSerializer(
        many=True, read_only=True, help_text=_("The lifecycle, oldest step first.")
    )
    sources = sources_field()

    class Meta:
        model = ObserverStatus
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "organization",
            "direction",
            "direction_display",
            "affiliate",
            "current_stage",
            "current_stage_display",
            "reference",
            "note",
            "steps",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]
