"""Every Omnidesk operation, called with the seed's example request and answered
with the seed's example response (tests/fixtures/omnidesk/catalog.json)."""

from __future__ import annotations

import email.utils
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from pydantic import BaseModel, SecretStr

from cxkit._core import AsyncPage, CXModel, resolve
from cxkit.omnidesk import (
    AsyncOmnidesk,
    Case,
    ClientEmail,
    Company,
    CustomChannel,
    CustomField,
    Filter,
    Group,
    GroupLeaderboardEntry,
    IdeasCategory,
    KbArticle,
    KbCategory,
    KbSection,
    Label,
    Language,
    Message,
    Staff,
    StaffLeaderboardEntry,
    User,
)

BASE = "https://acme.omnidesk.ru/api"
CATALOG = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "omnidesk" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {e["id"]: e for e in CATALOG["endpoints"]}

GROUP_PREFIX = {
    "case_messages": "cases.messages",
    "case_notes": "cases.notes",
    "case_ideas": "cases.idea",
}

# Ids used in the seed's curl examples.
PATH_VALUES = {
    "case_id": 200,
    "message_id": 2001,
    "label_id": 200,
    "user_id": 200,
    "company_id": 200,
    "group_id": 200,
    "staff_id": 200,
    "category_id": 234,
    "section_id": 10,
    "article_id": 100,
}

# Keyword arguments of operations whose example request is a query string.
QUERY_KWARGS: dict[str, dict[str, Any]] = {
    "cases.list": {
        "limit": 50,
        "page": 2,
        "custom_fields": {"cf_25": "data", "cf_30": "anotherdata"},
        "status": "open",
    },
    "users.list": {"limit": 50, "page": 2, "language_id": 2, "custom_fields": {"cf_20": "data"}},
    "companies.list": {"limit": 50, "page": 2, "amount_of_users": True},
    "kb_sections.list": {"category_id": 1, "limit": 50, "page": 2},
}

MODEL_OF = {
    "cases": Case,
    "cases.messages": Message,
    "cases.notes": Message,
    "cases.idea": Case,
    "filters": Filter,
    "labels": Label,
    "users": User,
    "companies": Company,
    "groups": Group,
    "staff": Staff,
    "custom_fields": CustomField,
    "custom_channels": CustomChannel,
    "languages": Language,
    "kb_categories": KbCategory,
    "kb_sections": KbSection,
    "kb_articles": KbArticle,
    "statistics.staff_leaderboard": StaffLeaderboardEntry,
    "statistics.groups_leaderboard": GroupLeaderboardEntry,
    "ideas_categories": IdeasCategory,
    "client_emails": ClientEmail,
}

# The docs spell this key with a Cyrillic "с" (a keyboard-layout typo); the SDK sends
# the Latin name.
CYRILLIC_COMPANY_USERS = "\u0441ompany_users"


def op_name(catalog_id: str) -> str:
    group, action = catalog_id.split(".", 1)
    return f"{GROUP_PREFIX.get(group, group)}.{action}"


def model_for(name: str) -> type[CXModel]:
    while name not in MODEL_OF:
        name = name.rsplit(".", 1)[0]
    return MODEL_OF[name]


def fill(path: str) -> tuple[str, list[int]]:
    names = re.findall(r"{(\w+)}", path)
    return path.format(**{n: PATH_VALUES[n] for n in names}), [PATH_VALUES[n] for n in names]


def unwrap(body: Any) -> dict[str, Any]:
    assert isinstance(body, dict) and len(body) == 1
    (inner,) = body.values()
    return dict(inner)


def expected_body(endpoint: dict[str, Any]) -> Any:
    body = endpoint["example_request"]["body"]
    if body is None:
        return None
    text = json.dumps(body, ensure_ascii=False).replace(CYRILLIC_COMPANY_USERS, "company_users")
    return json.loads(text)


def kwargs_for(name: str, endpoint: dict[str, Any]) -> dict[str, Any]:
    if name in QUERY_KWARGS:
        return dict(QUERY_KWARGS[name])
    query = endpoint["example_request"]["query"]
    if query:
        return {k: int(v) if v.isdigit() else v for k, v in query.items()}
    body = expected_body(endpoint)
    return unwrap(body) if body is not None else {}


def repaired(raw: str) -> str:
    """The seed's invalid examples made JSON, keeping their shape.

    stats_lb_staff: bare ``84%`` values and a trailing comma (the repeated "staff"
    keys stay: they are what the decoder must cope with); companies list: a missing
    comma before ``amount_of_users`` and missing closing braces of the wrappers.
    """
    text = re.sub(r"(\d+%)", r'"\1"', raw).replace("}, }", "} }")
    text = re.sub(r'"\s+"amount_of_users"', '", "amount_of_users"', text)
    return text.replace('"amount_of_users" : 125 },', '"amount_of_users" : 125 } },')


def response_for(endpoint: dict[str, Any]) -> httpx.Response:
    raw = endpoint["example_response_raw"]
    if raw is not None:
        text = repaired(raw)
        return httpx.Response(200, content=text.encode(), headers={"api_calls_left": "499"})
    if endpoint["example_response"] is None:
        return httpx.Response(200, headers={"api_calls_left": "499"})
    return httpx.Response(200, json=endpoint["example_response"], headers={"api_calls_left": "499"})


def example_entries(endpoint: dict[str, Any]) -> list[dict[str, Any]]:
    raw = endpoint["example_response_raw"]
    if raw is not None:
        pairs = json.loads(repaired(raw), object_pairs_hook=lambda p: p)
        return [unwrap(dict(v)) if k.isdigit() else dict(v) for k, v in pairs if k != "total_count"]
    data = endpoint["example_response"]
    if not any(k.isdigit() for k in data):
        return [dict(v) for v in data.values()]
    keys = sorted((k for k in data if k.isdigit()), key=int)
    return [unwrap(data[k]) for k in keys]


def field_value(model: BaseModel, key: str) -> Any:
    for name, info in type(model).model_fields.items():
        if key in (name, info.alias, info.serialization_alias):
            return getattr(model, name)
    assert model.model_extra is not None and key in model.model_extra, key
    return model.model_extra[key]


def check_model(model: Any, raw: dict[str, Any]) -> None:
    """Every documented value of ``raw`` is on ``model``; dates are aware datetimes."""
    assert isinstance(model, CXModel)
    for key, value in raw.items():
        got = field_value(model, key)
        if key.endswith("_at") and isinstance(value, str):
            assert isinstance(got, datetime) and got.tzinfo is not None, key
            assert got == email.utils.parsedate_to_datetime(value), key
        elif key.endswith("_tstamp"):
            assert isinstance(got, datetime) and got.timestamp() == value
        elif isinstance(value, dict) and isinstance(got, BaseModel):
            check_model(got, value)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            assert len(got) == len(value)
            for item, raw_item in zip(got, value, strict=True):
                check_model(item, raw_item)
        elif isinstance(got, SecretStr):
            assert got.get_secret_value() == value
        else:
            assert got == value, (key, got, value)


def expected_query(name: str, endpoint: dict[str, Any], paged: bool) -> list[tuple[str, str]]:
    kwargs = QUERY_KWARGS.get(name)
    pairs: list[tuple[str, str]] = []
    if kwargs is not None:
        for key, value in kwargs.items():
            if isinstance(value, dict):
                pairs += [(f"{key}[{k}]", str(v)) for k, v in value.items()]
            elif isinstance(value, bool):
                pairs.append((key, "true" if value else "false"))
            else:
                pairs.append((key, str(value)))
    else:
        pairs = list((endpoint["example_request"]["query"] or {}).items())
    if paged:
        keys = {k for k, _ in pairs}
        pairs += [(k, v) for k, v in (("page", "1"), ("limit", "100")) if k not in keys]
    return sorted(pairs)


@pytest.mark.parametrize("catalog_id", sorted(ENDPOINTS))
async def test_operation_with_seed_example(catalog_id: str) -> None:
    endpoint = ENDPOINTS[catalog_id]
    name = op_name(catalog_id)
    path, args = fill(endpoint["path"])
    client = AsyncOmnidesk(domain="acme", email="bot@acme.ru", api_key="k3y", max_retries=0)
    method = resolve(client, name)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.route(method=endpoint["method"], url=BASE + path).mock(
            return_value=response_for(endpoint)
        )
        result: Any = method(*args, **kwargs_for(name, endpoint))
        result = await result
    request = route.calls.last.request
    assert request.method == endpoint["method"]
    assert request.url.path == "/api" + path
    assert request.headers["authorization"].startswith("Basic ")
    paged = isinstance(result, AsyncPage)
    assert sorted(request.url.params.multi_items()) == expected_query(name, endpoint, paged)
    body = expected_body(endpoint)
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == body
    assert client.rate_limit.remaining == 499

    model = model_for(name)
    if endpoint["example_response"] is None and endpoint["example_response_raw"] is None:
        assert result is None
    elif paged or isinstance(result, list):
        items = result.items if paged else result
        entries = example_entries(endpoint)
        assert len(items) == len(entries) > 0
        for item, raw in zip(items, entries, strict=True):
            assert type(item) is model
            check_model(item, raw)
        if paged:
            data = endpoint["example_response"]
            total = 20 if data is None else data.get("total_count")  # companies: raw, 20
            assert result.total == total
    else:
        assert type(result) is model
        check_model(result, unwrap(endpoint["example_response"]))
