"""Printing results: a rich table for people, JSON, JSON Lines or CSV for machines."""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from .._core import CXModel

__all__ = ["Format", "as_record", "dumps_line", "flatten", "render"]


class Format(str, enum.Enum):
    """How a command prints what it got."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


MAX_COLUMNS = 8
"""Columns a table shows when ``--columns`` does not choose them."""
MAX_CELL = 60


def as_record(value: Any) -> Any:
    """``value`` as plain JSON-ready data: models by their vendor field names, datetimes
    as ISO 8601 text (credential fields masked, as in ``model.to_dict(mode="json")``).

    A value the vendor sent that did not fit its field (kept in ``model.unparsed``) is
    written as sent, so an export loses nothing the vendor said."""
    if isinstance(value, CXModel):
        record = value.to_dict(mode="json")
        for key, sent in value.unparsed.items():
            record[key] = as_record(sent)
        return record
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): as_record(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [as_record(v) for v in value]
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def dumps_line(record: Any) -> str:
    """One JSON Lines line (with its newline) for a plain record."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted columns (``basicinfo.subject``); lists stay whole."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def _columns(
    rows: Sequence[Mapping[str, Any]], chosen: Sequence[str] | None, width: int
) -> list[str]:
    """``chosen``, else the columns with a filled scalar somewhere, in order, as many
    as fit in ``width`` at their natural widths (at least two)."""
    if chosen:
        return list(chosen)
    seen: dict[str, bool] = {}
    for row in rows:
        for key, value in row.items():
            scalar = not isinstance(value, (dict, list))
            # 0 and False are what many vendors send for "not set": not worth a column
            filled = value not in (None, "", 0, [], {}) and value is not False
            seen[key] = seen.get(key, False) or (scalar and filled)
    candidates = [key for key, useful in seen.items() if useful] or list(seen)
    columns: list[str] = []
    used = 1
    for key in candidates[:MAX_COLUMNS]:
        natural = max([len(key), *(len(_cell(row.get(key))) for row in rows)]) + 3
        if columns and len(columns) >= 2 and used + natural > width:
            break
        columns.append(key)
        used += natural
    return columns


def _table(
    rows: Sequence[Mapping[str, Any]], chosen: Sequence[str] | None, title: str, width: int
) -> Table:
    columns = _columns(rows, chosen, width)
    table = Table(title=title or None, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table


def _fields(record: Mapping[str, Any]) -> Table:
    table = Table(show_header=True)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    for key, value in record.items():
        table.add_row(key, _cell(value) if not isinstance(value, (dict, list)) else _full(value))
    return table


def _full(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _csv(rows: Iterable[Any], chosen: Sequence[str] | None) -> str:
    records = [flatten(r) if isinstance(r, Mapping) else {"value": r} for r in rows]
    columns = list(chosen) if chosen else list(dict.fromkeys(k for r in records for k in r))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            [
                _full(v) if isinstance(v, (dict, list)) else ("" if v is None else v)
                for v in (record.get(c) for c in columns)
            ]
        )
    return out.getvalue()


def render(
    console: Console,
    result: Any,
    fmt: Format,
    *,
    many: bool,
    columns: Sequence[str] | None = None,
    title: str = "",
) -> None:
    """Print ``result`` (a list of records when ``many``, else one value) in ``fmt``."""
    data = as_record(result)
    if fmt is Format.json:
        console.file.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    rows = data if many and isinstance(data, list) else [data]
    if fmt is Format.jsonl:
        for row in rows if many else [data]:
            console.file.write(dumps_line(row))
        return
    if fmt is Format.csv:
        console.file.write(_csv(rows, columns))
        return
    if many:
        records = [flatten(r) if isinstance(r, Mapping) else {"value": r} for r in rows]
        console.print(_table(records, columns, title, console.width))
    elif isinstance(data, Mapping):
        console.print(_fields(data))
    elif data is None:
        console.print("[green]done[/green]")
    else:
        console.print(_full(data) if isinstance(data, (dict, list)) else str(data))
