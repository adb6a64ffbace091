"""Titles composed in the reader's language from a record's structured fields.

A meeting's title is built from its kind, number, council, place and date; a mission's from the
observed state, the kind of election and its year. The patterns are vocabulary, translated in
the catalogues (context "title"); the names they hold (councils, places, states) are the
records' own translated names. A title a person typed in a language wins over these
(otscoop/translated.py), so a composed title is what a language shows only where nobody wrote
one.

The organization's own name follows the date: the summits of the Turkic-speaking states until
the Turkic Council's first summit (Almaty, October 2011), the Turkic Council until its renaming
at the Istanbul Summit of 12 November 2021, the Organization of Turkic States after it.

Russian patterns keep every name in the nominative ("Саммит ОТГ №12, Габала, 2025"): a name
is never inflected.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import pgettext

from otscoop.choices import DatePrecision
from otscoop.translated import active_language

from .choices import ElectionKind, MeetingFormat, MeetingKind

FIRST_COUNCIL_SUMMIT = datetime.date(2011, 10, 21)
RENAMED_ON = datetime.date(2021, 11, 12)

SUMMIT_KINDS = (MeetingKind.SUMMIT, MeetingKind.EXTRAORDINARY_SUMMIT, MeetingKind.INFORMAL_SUMMIT)


def ordinal(number: int) -> str:
    """The ordinal the patterns' %(ordinal)s stands for: "12th" in English, "12." in Turkish,
    "№12" in Russian (the catalogues' "No. %(number)s")."""
    if active_language() != "en":
        return pgettext("title", "No. %(number)s") % {"number": number}
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def era(value: datetime.date) -> str:
    if value < FIRST_COUNCIL_SUMMIT:
        return "speaking-states"
    return "council" if value <= RENAMED_ON else "ots"


def summit_name(kind: str, number: int | None, when: datetime.date) -> str:
    period = era(when)
    if kind == MeetingKind.EXTRAORDINARY_SUMMIT:
        if period == "ots":
            return pgettext("title", "Extraordinary Summit of the Organization of Turkic States")
        return pgettext("title", "Extraordinary Summit of the Turkic Council")
    if kind == MeetingKind.INFORMAL_SUMMIT:
        if period == "ots":
            return pgettext("title", "Informal Summit of the Organization of Turkic States")
        return pgettext("title", "Informal Summit of the Turkic Council")
    if period == "speaking-states":
        return pgettext("title", "Summit of the Turkic-Speaking States")
    if number:
        if period == "ots":
            name = pgettext("title", "%(ordinal)s Summit of the Organization of Turkic States")
        else:
            name = pgettext("title", "%(ordinal)s Summit of the Turkic Council")
        return name % {"ordinal": ordinal(number)}
    if period == "ots":
        return pgettext("title", "Summit of the Organization of Turkic States")
    return pgettext("title", "Summit of the Turkic Council")


def council_meeting_name(kind: str, number: int | None, council: str) -> str:
    values = {"council": council, "number": number, "ordinal": ordinal(number) if number else ""}
    if kind == MeetingKind.INFORMAL_MEETING:
        return pgettext("title", "Informal Meeting of the %(council)s") % values
    if kind == MeetingKind.EXTRAORDINARY_MEETING:
        if number:
            pattern = pgettext("title", "%(ordinal)s Extraordinary Meeting of the %(council)s")
            return pattern % values
        return pgettext("title", "Extraordinary Meeting of the %(council)s") % values
    if number:
        return pgettext("title", "%(ordinal)s Meeting of the %(council)s") % values
    return council


def kind_name(kind: str, number: int | None) -> str:
    """The name of a meeting no council names (consultations, research centres, trainings)."""
    values = {"number": number, "ordinal": ordinal(number) if number else ""}
    if kind == MeetingKind.SECURITY_CONSULTATION:
        if number:
            return pgettext("title", "%(ordinal)s Round of Security Consultations") % values
        return pgettext("title", "Security Consultations")
    if kind == MeetingKind.POLITICAL_CONSULTATION:
        if number:
            return pgettext("title", "%(ordinal)s Round of Political Consultations") % values
        return pgettext("title", "Political Consultations")
    if kind == MeetingKind.RESEARCH_CENTRES_MEETING:
        if number:
            return (
                pgettext("title", "%(ordinal)s Meeting of the Foreign Policy Research Centres")
                % values
            )
        return pgettext("title", "Meeting of the Foreign Policy Research Centres")
    if kind == MeetingKind.TRAINING_PROGRAMME:
        if number:
            return (
                pgettext("title", "Junior Diplomats Joint Training Programme No. %(number)s")
                % values
            )
        return pgettext("title", "Junior Diplomats Joint Training Programme")
    return ""


def month_year(value: datetime.date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return str(value.year)
    text = date_format(value, "F Y")
    # Russian writes a month's name in lower case; Django's standalone names are capitalized.
    return text[:1].lower() + text[1:] if active_language() == "ru" else text


def meeting_place(meeting) -> str:
    if meeting.place_id:
        return meeting.place.name
    if meeting.city:
        return meeting.city
    if meeting.format == MeetingFormat.ONLINE:
        return pgettext("title", "online")
    return ""


def meeting_title(meeting) -> str:
    """The meeting's title composed in the active language; "" where no pattern fits (a
    meeting of another kind, or a council meeting without its council)."""
    if not meeting.start_date:
        return ""
    place = meeting_place(meeting)
    values = {"place": place, "year": meeting.start_date.year}
    if meeting.kind in SUMMIT_KINDS:
        values["name"] = summit_name(meeting.kind, meeting.number, meeting.start_date)
        if not place:
            return pgettext("title", "%(name)s (%(year)s)") % values
        if meeting.kind == MeetingKind.SUMMIT and meeting.number:
            # Its number names it: the Turkish title leaves out the year (so the catalogues may
            # leave out an argument here).
            # xgettext:no-python-format
            pattern = pgettext("title of a numbered summit", "%(name)s (%(place)s, %(year)s)")
            return pattern % values
        return pgettext("title", "%(name)s (%(place)s, %(year)s)") % values
    name = kind_name(meeting.kind, meeting.number)
    if not name and meeting.council_id and meeting.kind != MeetingKind.OTHER:
        name = council_meeting_name(meeting.kind, meeting.number, meeting.council.name)
    if not name:
        return ""
    values.update(name=name, date=month_year(meeting.start_date, meeting.date_precision))
    if place:
        return pgettext("title", "%(name)s, %(place)s (%(date)s)") % values
    return pgettext("title", "%(name)s (%(date)s)") % values


ELECTIONS = {
    ElectionKind.PRESIDENTIAL: lambda: pgettext("title", "presidential election"),
    ElectionKind.PARLIAMENTARY: lambda: pgettext("title", "parliamentary elections"),
    ElectionKind.GENERAL: lambda: pgettext("title", "presidential and parliamentary elections"),
    ElectionKind.LOCAL: lambda: pgettext("title", "local elections"),
    ElectionKind.REFERENDUM: lambda: pgettext("title", "referendum"),
}


def mission_title(mission) -> str:
    """An election observation mission's title composed in the active language."""
    election = ELECTIONS.get(mission.election_kind)
    if election is None or not mission.observed_state_id or not mission.election_date:
        return ""
    return pgettext("title", "Election observation: %(state)s, %(election)s, %(year)s") % {
        "state": mission.observed_state.name,
        "election": election(),
        "year": mission.election_date.year,
    }
