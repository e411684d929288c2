"""Reading form bodies as a fake server (and a test) sees them."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

import httpx

__all__ = ["FormValue", "parse_form", "unflatten"]

FormValue = str | tuple[str, bytes]
"""A form field's value: text, or a file as ``(filename, bytes)``."""

_NAME = re.compile(r'\bname="([^"]*)"')
_FILENAME = re.compile(r'\bfilename="([^"]*)"')
_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def parse_form(request: httpx.Request) -> list[tuple[str, FormValue]]:
    """The fields of a multipart or urlencoded body, in order, repeats kept.

    Files are ``(filename, bytes)``; any other body gives no fields.
    """
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/x-www-form-urlencoded"):
        return list(parse_qsl(request.content.decode(), keep_blank_values=True))
    boundary = re.search(r"boundary=([^;]+)", ctype)
    if not ctype.startswith("multipart/") or boundary is None:
        return []
    out: list[tuple[str, FormValue]] = []
    for part in request.content.split(b"--" + boundary.group(1).strip('"').encode()):
        part = part.strip(b"\r\n")
        if not part or part == b"--":
            continue
        head, _, content = part.partition(b"\r\n\r\n")
        disposition = head.decode("utf-8", "replace")
        name, filename = _NAME.search(disposition), _FILENAME.search(disposition)
        if name is None:
            continue
        value = (filename.group(1), content) if filename else content.decode("utf-8", "replace")
        out.append((name.group(1), value))
    return out


def unflatten(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Bracket names as nested values: ``case[custom_fields][cf_44]=3`` ->
    ``{"case": {"custom_fields": {"cf_44": "3"}}}``; ``x[]`` and ``x[0]``, ``x[1]``
    make lists."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        match = _KEY.match(key)
        if match is None:
            out[key] = value
            continue
        names = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = out
        for i, name in enumerate(names[:-1]):
            child = node.get(name)
            if not isinstance(child, dict):
                child = node[name] = {}
            if names[i + 1] == "":
                names[i + 1] = str(len(child))
            node = child
        node[names[-1]] = value
    result = _listify(out)
    return result if isinstance(result, dict) else {}


def _listify(value: Any) -> Any:
    if isinstance(value, dict):
        value = {k: _listify(v) for k, v in value.items()}
        if value and all(re.fullmatch(r"\d+", k) for k in value):
            return [value[k] for k in sorted(value, key=int)]
    return value
