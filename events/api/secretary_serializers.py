"""API serializer of the Secretaries General (read only: they are entered in the admin)."""

from django.utils.translation import gettext_lazy as _

from memberships.api.serializers import state_field
from otscoop.api.fields import (
    BriefRelatedField,
    DisplayTextField,
    FallbacksField,
    PageUrlField,
    display_field,
    url_field,
)
from otscoop.api.serializers import ApiModelSerializer, sources_field

from ..models import SecretaryGeneral
from .serializers import MeetingBriefSerializer


class SecretaryGeneralSerializer(ApiModelSerializer):
    """A Secretary General of the OTS and the term served."""

    url = url_field("secretaries-general-detail")
    page_url = PageUrlField()
    display = DisplayTextField()
    fallbacks = FallbacksField()
    nationality = state_field(read_only=True, help_text=_("The state they come from."))
    term_display = display_field(_("The term as text, at the precision of its dates."))
    appointed_at = BriefRelatedField(
        MeetingBriefSerializer,
        read_only=True,
        allow_null=True,
        help_text=_("The meeting that appointed them; null when not recorded."),
    )
    sources = sources_field()

    class Meta:
        model = SecretaryGeneral
        fields = [
            "id",
            "url",
            "page_url",
            "display",
            "fallbacks",
            "slug",
            "name",
            "nationality",
            "term_start",
            "term_start_precision",
            "term_end",
            "term_end_precision",
            "term_display",
            "appointed_at",
            "note",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
