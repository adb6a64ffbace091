"""The demo dataset: every record of events/demo/data.json becomes a row, loading is idempotent
(not even new history rows on a second run), and the data agree with the shared facts file."""

import datetime
import json
import re
from html import escape as html_escape
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from events.choices import (
    CouncilKind,
    DelegationLevel,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    StatementKind,
)
from events.demo.loader import DATA_PATH, FACT_LISTS, load_demo, totals
from events.models import (
    Council,
    Delegation,
    Document,
    ElectionObservationMission,
    JointStatement,
    Meeting,
    SecretaryGeneral,
)
from memberships.choices import (
    MembershipRole,
    ObserverDirection,
    ObserverStage,
    OrganizationKind,
    StateKind,
    SupportVisibility,
)
from memberships.models import (
    Candidacy,
    CandidacySupport,
    Membership,
    ObserverStatus,
    Organization,
    State,
)
from memberships.places_table import read_places
from otscoop.cache import CONTENT_APPS
from otscoop.choices import DatePrecision, Publication
from otscoop.models import Source
from otscoop.publishers import publisher_of

DATA = json.loads(DATA_PATH.read_text(encoding="utf-8"))
FACTS_PATH = Path(settings.BASE_DIR).parent / "shared/data/ots_facts.json"
MEMBER_CODES = {"AZ", "KZ", "KG", "TR", "UZ"}
CHS = "council-of-heads-of-state"
PRECISIONS = {"day": "day", "month": "month", "year": "year", "approx": "approximate"}
# Meetings whose day and month the facts give but whose year they infer ("Year inferred" in the
# facts' notes, checked against the facts file below): the date is approximate.
YEAR_INFERRED = {"senior-officials-2019-08-istanbul"}
# The facts' observer-status `status` and the stage it allows: never a stronger one.
FACT_STAGES = {
    "pending": ObserverStage.PENDING,
    "pending (decision deferred annually)": ObserverStage.DEFERRED,
    "granted": ObserverStage.GRANTED,
    "withdrawn": ObserverStage.WITHDRAWN,
    "guest participation": ObserverStage.GUEST,
}
# Fields of the facts file that describe the sources: data.json never copies them.
PROSE_KEYS = {
    "summary",
    "notes",
    "description",
    "context",
    "key_decisions",
    "latest_outcome",
    "renewals",
}


def partial(value, precision=None):
    """A fact-file date ("2024-11", "2015", "2020-04-01" + "approx") as (date, precision)."""
    if value is None:
        return None, DatePrecision.DAY
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), DatePrecision.YEAR
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1), DatePrecision.MONTH
    return datetime.date(*parts), PRECISIONS[precision or "day"]


def row_counts():
    """Rows per model of the content apps, historical and many-to-many tables included."""
    return {
        model._meta.label: model._base_manager.count()
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def last_changes():
    """`updated_at` of every row of the (non-historical) content models: no save, no change."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
        and any(field.name == "updated_at" for field in model._meta.fields)
    }


def models_with_sources():
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if any(field.name == "sources" for field in model._meta.many_to_many)
    ]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


# ---------------------------------------------------------------------- idempotence


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first_output = StringIO()
    call_command("load_demo", stdout=first_output)
    created = re.search(r"Demo data: (\d+) created", first_output.getvalue())
    assert int(created.group(1)) > 0
    first = row_counts()
    assert any(label.split(".")[1].startswith("Historical") for label in first)
    assert first["events.HistoricalMeeting"] == first["events.Meeting"] > 0
    last_change = last_changes()

    second_output = StringIO()
    call_command("load_demo", stdout=second_output)
    assert "Demo data: 0 created, 0 updated," in second_output.getvalue()
    assert row_counts() == first

    counts = load_demo()
    assert totals(counts)["created"] == 0
    assert totals(counts)["updated"] == 0
    assert totals(counts)["unchanged"] > 0
    assert row_counts() == first
    assert last_changes() == last_change


# ---------------------------------------------------------------------- key records


def test_member_states_and_observers(demo):
    roles = {
        state.iso2 or state.slug: state.current_role for state in State.objects.with_current_role()
    }
    for code in MEMBER_CODES:
        assert roles[code] == MembershipRole.MEMBER
    assert set(State.objects.members().values_list("iso2", flat=True)) == MEMBER_CODES
    assert Membership.objects.get(state__iso2="UZ").start_date == datetime.date(2019, 10, 15)
    assert Membership.objects.get(state__iso2="AZ").start_date == datetime.date(2009, 10, 3)
    assert State.objects.get(iso2="KG").official_name == "Kyrgyz Republic"

    assert roles["HU"] == roles["TM"] == MembershipRole.OBSERVER
    trnc = State.objects.get(name="Turkish Republic of Northern Cyprus")
    assert trnc.kind == StateKind.ENTITY
    assert trnc.iso2 is None
    assert trnc.iso3 is None
    assert roles[trnc.slug] == MembershipRole.OBSERVER
    assert "disputed" in trnc.memberships.get().note
    assert set(State.objects.observers().values_list("slug", flat=True)) == {
        "hungary",
        "turkmenistan",
        trnc.slug,
    }

    eco = ObserverStatus.objects.get(
        organization__acronym="ECO", direction=ObserverDirection.ORGANIZATION_AT_OTS
    )
    assert eco.organization.kind == OrganizationKind.INTERNATIONAL
    assert eco.current_stage == ObserverStage.GRANTED
    step = eco.steps.get()
    assert (step.date, step.date_precision) == (datetime.date(2023, 1, 1), DatePrecision.YEAR)
    # ECO is an observer of the OTS as an organization, never as a state.
    assert not State.objects.filter(name__icontains="Economic Cooperation").exists()


def test_the_demo_has_twelve_numbered_summits_with_their_themes(demo):
    summits = Meeting.objects.filter(kind=MeetingKind.SUMMIT, number__isnull=False)
    assert sorted(summits.values_list("number", flat=True)) == list(range(1, 13))
    themes = {r["ordinal"]: r["theme"] for r in DATA["summits"] if r["ordinal"]}
    for summit in summits.select_related("council", "host_state"):
        assert summit.council.slug == CHS
        assert summit.council.acronym == "CHS"
        assert summit.council.kind == CouncilKind.COUNCIL
        assert summit.theme == themes[summit.number]
        assert summit.host_state is not None
        assert summit.documents.exists()
        assert summit.is_published
        assert summit.sources.exists()

    first = summits.get(number=1)
    assert (first.city, first.host_state.iso2) == ("Almaty", "KZ")
    assert first.start_date == datetime.date(2011, 10, 21)
    assert first.documents.get().title.startswith("Almaty Declaration")
    twelfth = summits.get(number=12)
    assert (twelfth.city, twelfth.host_state.iso2) == ("Gabala", "AZ")
    assert (twelfth.chairmanship_from.iso2, twelfth.chairmanship_to.iso2) == ("KG", "AZ")

    # Nakhchivan 2009 and Istanbul 2010 belong to the earlier series: summits without a number.
    earlier = Meeting.objects.filter(kind=MeetingKind.SUMMIT, number__isnull=True)
    assert sorted(m.start_date.year for m in earlier) == [2009, 2010]
    assert all("not counted" in m.note for m in earlier)

    online = Meeting.objects.get(slug="informal-summit-2021-online")
    assert online.kind == MeetingKind.INFORMAL_SUMMIT
    assert online.format == MeetingFormat.ONLINE
    assert online.city == ""
    assert "Turkistan" in online.note


def test_statements_link_their_meetings_and_signatories(demo):
    afghanistan = JointStatement.objects.get(slug="2021-09-cfm-afghanistan")
    assert afghanistan.kind == StatementKind.JOINT_STATEMENT
    assert afghanistan.meeting.kind == MeetingKind.EXTRAORDINARY_MEETING
    assert afghanistan.meeting.start_date == afghanistan.issued_on
    assert afghanistan.council.slug == "council-of-foreign-ministers"
    assert list(afghanistan.topics.values_list("name", flat=True)) == ["Afghanistan"]

    gaza = JointStatement.objects.get(slug="2023-11-summit-gaza")
    assert (gaza.kind, gaza.meeting.number) == (StatementKind.DECLARATION, 10)

    kazakhstan = JointStatement.objects.get(slug="2022-01-member-states-kazakhstan")
    assert set(kazakhstan.signatories.values_list("iso2", flat=True)) == MEMBER_CODES
    # Only a statement made by the member states themselves lists signatories.
    assert JointStatement.objects.filter(signatories__isnull=False).distinct().count() == 1


def test_every_demo_support_comes_from_another_state_and_cites_a_source(demo):
    for support in CandidacySupport.objects.select_related("candidacy__state"):
        assert support.supporting_state_id != support.candidacy.state_id
        assert support.candidate_state_id == support.candidacy.state_id
        assert support.visibility == SupportVisibility.PUBLIC
        assert support.source_url in support.candidacy.sources.values_list("url", flat=True)

    uzbek_seat = Candidacy.objects.get(slug="uzbekistan-un-security-council-2035-2036")
    assert uzbek_seat.organization.parent.acronym == "UN"
    assert (uzbek_seat.term_start, uzbek_seat.term_end) == (2035, 2036)
    assert set(uzbek_seat.supports.values_list("supporting_state__iso2", flat=True)) == (
        MEMBER_CODES - {"UZ"}
    )

    kyrgyz_seat = Candidacy.objects.get(slug="kyrgyzstan-un-security-council-2027-2028")
    declared = dict(kyrgyz_seat.supports.values_list("supporting_state__iso2", "declared_on"))
    assert declared == {
        "TR": datetime.date(2026, 2, 10),
        "KZ": datetime.date(2025, 11, 16),
        "UZ": datetime.date(2025, 11, 16),
    }
    assert kyrgyz_seat.outcome == "pending"

    kazakh_seat = Candidacy.objects.get(slug="kazakhstan-un-security-council-2017-2018")
    assert kazakh_seat.outcome == "elected"
    assert kazakh_seat.election_date == datetime.date(2016, 6, 28)


# ---------------------------------------------------------------------- every record


def find_member_state(record):
    state = State.objects.get(iso2=record["iso_alpha2"], iso3=record["iso_alpha3"])
    start, _ = partial(record["date_joined"])
    return Membership.objects.get(state=state, role=MembershipRole.MEMBER, start_date=start)


def find_observer_state(record):
    app = record["app"]
    if "state" not in app:  # an organization observer of the OTS
        status = ObserverStatus.objects.get(
            organization__slug=app["observer_status"]["organization"],
            direction=app["observer_status"]["direction"],
        )
        granted, precision = partial(record["observer_since"])
        assert status.steps.filter(date=granted, date_precision=precision).exists()
        return status
    state = State.objects.get(slug=app["state"]["slug"])
    assert (state.iso2, state.iso3) == (record["iso_alpha2"], record["iso_alpha3"])
    start, _ = partial(record["observer_since"])
    return Membership.objects.get(state=state, role=MembershipRole.OBSERVER, start_date=start)


def find_body(record):
    founded, precision = partial(record["founded"])
    if "council" in record["app"]:
        council = Council.objects.get(slug=record["app"]["council"]["slug"])
        assert (council.established_on, council.established_on_precision) == (
            founded,
            precision,
        )
        return council
    organization = Organization.objects.get(slug=record["app"]["organization"]["slug"])
    assert organization.kind == OrganizationKind.TURKIC
    assert (organization.founded_on, organization.founded_on_precision) == (founded, precision)
    return organization


def check_meeting(meeting, record, date_key, precision=None):
    start, expected_precision = partial(record[date_key], precision)
    if meeting.slug in YEAR_INFERRED:
        expected_precision = DatePrecision.APPROXIMATE
    assert (meeting.start_date, meeting.date_precision) == (start, expected_precision)
    assert meeting.status == "held"
    assert meeting.publication == Publication.PUBLISHED
    host = meeting.host_state.iso2 if meeting.host_state else None
    assert host == record["country_iso2"]


def find_summit(record):
    meeting = Meeting.objects.get(slug=record["app"]["meeting"]["slug"])
    check_meeting(meeting, record, "date_start")
    assert meeting.council.slug == CHS
    assert meeting.number == record["ordinal"]
    end, _ = partial(record["date_end"])
    assert meeting.end_date == end
    assert meeting.theme == (record["theme"] or "")
    assert meeting.documents.count() == len(record["outcome_documents"])
    return meeting


def find_ministers_meeting(record):
    meeting = Meeting.objects.get(slug=record["app"]["meeting"]["slug"])
    check_meeting(meeting, record, "date", record["date_precision"])
    assert meeting.council.slug == "council-of-foreign-ministers"
    kind = record["format"].split(" ")[0]
    assert (
        meeting.kind
        == {
            "regular": MeetingKind.COUNCIL_MEETING,
            "informal": MeetingKind.INFORMAL_MEETING,
            "extraordinary": MeetingKind.EXTRAORDINARY_MEETING,
        }[kind]
    )
    if "videoconference" in record["format"]:
        assert meeting.format == MeetingFormat.ONLINE
    if record["number_as_stated"]:
        assert str(meeting.number) in record["number_as_stated"]
    else:
        assert meeting.number is None
    return meeting


def find_other_meeting(record):
    meeting = Meeting.objects.get(slug=record["app"]["meeting"]["slug"])
    check_meeting(meeting, record, "date", record["date_precision"])
    stated = record["number_as_stated"]
    assert meeting.number == (int(stated) if stated else None)
    return meeting


def find_statement(record):
    statement = JointStatement.objects.get(slug=record["app"]["statement"]["slug"])
    issued, precision = partial(record["date"], record["date_precision"])
    assert (statement.issued_on, statement.date_precision) == (issued, precision)
    assert sorted(statement.topics.values_list("name", flat=True)) == sorted(
        record["subject"].split(" / ")
    )
    assert statement.summary
    return statement


def find_observer_status(record):
    app = record["app"]["observer_status"]
    status = ObserverStatus.objects.get(
        organization__slug=app["organization"],
        direction=app["direction"],
        affiliate__slug=app["affiliate"],
    )
    assert status.steps.count() == len(record["app"]["steps"])
    if record["granted_date"]:
        granted, precision = partial(record["granted_date"])
        assert status.steps.filter(
            stage=ObserverStage.GRANTED, date=granted, date_precision=precision
        ).exists()
    if record["application_date"] and len(record["application_date"]) == 10:
        assert status.steps.filter(
            stage=ObserverStage.REQUESTED, date=partial(record["application_date"])[0]
        ).exists()
    return status


def find_candidacy(record):
    candidacy = Candidacy.objects.get(slug=record["app"]["candidacy"]["slug"])
    assert candidacy.state.iso2 == record["candidate_state_iso2"]
    years = [int(year) for year in record["term"].split("-")]
    assert (candidacy.term_start, candidacy.term_end) == (years[0], years[-1])
    supports = candidacy.supports.all()
    assert supports.count() == len(record["app"]["supports"]) > 0
    if record["support_date"]:
        assert supports.filter(declared_on=partial(record["support_date"])[0]).exists()
    assert all(support.source_url == record["sources"][0] for support in supports)
    return candidacy


def find_mission(record):
    mission = ElectionObservationMission.objects.get(slug=record["app"]["mission"]["slug"])
    assert mission.observed_state.iso2 == record["country_iso2"]
    date, precision = partial(record["election_date"], record["date_precision"])
    assert (mission.election_date, mission.election_date_precision) == (date, precision)
    assert mission.observed_location_list == record["observed_locations"]
    return mission


def find_secretary_general(record):
    person = SecretaryGeneral.objects.get(slug=record["app"]["secretary_general"]["slug"])
    assert person.nationality.iso2 == record["nationality_iso2"]
    assert record["name"].startswith(person.name)
    start, start_precision = partial(record["term_start"])
    end, end_precision = partial(record["term_end"])
    assert (person.term_start, person.term_start_precision) == (start, start_precision)
    assert person.term_end == end
    if end:
        assert person.term_end_precision == end_precision
    appointed_at = record["app"]["secretary_general"]["appointed_at"]
    assert (person.appointed_at.slug if person.appointed_at else None) == appointed_at
    if record["appointed_at"] is None:
        assert person.appointed_at is None
    return person


FINDERS = {
    "member_states": find_member_state,
    "observer_states": find_observer_state,
    "bodies": find_body,
    "summits": find_summit,
    "foreign_ministers_meetings": find_ministers_meeting,
    "other_meetings": find_other_meeting,
    "joint_statements": find_statement,
    "observer_statuses": find_observer_status,
    "candidacies": find_candidacy,
    "election_missions": find_mission,
    "secretaries_general": find_secretary_general,
}


def test_every_list_has_a_finder():
    assert set(FINDERS) == set(FACT_LISTS)
    assert set(DATA) == {*FACT_LISTS, "organizations", "states"}


def test_every_record_became_a_row(demo):
    for key in FACT_LISTS:
        rows = [FINDERS[key](record) for record in DATA[key]]
        assert len({(row._meta.label, row.pk) for row in rows}) == len(DATA[key]), key
        for row, record in zip(rows, DATA[key], strict=True):
            assert set(row.sources.values_list("url", flat=True)) == set(record["sources"]), key


def test_extra_records_became_rows(demo):
    for record in DATA["organizations"]:
        organization = Organization.objects.get(slug=record["slug"])
        assert organization.name == record["name"]
        assert (organization.parent.slug if organization.parent else None) == record["parent"]
    for record in DATA["states"]:
        state = State.objects.get(slug=record["slug"])
        assert (state.iso2, state.iso3) == (record["iso2"], record["iso3"])
        assert not state.memberships.exists()
    assert Organization.objects.get(slug="un-general-assembly").parent.acronym == "UN"
    assert Meeting.objects.filter(host_state__iso2="US").count() == 3


# ---------------------------------------------------------------------- sources and dates


def test_every_fact_record_has_a_source(demo):
    for model in models_with_sources():
        assert not model.objects.filter(sources__isnull=True).exists(), model
    assert not CandidacySupport.objects.filter(source_url="").exists()
    urls = {url for key in DATA for record in DATA[key] for url in record["sources"]}
    # and each place's page at GeoNames, where its coordinates come from
    urls |= {f"https://www.geonames.org/{row.geonames_id}/" for row in read_places()}
    assert set(Source.objects.values_list("url", flat=True)) == urls
    for source in Source.objects.all():
        # No page title is in the data: each source is named by its publisher.
        assert source.title == ""
        assert source.publisher == publisher_of(source.url) != ""
        assert source.publisher != source.site


def test_dates_known_in_part_keep_their_precision(demo):
    new_york = Meeting.objects.get(slug="cfm-informal-2024-09-new-york")
    assert new_york.kind == MeetingKind.INFORMAL_MEETING
    assert new_york.host_state.iso2 == "US"
    assert (new_york.start_date, new_york.date_precision) == (
        datetime.date(2024, 9, 1),
        DatePrecision.MONTH,
    )
    junior = Meeting.objects.get(kind=MeetingKind.TRAINING_PROGRAMME, number=1)
    assert junior.council.kind == CouncilKind.SECRETARIAT
    assert junior.date_precision == DatePrecision.YEAR
    karabakh = JointStatement.objects.get(slug="2020-04-nagorno-karabakh-so-called-elections")
    mission = ElectionObservationMission.objects.get(slug="turkiye-parliamentary-2015")
    akinci = SecretaryGeneral.objects.get(slug="halil-akinci")
    with translation.override("en"):
        assert new_york.dates_display == "September 2024"
        assert junior.dates_display == "2014"
        assert karabakh.issued_on_display == "about 1 April 2020"
        assert mission.election_date_display == "2015"
        assert akinci.term_display == "September 2010 – 2014"


def test_disagreements_between_sources_stay_visible(demo):
    mission = ElectionObservationMission.objects.get(
        slug="azerbaijan-extraordinary-presidential-2024"
    )
    assert "Dastan Urmanbetov" in mission.note
    assert "Omuraliev" in mission.note
    uzbek = ElectionObservationMission.objects.get(slug="uzbekistan-presidential-2021")
    assert "parliamentary" in uzbek.note
    bodrum = Meeting.objects.get(kind=MeetingKind.SUMMIT, number=4)
    assert "4 June" in bodrum.note
    assert "5 June" in bodrum.note
    academy = Organization.objects.get(slug="turkic-academy")
    assert "28 May" in academy.description
    un = ObserverStatus.objects.get(
        organization__slug="un-general-assembly", direction=ObserverDirection.OTS_AT_ORGANIZATION
    )
    assert un.current_stage == ObserverStage.DEFERRED
    assert un.reference == "A/66/141"
    assert "66/527" in un.note
    assert "77/523" in un.note


# ---------------------------------------------------------------------- facts as structure

# The stand-in heads of delegation the facts name: (meeting, state) -> head, level.
STAND_INS = {
    ("1st-summit-2011-almaty", "TR"): ("Bekir Bozdağ", DelegationLevel.DEPUTY_PRIME_MINISTER),
    ("2nd-summit-2012-bishkek", "AZ"): ("Artur Rasizade", DelegationLevel.PRIME_MINISTER),
    ("5th-summit-2015-astana", "TR"): ("İsmet Yılmaz", DelegationLevel.SPEAKER),
    ("informal-summit-2024-shusha", "TR"): ("Cevdet Yılmaz", DelegationLevel.VICE_PRESIDENT),
}
MEETING_LISTS = ("summits", "foreign_ministers_meetings", "other_meetings")


def meeting_records():
    return [record for key in MEETING_LISTS for record in DATA[key]]


def test_the_stand_in_heads_of_delegation_are_delegations_with_their_level(demo):
    for (slug, code), (head, level) in STAND_INS.items():
        delegation = Delegation.objects.get(meeting__slug=slug, state__iso2=code)
        assert (delegation.head_of_delegation, delegation.level) == (head, level)
        # On the state's behalf, citing the meeting's sources; the meeting's note no longer
        # tells it in prose.
        assert delegation.state.iso2 == code
        cited = set(delegation.sources.values_list("url", flat=True))
        assert cited and cited <= set(delegation.meeting.sources.values_list("url", flat=True))
        assert head not in delegation.meeting.note
    uzbekistan = Delegation.objects.get(
        meeting__slug="security-consultations-3-2016-ankara", state__iso2="UZ"
    )
    assert uzbekistan.level == DelegationLevel.AMBASSADOR
    assert "ambassador" not in uzbekistan.meeting.summary
    # A level the sources do not give stays empty.
    hungary = Delegation.objects.get(
        meeting__slug="senior-officials-2019-08-istanbul", state__iso2="HU"
    )
    assert hungary.level == ""
    with translation.override("tr"):
        assert (
            Delegation.objects.get(
                meeting__slug="1st-summit-2011-almaty", state__iso2="TR"
            ).level_label
            == "Başbakan yardımcısı"
        )
    assert Delegation.objects.count() == sum(
        len(record["app"].get("delegations", [])) for record in meeting_records()
    )


def test_the_stand_ins_show_on_the_meeting_and_the_state_pages(demo, client):
    page = client.get("/en/meetings/1st-summit-2011-almaty/").content.decode()
    assert "Bekir Bozdağ" in page
    assert "Deputy prime minister" in page
    assert "Prime Minister Erdoğan" in page  # the delegation's note
    state_page = client.get("/ru/states/turkiye/").content.decode()
    assert "Cevdet Yılmaz" in state_page
    assert "Вице-президент" in state_page


def stated_format(record):
    """The format the facts record states in its fact fields: online, or none."""
    fields = [value for key, value in record.items() if key not in ("app", "sources")]
    text = json.dumps(fields, ensure_ascii=False).lower()
    return MeetingFormat.ONLINE if "videoconference" in text or "online" in text else None


def test_no_demo_meeting_asserts_a_format_that_no_source_gives(demo):
    online = set()
    for record in meeting_records():
        meeting = Meeting.objects.get(slug=record["app"]["meeting"]["slug"])
        assert meeting.format == (stated_format(record) or MeetingFormat.NOT_RECORDED)
        if meeting.format == MeetingFormat.ONLINE:
            online.add(meeting.slug)
    assert online == {
        "extraordinary-summit-2020-online",
        "informal-summit-2021-online",
        "cfm-extraordinary-2022-01-online",
    }


def test_every_demo_meeting_is_past_and_held_as_its_sources_report(demo):
    today = datetime.date.today()
    for meeting in Meeting.objects.all():
        assert meeting.start_date < today
        assert meeting.status == MeetingStatus.HELD
        assert meeting.sources.exists()


def json_ld(client, slug):
    page = client.get(f"/en/meetings/{slug}/").content.decode()
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    )


def test_the_json_ld_leaves_out_a_format_that_is_not_recorded(demo, client):
    almaty = json_ld(client, "1st-summit-2011-almaty")
    assert "eventAttendanceMode" not in almaty
    assert almaty["startDate"] == "2011-10-21"
    online = json_ld(client, "informal-summit-2021-online")
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    page = client.get("/en/meetings/1st-summit-2011-almaty/").content.decode()
    assert "<dt>Format</dt>" not in page
    assert (
        "<dt>Format</dt>"
        in client.get("/en/meetings/informal-summit-2021-online/").content.decode()
    )


def test_a_day_whose_year_the_facts_infer_is_shown_as_about(demo, client):
    meeting = Meeting.objects.get(slug="senior-officials-2019-08-istanbul")
    assert (meeting.start_date, meeting.date_precision) == (
        datetime.date(2019, 8, 2),
        DatePrecision.APPROXIMATE,
    )
    expected = {
        "en": "about 2 August 2019",
        "tr": "yaklaşık 2 Ağustos 2019",
        "ru": "примерно 2 августа 2019",
    }
    for language, text in expected.items():
        with translation.override(language):
            assert meeting.dates_display == text
        page = client.get(f"/{language}/meetings/{meeting.slug}/").content.decode()
        assert text in page
    assert json_ld(client, meeting.slug)["startDate"] == "2019-08"


def test_no_observer_status_is_at_a_stronger_stage_than_the_facts_say(demo):
    for record in DATA["observer_statuses"]:
        values = record["app"]["observer_status"]
        status = ObserverStatus.objects.get(
            organization__slug=values["organization"],
            direction=values["direction"],
            affiliate__slug=values["affiliate"],
        )
        assert status.current_stage == FACT_STAGES[record["status"]], record["status"]
    oic = ObserverStatus.objects.get(organization__slug="oic")
    assert oic.current_stage == ObserverStage.PENDING
    # No step of the OIC's claims more than the status: no request is even on record.
    assert set(oic.steps.values_list("stage", flat=True)) == {ObserverStage.PENDING}


def test_sources_show_their_publishers_name(demo, client):
    publishers = {
        "https://en.trend.az/azerbaijan/politics/4046914.html": "Trend News Agency",
        "https://www.turkicstates.org/en/turk-konseyi-hakkinda": "Organization of Turkic States",
        "https://www.aa.com.tr/fr/turquie/le-conseil-de-coop%C3%A9ration-des-pays-turcophones-"
        "se-r%C3%A9unit-pour-la-quatri%C3%A8me-fois/153573": "Anadolu Agency",
        "https://www.mfa.gov.tr/declaration-of-the-fourth-summit-of-the-cooperation-council-of-"
        "turkic-speaking-states_-5-june-2014_-bodrum_-turkey.en.mfa": (
            "Ministry of Foreign Affairs of Türkiye"
        ),
    }
    for url, name in publishers.items():
        assert Source.objects.get(url=url).publisher == name
    page = client.get("/en/meetings/4th-summit-2014-bodrum/").content.decode()
    assert (
        '<a href="https://www.mfa.gov.tr/declaration-of-the-fourth-summit-of-the-cooperation-'
        'council-of-turkic-speaking-states_-5-june-2014_-bodrum_-turkey.en.mfa" rel="noopener">'
        "Ministry of Foreign Affairs of Türkiye</a>"
    ) in page
    assert '<span class="source-list__site">(mfa.gov.tr)</span>' in page


def test_candidacies_a_summit_declaration_backs_link_to_it(demo, client):
    declaration = Document.objects.get(
        meeting__slug="informal-summit-2025-budapest", title="Budapest Declaration"
    )
    backed = {
        record["app"]["candidacy"]["slug"]
        for record in DATA["candidacies"]
        if record["support_document"] == "Budapest Declaration of the Informal Summit"
    }
    assert len(backed) == 10
    assert set(declaration.endorsed_candidacies.values_list("slug", flat=True)) == backed
    # The others were backed by one state, not by a declaration.
    assert not Document.objects.filter(endorsed_candidacies__slug="turkiye-cop31-2026").exists()

    matrix = client.get("/en/candidacies/").content.decode()
    row = re.search(
        r'<tr id="candidacy-uzbekistan-un-security-council-2035-2036">(.*?)</tr>', matrix, re.S
    )
    assert "Endorsed in:" in row.group(1)
    assert (
        '<a href="/en/meetings/informal-summit-2025-budapest/">Budapest Declaration</a>'
        in row.group(1)
    )
    cop = re.search(r'<tr id="candidacy-turkiye-cop31-2026">(.*?)</tr>', matrix, re.S)
    assert "Endorsed in:" not in cop.group(1)
    meeting_page = client.get("/en/meetings/informal-summit-2025-budapest/").content.decode()
    assert "/en/candidacies/#candidacy-uzbekistan-un-security-council-2035-2036" in meeting_page
    state_page = client.get("/tr/states/uzbekistan/").content.decode()
    assert "Budapest Declaration" in state_page


def test_the_secretaries_general_page_lists_each_term_with_its_sources(demo, client):
    for language in ("tr", "en", "ru"):
        page = client.get(f"/{language}/secretaries-general/").content.decode()
        for record in DATA["secretaries_general"]:
            person = SecretaryGeneral.objects.get(slug=record["app"]["secretary_general"]["slug"])
            assert f'id="{person.slug}"' in page
            assert person.name in page
            for url in record["sources"]:
                assert f'href="{html_escape(url)}"' in page
    kyrgyzstan = client.get("/en/states/kyrgyzstan/").content.decode()
    assert '<a href="/en/secretaries-general/#kubanychbek-omuraliev">' in kyrgyzstan
    assert 'href="/en/secretaries-general/"' in client.get("/en/").content.decode()


# ---------------------------------------------------------------------- the shared facts file

KEY_FACTS = {
    "member_states": ("name_en", "name_tr", "iso_alpha2", "iso_alpha3", "date_joined"),
    "observer_states": ("name_en", "name_tr", "iso_alpha2", "iso_alpha3", "observer_since"),
    "bodies": ("name_en", "name_tr", "founded", "headquarters"),
    "summits": (
        "ordinal",
        "type",
        "date_start",
        "date_end",
        "city",
        "country_iso2",
        "theme",
        "outcome_documents",
        "chairmanship",
    ),
    "foreign_ministers_meetings": (
        "date",
        "date_precision",
        "city",
        "country_iso2",
        "format",
        "number_as_stated",
    ),
    "other_meetings": (
        "meeting_type",
        "date",
        "date_precision",
        "city",
        "country_iso2",
        "number_as_stated",
    ),
    "joint_statements": ("date", "date_precision", "issuer", "subject"),
    "observer_statuses": (
        "organization",
        "direction",
        "status",
        "application_date",
        "granted_date",
    ),
    "candidacies": (
        "candidate_state_iso2",
        "post_or_body",
        "term",
        "supporters",
        "support_document",
        "support_date",
    ),
    "election_missions": (
        "country_iso2",
        "election_type",
        "election_date",
        "date_precision",
        "observed_locations",
        "head_of_mission",
    ),
    "secretaries_general": (
        "name",
        "nationality_iso2",
        "term_start",
        "term_end",
        "appointed_at",
    ),
}


def clauses(value):
    """The clauses of a prose field of the facts file (a string or a list of strings)."""
    if isinstance(value, list):
        for item in value:
            yield from clauses(item)
    elif isinstance(value, str):
        yield from (part.strip() for part in re.split(r"[.;:()]\s*|, ", value))


@pytest.mark.skipif(not FACTS_PATH.exists(), reason="shared/data/ots_facts.json is not beside")
def test_data_file_matches_the_shared_facts():
    facts = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
    assert set(KEY_FACTS) == set(FACT_LISTS) == set(facts)
    data_text = DATA_PATH.read_text(encoding="utf-8").lower()
    for key, fields in KEY_FACTS.items():
        assert len(DATA[key]) == len(facts[key]), key
        for ours, theirs in zip(DATA[key], facts[key], strict=True):
            for field in (*fields, "sources"):
                assert ours[field] == theirs[field], (key, field, theirs[field])
            # The prose describing the sources is rewritten, never copied.
            assert not PROSE_KEYS & ours.keys()
            prose = [theirs[field] for field in PROSE_KEYS & theirs.keys()]
            if key == "joint_statements":
                assert "title" not in ours
                prose.append(theirs["title"])
            for clause in clauses(prose):
                assert len(clause) < 30 or clause.lower() not in data_text, (key, clause)
    inferred = {
        ours["app"]["meeting"]["slug"]
        for key in ("summits", "foreign_ministers_meetings", "other_meetings")
        for ours, theirs in zip(DATA[key], facts[key], strict=True)
        if "year inferred" in (theirs.get("notes") or "").lower()
    }
    assert inferred == YEAR_INFERRED
    # The observer statuses' stages are those of the facts file (data.json keeps its status).
    for ours, theirs in zip(DATA["observer_statuses"], facts["observer_statuses"], strict=True):
        assert ours["app"]["observer_status"]["current_stage"] == FACT_STAGES[theirs["status"]]


def test_turkish_names_from_the_data_show_on_turkish_pages(demo, client):
    page = client.get("/tr/states/").content.decode()
    for name in ("Azerbaycan", "Kazakistan", "Kırgızistan", "Özbekistan", "Macaristan"):
        assert name in page
    english_page = client.get("/en/states/").content.decode()
    assert "Azerbaijan" in english_page and "Azerbaycan" not in english_page
    # Russian has its own names (events/demo/vocabulary.py), not English ones.
    russian_page = client.get("/ru/states/").content.decode()
    assert "Азербайджан" in russian_page and "Azerbaijan" not in russian_page
