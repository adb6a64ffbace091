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
from django.utils.translation import pgettext, pgettext_lazy

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


def title_pattern(ordinal=None, plain=None):
    """A name's two patterns: with the record's number, and without one."""
    return {"numbered": ordinal or plain, "plain": plain}


# A summit's name by its kind and the organization's name at its date (`era`). Only ordinary
# summits of the Turkic Council and of the OTS are named by their number.
SUMMIT_NAMES = {
    (MeetingKind.SUMMIT, "speaking-states"): title_pattern(
        plain=pgettext_lazy("title", "Summit of the Turkic-Speaking States")
    ),
    (MeetingKind.SUMMIT, "council"): title_pattern(
        pgettext_lazy("title", "%(ordinal)s Summit of the Turkic Council"),
        pgettext_lazy("title", "Summit of the Turkic Council"),
    ),
    (MeetingKind.SUMMIT, "ots"): title_pattern(
        pgettext_lazy("title", "%(ordinal)s Summit of the Organization of Turkic States"),
        pgettext_lazy("title", "Summit of the Organization of Turkic States"),
    ),
    (MeetingKind.EXTRAORDINARY_SUMMIT, "council"): title_pattern(
        plain=pgettext_lazy("title", "Extraordinary Summit of the Turkic Council")
    ),
    (MeetingKind.EXTRAORDINARY_SUMMIT, "ots"): title_pattern(
        plain=pgettext_lazy("title", "Extraordinary Summit of the Organization of Turkic States")
    ),
    (MeetingKind.INFORMAL_SUMMIT, "council"): title_pattern(
        plain=pgettext_lazy("title", "Informal Summit of the Turkic Council")
    ),
    (MeetingKind.INFORMAL_SUMMIT, "ots"): title_pattern(
        plain=pgettext_lazy("title", "Informal Summit of the Organization of Turkic States")
    ),
}
# Extraordinary and informal summits were first held by the Turkic Council.
for _kind in (MeetingKind.EXTRAORDINARY_SUMMIT, MeetingKind.INFORMAL_SUMMIT):
    SUMMIT_NAMES[(_kind, "speaking-states")] = SUMMIT_NAMES[(_kind, "council")]

# A council's meeting by its kind; without a number, an ordinary meeting is named by its
# council alone (plain None).
COUNCIL_MEETING_NAMES = {
    MeetingKind.INFORMAL_MEETING: title_pattern(
        plain=pgettext_lazy("title", "Informal Meeting of the %(council)s")
    ),
    MeetingKind.EXTRAORDINARY_MEETING: title_pattern(
        pgettext_lazy("title", "%(ordinal)s Extraordinary Meeting of the %(council)s"),
        pgettext_lazy("title", "Extraordinary Meeting of the %(council)s"),
    ),
}
ORDINARY_COUNCIL_MEETING = title_pattern(
    pgettext_lazy("title", "%(ordinal)s Meeting of the %(council)s")
)

# The names of meetings no council names (consultations, research centres, trainings).
KIND_NAMES = {
    MeetingKind.SECURITY_CONSULTATION: title_pattern(
        pgettext_lazy("title", "%(ordinal)s Round of Security Consultations"),
        pgettext_lazy("title", "Security Consultations"),
    ),
    MeetingKind.POLITICAL_CONSULTATION: title_pattern(
        pgettext_lazy("title", "%(ordinal)s Round of Political Consultations"),
        pgettext_lazy("title", "Political Consultations"),
    ),
    MeetingKind.RESEARCH_CENTRES_MEETING: title_pattern(
        pgettext_lazy("title", "%(ordinal)s Meeting of the Foreign Policy Research Centres"),
        pgettext_lazy("title", "Meeting of the Foreign Policy Research Centres"),
    ),
    MeetingKind.TRAINING_PROGRAMME: title_pattern(
        pgettext_lazy("title", "Junior Diplomats Joint Training Programme No. %(number)s"),
        pgettext_lazy("title", "Junior Diplomats Joint Training Programme"),
    ),
}


def named(patterns, number: int | None, **values) -> str:
    """The name from a pair of `title_pattern`s: the numbered one when there is a number."""
    pattern = patterns["numbered"] if number else patterns["plain"]
    values.update(number=number, ordinal=ordinal(number) if number else "")
    return str(pattern) % values


def summit_name(kind: str, number: int | None, when: datetime.date) -> str:
    return named(SUMMIT_NAMES[(kind, era(when))], number)


def council_meeting_name(kind: str, number: int | None, council: str) -> str:
    patterns = COUNCIL_MEETING_NAMES.get(kind, ORDINARY_COUNCIL_MEETING)
    if not number and patterns["plain"] is None:
        return council
    return named(patterns, number, council=council)


def kind_name(kind: str, number: int | None) -> str:
    """The name of a meeting no council names (consultations, research centres, trainings)."""
    patterns = KIND_NAMES.get(kind)
    return named(patterns, number) if patterns else ""


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
