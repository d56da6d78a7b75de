"""Read TimelineJS's spreadsheet template saved as CSV.

The template's columns: Year, Month, Day, Time, End Year, End Month, End Day, End Time,
Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
Group, Background (an alt-text column, 'Media Alt' or 'Alt Text', is read when present).
Headers are matched without regard to case or spaces; Year and Headline are required.
A row whose Type is 'title' gives the timeline's title and description; 'era' rows are
periods, not events, and are reported and left out. Time, Display Date, Thumbnail and
Background have no place in events.yaml and are ignored.

Every row that cannot be read is reported with its line and the column of the cell at
fault, all at once.
"""

from __future__ import annotations

import csv
import io
import re

from timeline.exceptions import Problem
from timeline.imports.htmltext import html_to_text, one_line
from timeline.imports.rows import Parsed, Row, Slide, event_fields

COLUMNS = {
    "year": "Year",
    "month": "Month",
    "day": "Day",
    "endyear": "End Year",
    "endmonth": "End Month",
    "endday": "End Day",
    "headline": "Headline",
    "text": "Text",
    "media": "Media",
    "mediacredit": "Media Credit",
    "mediacaption": "Media Caption",
    "mediaalt": "Media Alt",
    "alttext": "Media Alt",
    "type": "Type",
    "group": "Group",
}
# Which cell a message is about, for its column number.
_CELL = (
    ("end date year", "End Year"),
    ("end date month", "End Month"),
    ("end date day", "End Day"),
    ("end date", "End Year"),
    ("start date year", "Year"),
    ("start date month", "Month"),
    ("start date day", "Day"),
    ("start date", "Year"),
    ("no start date", "Year"),
    ("the end date", "End Year"),
    ("no headline", "Headline"),
    ("media", "Media"),
)


def read_sheet(text: str, display: str) -> Parsed:
    parsed = Parsed()
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        parsed.problems.append(Problem(display, 1, 1, "the file is empty"))
        return parsed
    names = {
        re.sub(r"[\s_]+", "", h.strip().lower().lstrip("\ufeff")): i for i, h in enumerate(header)
    }
    index = {COLUMNS[k]: i for k, i in names.items() if k in COLUMNS}
    missing = [c for c in ("Year", "Headline") if c not in index]
    if missing:
        parsed.problems.append(
            Problem(
                display, 1, 1,
                f"not TimelineJS's template: no {' or '.join(repr(m) for m in missing)} column",
                hint="the first row names the columns: Year, Month, Day, ..., Headline, Text, ...",
            )
        )  # fmt: skip
        return parsed
    previous = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            parsed.problems.append(Problem(display, reader.line_num, 1, f"not valid CSV: {err}"))
            break
        line, previous = previous + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        _row(cells, index, line, lines[line - 1] if line <= len(lines) else "", display, parsed)
    return parsed


def _row(
    cells: list[str], index: dict[str, int], line: int, raw: str, display: str, parsed: Parsed
) -> None:
    def cell(name: str) -> str:
        i = index.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    kind = cell("Type").lower()
    if kind == "title":
        parsed.title = one_line(cell("Headline")) or parsed.title
        parsed.description = html_to_text(cell("Text")) or parsed.description
        return
    if kind == "era":
        name = one_line(cell("Headline")) or "an era"
        column = _column(raw, index.get("Type", 0))
        parsed.problems.append(
            Problem(display, line, column, f"era '{name}' is a period, not an event; not imported",
                    severity="warning")
        )  # fmt: skip
        return
    slide = Slide(
        start={"year": cell("Year"), "month": cell("Month"), "day": cell("Day")},
        end={"year": cell("End Year"), "month": cell("End Month"), "day": cell("End Day")},
        headline=cell("Headline"),
        text=cell("Text"),
        media_url=cell("Media"),
        media_alt=cell("Media Alt"),
        media_caption=cell("Media Caption"),
        media_credit=cell("Media Credit"),
        group=cell("Group"),
    )
    entry, errors, warnings = event_fields(slide)
    for message, severity in [(m, "error") for m in errors] + [(m, "warning") for m in warnings]:
        column = _column(raw, index.get(_cell_of(message), 0))
        parsed.problems.append(Problem(display, line, column, message, severity=severity))
    if not errors:
        parsed.rows.append(Row(line, 1, entry, False))


def _cell_of(message: str) -> str:
    if "is not a real day" in message:
        return "End Day" if message.startswith("end") else "Day"
    for start, name in _CELL:
        if message.startswith(start):
            return name
    return "Year"


def _column(raw: str, field: int) -> int:
    """1-based character column where cell ``field`` starts on its line (CSV quoting
    understood); 1 when the record runs over several lines before it."""
    number, quoted = 0, False
    for position, char in enumerate(raw):
        if number == field:
            return position + 1
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            number += 1
        elif char == "\n":
            break
    return len(raw.rstrip("\r\n")) + 1 if number == field else 1
