"""The Reports page's charts: SVG drawn on the server with matplotlib.

Each chart is an SVG document the page shows as an image (``data:`` URL, allowed by the
pages' content security policy), with a text alternative that says what it shows; the
page puts the same figures in a table beside it. Text stays text in the SVG (no glyph
outlines), so it is sharp at any size and the files stay small. matplotlib is imported
on the first chart, not when the pages load, and charts are drawn one at a time:
matplotlib's font and text caches are shared by every thread.
"""

from __future__ import annotations

import base64
import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from optout.domain import EventSource
from optout.services.reports import OPT_OUT_SOURCES, CampaignRow, CountRow, DayRow, Quality
from optout.web import labels

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe and Ito's palette: told apart with every common form of colour blindness.
SOURCE_COLOURS = {
    EventSource.KEYWORD: "#D55E00",
    EventSource.AUTO: "#E69F00",
    EventSource.MANUAL: "#0072B2",
    EventSource.IMPORT: "#009E73",
    EventSource.CONTACT: "#CC79A7",
}
OPT_IN_COLOUR = "#000000"
OUTCOME_COLOURS = {
    "Opted back in": "#D55E00",
    "Kept after review": "#0072B2",
    "Not reviewed": "#E69F00",
}
PRECISION_COLOUR = "#000000"
BAR_COLOUR = "#0072B2"
WIDTH_INCHES = 4.2  # narrow enough that a phone shows the text at a readable size
FONT_SIZE = 11
MOST_BARS = 10
_DRAWING = threading.Lock()
# Text stays text in the SVG; ids are the same on every run.
_STYLE: dict[Any, Any] = {"svg.fonttype": "none", "svg.hashsalt": "optout", "font.size": FONT_SIZE}


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG chart as the page shows it: a ``data:`` URL and its text alternative."""

    url: str
    alt: str


def day_chart(days: Sequence[DayRow]) -> Chart:
    """Return opt-outs per day stacked by source, with opt-ins as a line."""
    totals = {source: sum(day.opt_outs[source] for day in days) for source in OPT_OUT_SOURCES}
    opt_ins = sum(day.opt_ins for day in days)
    with _drawing():
        figure, axes = _figure(3.4)
        positions = list(range(len(days)))
        bottom = [0] * len(days)
        for source in OPT_OUT_SOURCES:
            if totals[source]:
                heights = [day.opt_outs[source] for day in days]
                axes.bar(positions, heights, bottom=bottom, color=SOURCE_COLOURS[source],
                         label=labels.source(source), width=0.8)  # fmt: skip
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        axes.plot(positions, [day.opt_ins for day in days], color=OPT_IN_COLOUR, marker="o",
                  markersize=3, linewidth=1.5, label="Opt-ins")  # fmt: skip
        _day_ticks(axes, days)
        axes.legend(loc="upper left", fontsize=FONT_SIZE - 1, frameon=False, ncols=2)
        url = _svg_url(figure)
    by_source = ", ".join(f"{n} {labels.source(s).lower()}" for s, n in totals.items() if n)
    first, last = days[0].day, days[-1].day
    alt = (
        f"Bar chart of opt-outs per day from {first:%b %d} to {last:%b %d}, stacked by source "
        f"({by_source or 'none'}), with opt-ins as a line ({opt_ins} in all). "
        "The table below lists every day."
    )
    return Chart(url, alt)


def campaign_chart(rows: Sequence[CampaignRow]) -> Chart:
    """Return each campaign's opt-out rate as horizontal bars, the highest on top."""
    shown = list(rows[:MOST_BARS])
    values = [row.rate * 100 for row in shown]
    url = _bars([row.campaign for row in shown], values, "Opt-out rate (%)", "{:.1f}%")
    top = ", ".join(f"{row.campaign} {row.rate:.1%}" for row in shown[:3])
    alt = f"Bar chart of opt-out rate per campaign, highest first: {top}. "
    return Chart(url, alt + "The table below lists every campaign.")


def family_chart(rows: Sequence[CountRow]) -> Chart:
    """Return auto opt-outs per family as horizontal bars, the most frequent on top."""
    shown = list(rows[:MOST_BARS])
    url = _bars([row.name for row in shown], [row.count for row in shown], "Auto opt-outs", "{:g}")
    top = ", ".join(f"{row.name} {row.count}" for row in shown[:3])
    return Chart(url, f"Bar chart of auto opt-outs by reason: {top}. The table below lists all.")


def quality_chart(spans: Sequence[Quality], unit: str) -> Chart:
    """Return measured precision per ``unit`` (day or week) above the auto opt-outs by outcome."""
    with _drawing():
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator, PercentFormatter

        figure = Figure(figsize=(WIDTH_INCHES, 4.4), layout="constrained")
        above, below = figure.subplots(2, 1, sharex=True, height_ratios=(1, 1.2))
        for axes in (above, below):
            axes.spines[["top", "right"]].set_visible(False)
        positions = list(range(len(spans)))
        _precision_line(above, positions, spans)
        above.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        _outcome_bars(below, positions, spans)
        below.yaxis.set_major_locator(MaxNLocator(integer=True))
        below.legend(loc="upper left", fontsize=FONT_SIZE - 1, frameon=False, ncols=2)
        step = max(1, round(len(spans) / 4))
        ticks = list(range(len(spans) - 1, -1, -step))[::-1]
        below.set_xticks(ticks, [f"{spans[i].first:%b %d}" for i in ticks])
        url = _svg_url(figure)
    return Chart(url, _quality_alt(spans, unit))


def _precision_line(axes: Axes, positions: list[int], spans: Sequence[Quality]) -> None:
    """Plot 1 - share undone where there were auto opt-outs; a span without any is a gap."""
    values = [float("nan") if q.share_undone is None else 100 * (1 - q.share_undone) for q in spans]
    axes.plot(positions, values, color=PRECISION_COLOUR, marker="o", markersize=4, linewidth=1.5)
    axes.set_ylim(-5, 105)
    axes.set_ylabel("Precision", fontsize=FONT_SIZE)


def _outcome_bars(axes: Axes, positions: list[int], spans: Sequence[Quality]) -> None:
    parts = {
        "Opted back in": [q.opted_back_in for q in spans],
        "Kept after review": [q.kept_after_review for q in spans],
        "Not reviewed": [q.kept - q.kept_after_review for q in spans],
    }
    bottom = [0] * len(spans)
    for name, heights in parts.items():
        axes.bar(positions, heights, bottom=bottom, color=OUTCOME_COLOURS[name], label=name)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_ylim(0, max(max(bottom), 1) * 1.5)  # room for the legend above the bars
    axes.set_ylabel("Auto opt-outs", fontsize=FONT_SIZE)


def _quality_alt(spans: Sequence[Quality], unit: str) -> str:
    made = sum(q.auto_opt_outs for q in spans)
    undone = sum(q.opted_back_in for q in spans)
    kept = sum(q.kept_after_review for q in spans)
    return (
        f"Chart of auto opt-out quality per {unit} from {spans[0].first:%b %d} to "
        f"{spans[-1].last:%b %d}: measured precision (the share not opted back in) above the "
        f"auto opt-outs by outcome ({made} in all, {undone} opted back in, {kept} kept after "
        f"review). The table below lists every {unit}."
    )


def _bars(names: list[str], values: Sequence[float], axis_label: str, shape: str) -> str:
    with _drawing():
        from matplotlib.ticker import MaxNLocator

        figure, axes = _figure(0.9 + 0.42 * max(len(names), 1))
        positions = list(range(len(names)))
        bars = axes.barh(positions, values, color=BAR_COLOUR, height=0.65)
        axes.bar_label(bars, labels=[shape.format(v) for v in values], padding=3)
        axes.set_yticks(positions, [_short(name) for name in names])
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        axes.set_xlabel(axis_label)
        axes.margins(x=0.18)
        return _svg_url(figure)


def _figure(height: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=FONT_SIZE)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole
    return figure, axes


def _day_ticks(axes: Axes, days: Sequence[DayRow]) -> None:
    step = max(1, round(len(days) / 4))
    ticks = list(range(len(days) - 1, -1, -step))[::-1]  # the last day always labelled
    axes.set_xticks(ticks, [f"{days[i].day:%b %d}" for i in ticks])
    axes.set_ylabel("Per day", fontsize=FONT_SIZE)


def _short(name: str, most: int = 20) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


@contextmanager
def _drawing() -> Iterator[None]:
    """Draw one chart at a time, in the charts' style."""
    from matplotlib import rc_context

    with _DRAWING, rc_context(_STYLE):
        yield


def _svg_url(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
