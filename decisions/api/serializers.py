"""API serializers of decisions and their follow-up steps.

Relations are written as slugs (see `otscoop.api.fields.BriefRelatedField`); a decision, which
has no slug, by its id. A decision nests its steps (read); steps are written at
/api/v1/decision-steps/.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from events.api.serializers import (
    CouncilBriefSerializer,
    MeetingBriefSerializer,
    StatementBriefSerializer,
    TopicBriefSerializer,
)
from events.models import Council, Document, JointStatement, Meeting, Topic
from memberships.api.serializers import organization_field, state_field
from otscoop.api.fields import (
    BriefRelatedField,
    DisplayTextField,
    FallbacksField,
    PageUrlField,
    choice_label_field,
    display_field,
    url_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..models import Decision, DecisionStep


def meeting_field(**kwargs):
    if not kwargs.get("read_only"):
        kwargs["queryset"] = Meeting.objects.all()
    return BriefRelatedField(MeetingBriefSerializer, **kwargs)


def decision_page_path(decision):
    """The decision's public page."""
    return decision.get_absolute_url()


STEP_FIELDS = [
    "id",
    "display",
    "date",
    "date_precision",
    "date_display",
    "status",
    "status_display",
    "note",
    "reported_at",
    "reported_in",
]


class StepFieldsMixin(serializers.Serializer):
    display = DisplayTextField()
    date_display = display_field(_("The date as text, at its precision."))
    status_display = choice_label_field(_("The status, as a label."), source="status")
    reported_at = meeting_field(
        required=False,
        allow_null=True,
        help_text=_(
            "The later meeting that reported or carried out this step (slug when writing)."
        ),
    )
    reported_in = BriefRelatedField(
        StatementBriefSerializer,
        queryset=JointStatement.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The statement that reported this step (slug when writing)."),
    )


class NestedStepSerializer(StepFieldsMixin, ApiModelSerializer):
    """A dated step of the decision's follow-up, oldest first."""

    class Meta:
        model = DecisionStep
        fields = STEP_FIELDS
        read_only_fields = fields


class DecisionStepSerializer(StepFieldsMixin, ApiModelSerializer):
    """A dated step of a decision's follow-up: its status then, and who reported it. A step
    may not come before its decision (compared at the coarser of the two precisions); the
    latest step's status is the decision's current status."""

    url = url_field("decision-steps-detail", lookup_field="pk")
    page_url = PageUrlField(
        path=lambda step: f"{decision_page_path(step.decision)}#step-{step.pk}",
        help_text=_("The step on its decision's public page (absolute URL)."),
    )
    decision = serializers.PrimaryKeyRelatedField(
        queryset=Decision.objects.select_related("meeting"),
        help_text=_("The decision (its id)."),
    )
    sources = sources_field()

    class Meta:
        model = DecisionStep
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "decision",
            *STEP_FIELDS[2:],
            "sources",
            "created_at",
            "updated_at",
        ]


class DecisionSerializer(ApiModelSerializer):
    """A decision, instruction or commitment adopted at a meeting (mostly a summit), with the
    dated steps of its follow-up; its current status is the latest step's."""

    url = url_field("decisions-detail", lookup_field="pk")
    page_url = PageUrlField(
        path=decision_page_path,
        help_text=_("The decision's public page (absolute URL)."),
    )
    display = DisplayTextField()
    meeting = meeting_field(help_text=_("The meeting that adopted it (slug when writing)."))
    kind_display = choice_label_field(_("The kind, as a label."), source="kind")
    addressed_councils = BriefRelatedField(
        CouncilBriefSerializer,
        queryset=Council.objects.all(),
        many=True,
        required=False,
        help_text=_("The OTS organs it is addressed to (slugs when writing)."),
    )
    addressed_states = state_field(
        many=True,
        required=False,
        help_text=_("The states it is addressed to (slugs when writing)."),
    )
    addressed_organizations = organization_field(
        many=True,
        required=False,
        help_text=_("The organizations it is addressed to (slugs when writing)."),
    )
    topics = BriefRelatedField(
        TopicBriefSerializer,
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        help_text=_("Its topics (slugs when writing)."),
    )
    document = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The id of the meeting's outcome document that holds it; null if unknown."),
    )
    deadline_display = display_field(_("The deadline as text, at its precision."))
    status_display = choice_label_field(_("The current status, as a label."), source="status")
    is_act = serializers.BooleanField(
        read_only=True, help_text=_("Whether the decision is itself the act (implemented at once).")
    )
    steps = NestedStepSerializer(
        many=True, read_only=True, help_text=_("The follow-up, oldest step first.")
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "meeting",
            "order",
            "kind",
            "kind_display",
            "is_act",
            "text",
            "addressed_councils",
            "addressed_states",
            "addressed_organizations",
            "topics",
            "deadline",
            "deadline_precision",
            "deadline_display",
            "document",
            "status",
            "status_display",
            "steps",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at", "status"]
