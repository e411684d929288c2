"""Request encoding helpers shared by dialects: query strings, forms, files."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

__all__ = [
    "FileInput",
    "bracket_fields",
    "drop_none",
    "form_data",
    "form_pairs",
    "form_value",
    "query_value",
    "to_file",
]

FileInput = str | os.PathLike[str] | bytes | IO[bytes] | tuple[str, Any] | tuple[str, Any, str]
"""A file to upload: a path, raw bytes, a binary file object, or
``(filename, content)`` / ``(filename, content, content_type)``."""


def drop_none(**values: Any) -> dict[str, Any]:
    """The keyword arguments that are not ``None``."""
    return {k: v for k, v in values.items() if v is not None}


def query_value(value: Any) -> Any:
    """A Python value as the vendor expects it in a query string or form field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return int(value.timestamp())
    if isinstance(value, date):
        return value.isoformat()
    return value


def bracket_fields(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Flatten nested data into PHP-style bracket names.

    ``{"case": {"custom_fields": {"cf_44": 1}}}`` gives ``case[custom_fields][cf_44]``;
    lists give ``name[0]``, ``name[1]``...
    """
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        if isinstance(value, Mapping):
            out.extend(bracket_fields(value, name))
        elif isinstance(value, (list, tuple)):
            out.extend(bracket_fields({str(i): v for i, v in enumerate(value)}, name))
        elif value is not None:
            out.append((name, query_value(value)))
    return out


def to_file(value: FileInput, *, field: str = "file") -> tuple[str, Any, str]:
    """Normalise a :data:`FileInput` into ``(filename, content, content_type)``.

    A bad value fails here, before anything is sent.
    """
    if isinstance(value, tuple):
        if len(value) not in (2, 3) or not isinstance(value[0], str):
            raise TypeError(f"{field}: a file tuple is (filename, content[, content_type])")
        filename = value[0]
        content = to_file(value[1], field=field)[1] if not isinstance(value[1], bytes) else value[1]
        ctype = value[2] if len(value) == 3 else _guess(filename)
        return filename, content, str(ctype)
    if isinstance(value, (bytes, bytearray)):
        return "upload.bin", bytes(value), "application/octet-stream"
    if isinstance(value, (str, os.PathLike)):
        path = Path(value)
        if not path.is_file():
            raise FileNotFoundError(f"{field}: no such file: {path}")
        return path.name, path.read_bytes(), _guess(path.name)
    if hasattr(value, "read"):
        name = os.path.basename(str(getattr(value, "name", "") or "upload.bin"))
        content = value.read()
        if isinstance(content, str):
            raise TypeError(f"{field}: open the file in binary mode ('rb')")
        return name, content, _guess(name)
    raise TypeError(
        f"{field}: expected a path, bytes or a binary file object, got {type(value).__name__}"
    )


def _guess(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def form_value(value: Any) -> str:
    """One form field's text: booleans as ``true``/``false``, datetimes as Unix time."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return str(int(value.timestamp()))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def form_pairs(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Flatten a body into PHP-style form fields, repeated names kept.

    ``{"basicinfo": {"subject": "x", "ccs": ["a", "b"]}}`` gives
    ``basicinfo[subject]=x``, ``basicinfo[ccs][]=a``, ``basicinfo[ccs][]=b``;
    objects inside lists get their index (``address[0][city]``).
    """
    out: list[tuple[str, str]] = []
    for key, value in data.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        if value is None:
            continue
        if isinstance(value, Mapping):
            out.extend(form_pairs(value, name))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    out.extend(form_pairs(item, f"{name}[{index}]"))
                elif item is not None:
                    out.append((f"{name}[]", form_value(item)))
        else:
            out.append((name, form_value(value)))
    return out


def form_data(pairs: list[tuple[str, Any]] | None) -> dict[str, Any] | None:
    """Form pairs as httpx ``data``: a repeated name becomes a list, which httpx sends
    as repeated fields (``tags[]=a&tags[]=b``) instead of keeping only the last."""
    if not pairs:
        return None
    grouped: dict[str, list[Any]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in grouped.items()}
