"""Bar charts drawn on the server as SVG from counts, each with its text equivalent: a table of the
same numbers. templates/includes/bar_chart.html draws what `Chart` computes; nothing runs in the
browser.

Rows run down the chart (a year or a state each) and bars across, as in the table: every row's
label stays legible at a phone's width, and more rows make the chart taller, never wider.
Lengths across are percentages of the chart's width (the SVG takes its container's width) and
lengths down are pixels, so the text keeps its size at every width. The series are told apart
without colour: each has a fill pattern of its own (solid, hatched, dotted) shown in the legend,
and each bar has its number written at its end (a stack of series: its total).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# The longest bar, in percent of the chart's width: its number and the row labels fit beside it
# down to a 250-pixel-wide chart.
PLOT_WIDTH = 72.0
# Pixels: the row labels' column (years), left of the bars.
LABEL_COLUMN = 44
# Pixels: a row's label on a line of its own above its bars (names of any length).
LABEL_LINE = 18
BAR_HEIGHT = {True: 14, False: 9}  # a stack; each bar of a group
PATTERNS = 3  # the fills bar_chart.html defines: solid, hatched, dotted
BAR_GAP = 2
ROW_GAP = 8


@dataclass(frozen=True)
class Series:
    """One kind of count: its key (kept in the SVG's data attributes) and its label."""

    key: str
    label: str


@dataclass
class Bar:
    series: Series
    index: int  # the series' place: its pattern
    value: int
    x: str  # percent, as text (never localized by the template)
    width: str
    y: int
    height: int


@dataclass
class Row:
    label: str
    values: list[int]
    url: str = ""  # the page of what the row counts, linked from the table
    bars: list[Bar] = field(default_factory=list)
    y: int = 0  # top of the row
    label_y: int = 0  # baseline of its label
    numbers: list[tuple[str, int, int]] = field(default_factory=list)  # (x %, baseline, value)

    @property
    def total(self) -> int:
        return sum(self.values)


def percent(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


@dataclass
class Chart:
    """A horizontal bar chart: `rows` of counts, one per series; stacked or side by side.

    `undated`: the counts no row holds (e.g. records without a date), one per series, which the
    table names on a row of their own (`undated_label`) and the bars cannot show.
    """

    slug: str  # unique on the page: the ids of the figure's parts
    title: str
    caption: str
    description: str
    row_heading: str
    series: list[Series]
    rows: list[Row]
    stacked: bool = False
    labels_above: bool = False
    undated: list[int] | None = None
    undated_label: str = ""
    empty: str = ""

    def __post_init__(self):
        if len(self.series) > PATTERNS:
            raise ValueError(f"a chart tells {PATTERNS} series apart, not {len(self.series)}")
        self.height = self.lay_out()

    def lay_out(self) -> int:
        """Place the bars and their numbers; return the chart's height in pixels."""
        tallest = max(
            (row.total if self.stacked else max(row.values, default=0) for row in self.rows),
            default=0,
        )
        scale = PLOT_WIDTH / max(tallest, 1)
        bar = BAR_HEIGHT[self.stacked]
        bars_height = bar if self.stacked else len(self.series) * (bar + BAR_GAP) - BAR_GAP
        y = ROW_GAP // 2
        for row in self.rows:
            row.y = y
            top = y + (LABEL_LINE if self.labels_above else 0)
            row.label_y = y + 13 if self.labels_above else top + bars_height // 2 + 4
            start = 0.0
            for index, (series, value) in enumerate(zip(self.series, row.values, strict=True)):
                bar_y = top if self.stacked else top + index * (bar + BAR_GAP)
                if value:
                    width = percent(value * scale)
                    row.bars.append(Bar(series, index, value, percent(start), width, bar_y, bar))
                if self.stacked:
                    start += value * scale
                elif value:
                    row.numbers.append((percent(value * scale), bar_y + bar - 1, value))
            if self.stacked and row.total:
                row.numbers.append((percent(start), top + bar - 3, row.total))
            y = top + bars_height + ROW_GAP
        return y - ROW_GAP // 2

    @property
    def left(self) -> int:
        """Pixels left of the bars: the labels' column, unless the labels stand above."""
        return 0 if self.labels_above else LABEL_COLUMN

    @property
    def totals(self) -> list[int]:
        """Each series' total over the rows and the undated counts."""
        columns = [row.values for row in self.rows] + ([self.undated] if self.undated else [])
        return [sum(values) for values in zip(*columns, strict=True)] if columns else []

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def undated_total(self) -> int:
        return sum(self.undated or ())

    @property
    def has_numbers(self) -> bool:
        return bool(self.rows or self.undated)


def year_rows(
    counts: Mapping[tuple[int | None, str], int], series: Iterable[Series]
) -> tuple[list[Row], list[int] | None]:
    """Rows of counts by year, from {(year or None, series key): count}: one row a year from the
    first to the last (a year without a record shows as 0), and the counts without a year apart
    (None when there are none)."""
    keys = [item.key for item in series]
    years = sorted({year for year, _key in counts if year is not None})
    rows = (
        [
            Row(str(year), [counts.get((year, key), 0) for key in keys])
            for year in range(years[0], years[-1] + 1)
        ]
        if years
        else []
    )
    undated = [counts.get((None, key), 0) for key in keys]
    return rows, undated if any(undated) else None
