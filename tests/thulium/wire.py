"""What the catalog-driven Thulium tests compare: queries as sent, and seed answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

STATUS = {"GET": 200, "POST": 201, "PUT": 204, "DELETE": 204}
"""The status each method answers with in the seed."""

BATCH_GROUPS = frozenset({"customers_batch", "outbounds_batch"})


def expected_query(example: dict[str, Any] | None) -> dict[str, list[str]]:
    """A seed example's query as name -> values."""
    out: dict[str, list[str]] = {}
    for key, value in (example or {}).items():
        out[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return out


def sent_query(request: httpx.Request) -> dict[str, list[str]]:
    """The query a request sent, as name -> values."""
    out: dict[str, list[str]] = {}
    for key, value in request.url.params.multi_items():
        out.setdefault(key, []).append(value)
    return out


def answer_for(endpoint: dict[str, Any], answers: Mapping[str, Any]) -> httpx.Response:
    """The seed's answer to an endpoint (``answers`` fills the ones the seed omits)."""
    status = 207 if endpoint["group"] in BATCH_GROUPS else STATUS[endpoint["method"]]
    body = endpoint["example_response"]
    if body is None:
        body = answers.get(endpoint["id"])
    if body is None:
        return httpx.Response(204 if status == 204 else status)
    return httpx.Response(200 if status == 204 else status, json=body)
