"""API serializer of election observation missions."""

from django.utils.translation import gettext_lazy as _

from memberships.api.serializers import organization_field, place_field, state_field
from otscoop.api.fields import (
    DisplayTextField,
    FallbacksField,
    PageUrlField,
    choice_label_field,
    display_field,
    url_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..models import ElectionObservationMission


class ElectionObservationMissionSerializer(ApiModelSerializer):
    """A joint OTS mission observing an election in a member or observer state."""

    url = url_field("election-missions-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    observed_state = state_field(help_text=_("The state whose election was observed (slug)."))
    election_kind_display = choice_label_field(
        _("The election kind, as a label."), source="election_kind"
    )
    election_date_display = display_field(_("The election date as text, at its precision."))
    places = place_field(
        many=True,
        required=False,
        help_text=_("The cities and towns the observers visited (slugs when writing)."),
    )
    participating_states = state_field(
        many=True,
        required=False,
        help_text=_("States whose observers took part (slugs when writing)."),
    )
    partner_organizations = organization_field(
        many=True,
        required=False,
        help_text=_("Organizations the mission worked with (slugs when writing)."),
    )
    sources = sources_field()
    fallbacks = FallbacksField()

    class Meta:
        model = ElectionObservationMission
        shown_fields = ("title",)  # composed in the request's language
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "title",
            "observed_state",
            "election_kind",
            "election_kind_display",
            "election_date",
            "election_date_precision",
            "election_date_display",
            "start_date",
            "end_date",
            "head_of_mission",
            "observer_count",
            "polling_stations_observed",
            "observed_locations",
            "places",
            "participating_states",
            "partner_organizations",
            "findings",
            "report_url",
            "note",
            "publication",
            "published_at",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["published_at"]
