"""Dates known only in part: shown at the precision the sources give, never with a made-up day.

A partial date is stored as a real `date` (the first of the month or of the year) beside a
`DatePrecision`, so that sorting and filtering by year keep working.
"""

import datetime
from functools import lru_cache

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from .choices import DatePrecision


def format_partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """Return the date as text in the active language, at its precision."""
    if value is None:
        return ""
    # Formatting a date costs ~50 µs (format lookups, month names); a list shows the same few
    # thousand dates over and over, so the text is kept per date, precision and language.
    return _format_partial_date(value, str(precision), get_language())


@lru_cache(maxsize=16384)
def _format_partial_date(value: datetime.date, precision: str, language: str | None) -> str:
    # `language` is the active language: it is part of the key only.
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    # "E" is the month name in the form used inside a date (genitive in Russian).
    day = date_format(value, "j E Y")
    if precision == DatePrecision.APPROXIMATE:
        return gettext("about %(date)s") % {"date": day}
    return day


def format_partial_range(
    start: datetime.date | None,
    end: datetime.date | None,
    precision: str = DatePrecision.DAY,
) -> str:
    """A start–end span at one precision; a missing or equal end shows the start alone."""
    if start is None:
        return ""
    if end is None or end == start:
        return format_partial_date(start, precision)
    return f"{format_partial_date(start, precision)} – {format_partial_date(end, precision)}"


def truncate_to_precision(value: datetime.date, precision: str) -> datetime.date:
    """The canonical stored form: month precision keeps day 1, year precision keeps 1 January."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


# ISO 8601 at a date's precision ("2024-09", "2024"): no made-up day or month. An approximate
# day is given to the month only.
ISO_FORMAT_AT_PRECISION = {
    DatePrecision.YEAR: "%Y",
    DatePrecision.MONTH: "%Y-%m",
    DatePrecision.APPROXIMATE: "%Y-%m",
}


def iso_partial_date(value: datetime.date, precision: str = DatePrecision.DAY) -> str:
    """The machine-readable form of a partial date (HTML `<time datetime>`, JSON-LD)."""
    return value.strftime(ISO_FORMAT_AT_PRECISION.get(precision, "%Y-%m-%d"))


# How coarse each precision is: an approximate day is compared as its month (precision_span).
PRECISION_RANK = {
    DatePrecision.DAY: 0,
    DatePrecision.APPROXIMATE: 1,
    DatePrecision.MONTH: 1,
    DatePrecision.YEAR: 2,
}


def coarser_precision(first: str, second: str) -> str:
    """The coarser of two precisions: two partial dates are compared at it."""
    return first if PRECISION_RANK[first] >= PRECISION_RANK[second] else second


def floor_at(value: datetime.date, precision: str) -> datetime.date:
    """The first day `value` may stand for when compared at `precision`."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision in (DatePrecision.MONTH, DatePrecision.APPROXIMATE):
        return value.replace(day=1)
    return value
