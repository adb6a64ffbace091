"""How a spreadsheet cell is read and written: dates known in part, whole numbers, choices."""

import datetime

import pytest

from events.models import Meeting
from otscoop.choices import DatePrecision
from otscoop.spreadsheets.cells import (
    ChoiceWidget,
    WholeNumberWidget,
    read_partial_date,
    write_partial_date,
)


@pytest.mark.parametrize(
    ("cell", "date", "precision"),
    [
        ("2019-10-15", datetime.date(2019, 10, 15), DatePrecision.DAY),
        ("2019-10", datetime.date(2019, 10, 1), DatePrecision.MONTH),
        ("2019", datetime.date(2019, 1, 1), DatePrecision.YEAR),
        ("about 2019-10-15", datetime.date(2019, 10, 15), DatePrecision.APPROXIMATE),
        (" About 2019-10-15 ", datetime.date(2019, 10, 15), DatePrecision.APPROXIMATE),
        (2019, datetime.date(2019, 1, 1), DatePrecision.YEAR),  # a number cell of a spreadsheet
        (datetime.datetime(2019, 10, 15), datetime.date(2019, 10, 15), DatePrecision.DAY),
        (datetime.date(2019, 10, 15), datetime.date(2019, 10, 15), DatePrecision.DAY),
    ],
)
def test_a_date_cell_is_read_at_the_precision_it_is_written_and_written_back_the_same(
    cell, date, precision
):
    assert read_partial_date(cell) == (date, precision)
    assert read_partial_date(write_partial_date(date, precision)) == (date, precision)


@pytest.mark.parametrize("cell", [None, "", "  "])
def test_an_empty_date_cell_is_no_date(cell):
    assert read_partial_date(cell) is None
    assert write_partial_date(None) == ""


@pytest.mark.parametrize(
    "cell", ["2019-13", "2019-02-30", "15.10.2019", "October 2019", "about 2019-10", "0000", "19"]
)
def test_a_cell_that_is_no_date_is_refused_with_the_forms_a_date_takes(cell):
    with pytest.raises(ValueError, match="2019-10-15") as error:
        read_partial_date(cell)

    assert cell in str(error.value)


def test_dates_are_written_as_the_import_reads_them():
    day = datetime.date(2019, 10, 15)

    assert [write_partial_date(day, precision) for precision in DatePrecision.values] == [
        "2019-10-15",
        "2019-10",
        "2019",
        "about 2019-10-15",
    ]


@pytest.mark.parametrize(("cell", "number"), [("12", 12), (12, 12), (12.0, 12), (" 7 ", 7)])
def test_a_whole_number_cell_is_read(cell, number):
    assert WholeNumberWidget().clean(cell) == number


@pytest.mark.parametrize("cell", ["twelve", "12.5", 12.5, "1e400000"])
def test_a_cell_that_is_no_whole_number_is_refused(cell):
    with pytest.raises(ValueError, match="is not a whole number"):
        WholeNumberWidget().clean(cell)


def test_a_choice_is_read_by_its_value_or_its_label_and_an_empty_cell_takes_the_default():
    widget = ChoiceWidget(Meeting._meta.get_field("status"))

    assert widget.clean("postponed") == widget.clean("Postponed") == "postponed"
    assert widget.clean("") == widget.clean(None) == "held"
    with pytest.raises(ValueError, match="scheduled, held, postponed, cancelled"):
        widget.clean("called off")
