"""How a spreadsheet cell is read and written: text, whole numbers, choices and dates known in
part.

A widget's `clean()` raises ValueError with a sentence for the person who wrote the cell:
django-import-export files it under the cell's column, and nothing of the file is saved.
"""

import datetime
import re

from django.db.models.fields import NOT_PROVIDED
from django.utils.translation import gettext
from import_export.fields import Field
from import_export.widgets import CharWidget, IntegerWidget, Widget

from ..choices import DatePrecision, label_of
from ..dates import truncate_to_precision

# "about 2019-10-15": a day the sources give as approximate. The word is part of the file's
# syntax, like the dashes, so it is the same in every language.
APPROXIMATE_WORD = "about"
YEAR = re.compile(r"^\d{4}$")
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Digits, and no more than any database column holds ("12", also "12.0" as a program writes).
WHOLE_NUMBER = re.compile(r"^[+-]?\d{1,18}(\.0*)?$")


def date_forms_hint() -> str:
    return gettext(
        "write a day as 2019-10-15, a month as 2019-10, a year as 2019 "
        "and an approximate day as about 2019-10-15"
    )


def read_partial_date(value) -> tuple[datetime.date, str] | None:
    """The date and precision a cell holds, or None when it is empty.

    A spreadsheet's own date cell is a day; a whole number is a year.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        value = str(int(value))
    text = str(value).strip()
    if not text:
        return None
    precision = DatePrecision.DAY
    if text.lower().startswith(APPROXIMATE_WORD):
        text = text[len(APPROXIMATE_WORD) :].strip()
        precision = DatePrecision.APPROXIMATE
        if not DAY.match(text):
            raise ValueError(
                gettext("“%(value)s”: an approximate date is a day, e.g. about 2019-10-15.")
                % {"value": value}
            )
    try:
        if DAY.match(text):
            return datetime.date.fromisoformat(text), precision
        if MONTH.match(text):
            year, month = MONTH.match(text).groups()
            return datetime.date(int(year), int(month), 1), DatePrecision.MONTH
        if YEAR.match(text) and int(text) > 0:
            return datetime.date(int(text), 1, 1), DatePrecision.YEAR
    except ValueError:
        pass  # a day or month that does not exist: reported below
    raise ValueError(
        gettext("“%(value)s” is not a date: %(forms)s.")
        % {"value": value, "forms": date_forms_hint()}
    )


def write_partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date as read_partial_date() reads it back: "2019", "2019-10", "about 2019-10-15"."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if precision == DatePrecision.APPROXIMATE:
        return f"{APPROXIMATE_WORD} {day}"
    return day


class PartialDateField(Field):
    """A date column and, where the model keeps one, its precision (`precision` names that
    attribute): "2019-10" stores 1 October 2019 at month precision.

    `start_column`: an end date that keeps no precision of its own but shares its start's (a
    meeting's `date_precision`): it must be written at the start's precision, and stores none.
    Without `precision`, a column takes a whole day only.
    """

    def __init__(self, attribute, precision=None, *, start_column=None, **kwargs):
        kwargs.setdefault("column_name", attribute)
        super().__init__(attribute=attribute, widget=Widget(), **kwargs)
        self.precision = precision
        self.start_column = start_column

    def clean(self, row, **kwargs):
        return read_partial_date(row[self.column_name])

    def get_value(self, instance):
        precision = getattr(instance, self.precision) if self.precision else DatePrecision.DAY
        return write_partial_date(getattr(instance, self.attribute), precision)

    def save(self, instance, row, is_m2m=False, **kwargs):
        cell = self.clean(row)
        day, precision = cell or (None, DatePrecision.DAY)
        if self.start_column is not None:
            self.check_start_precision(row, precision if cell else None)
        elif self.precision:
            setattr(instance, self.precision, precision)
        elif precision != DatePrecision.DAY:
            raise ValueError(gettext("Write the whole day, e.g. 2019-10-15."))
        setattr(instance, self.attribute, day and truncate_to_precision(day, precision))

    def check_start_precision(self, row, precision):
        try:
            start = read_partial_date(row.get(self.start_column))
        except ValueError:
            return  # reported under the start's column
        if precision and start and start[1] != precision:
            raise ValueError(
                gettext("Write it as %(column)s is written (%(precision)s).")
                % {"column": self.start_column, "precision": label_of(DatePrecision, start[1])}
            )


class TextWidget(CharWidget):
    """Text, its ends trimmed. An empty cell is "" (None where the column stores NULL for
    "not written", as a translation column does)."""

    def __init__(self, null=False):
        super().__init__(coerce_to_string=True, allow_blank=not null)

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if text:
            return text
        return "" if self.allow_blank else None


class WholeNumberWidget(IntegerWidget):
    """A whole number (12, not 12.5 or "twelve")."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a number cell of a spreadsheet
        text = str(value).strip()
        if isinstance(value, bool) or not WHOLE_NUMBER.match(text):
            raise ValueError(gettext("“%(value)s” is not a whole number.") % {"value": value})
        return int(text.split(".")[0])


class ChoiceWidget(Widget):
    """One of a model field's choices, written as its value ("council_meeting") or its label
    ("Council meeting"); an empty cell takes the field's default."""

    def __init__(self, model_field):
        super().__init__(coerce_to_string=True)
        self.choices = [(str(value), label) for value, label in model_field.flatchoices]
        default = model_field.default
        self.default = "" if default is NOT_PROVIDED else default

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return self.default
        for choice, label in self.choices:
            if text.lower() in (choice.lower(), str(label).lower()):
                return choice
        raise ValueError(
            gettext("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(choice for choice, _label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)
