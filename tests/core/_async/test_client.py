"""The client surface: errors, envelopes, pagination, options, escape hatch, fakes."""

from __future__ import annotations

import logging
import platform
from typing import Any

import httpx
import pytest

import cxkit
from cxkit import (
    APIError,
    AsyncPage,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    NotFoundError,
    ResponseValidationError,
)
from cxkit.testing import FakeClock


async def test_get_parses_model_and_dates(client: Any) -> None:
    item = await client.items.get(3)
    assert item.id == 3
    assert item.name == "item 3"
    assert item.created is not None and item.created.tzinfo is not None
    assert item.created.timestamp() == 1700000003


async def test_envelope_failure_with_http_200_raises_typed_error(client: Any, fake: Any) -> None:
    with pytest.raises(NotFoundError) as info:
        await client.items.get(999)
    err = info.value
    assert err.status_code == 404
    assert err.http_status == 200
    assert err.message == "no such item"
    assert err.vendor == "demo"
    assert err.body == {"ok": False, "code": 404, "error": "no such item"}
    assert err.response is not None
    assert str(err) == "demo 404 [404] no such item"


async def test_html_error_page_becomes_readable_error(client: Any, fake: Any) -> None:
    fake.inject(
        status=502,
        body="<html><body><h1>502 Bad Gateway</h1></body></html>",
        content_type="text/html",
        times=3,
    )
    with pytest.raises(InternalServerError) as info:
        await client.items.get(1)
    assert info.value.message == "502 Bad Gateway"
    assert "\n" not in str(info.value)


async def test_malformed_json_raises_response_validation_error(client: Any, fake: Any) -> None:
    fake.inject(malformed=True)
    with pytest.raises(ResponseValidationError) as info:
        await client.items.get(1)
    assert "not valid JSON" in str(info.value)


async def test_odd_value_is_kept_raw_and_unknown_fields_kept(client: Any, fake: Any) -> None:
    fake.items[1]["created"] = "not a date"
    fake.items[1]["colour"] = "teal"
    item = await client.items.get(1)
    assert item.created is None
    assert item.unparsed == {"created": "not a date"}
    assert item.colour == "teal"  # type: ignore[attr-defined]
    assert item.name == "item 1"


async def test_strict_mode_raises_on_mismatch(client: Any, fake: Any) -> None:
    fake.items[1]["created"] = "not a date"
    with pytest.raises(ResponseValidationError):
        await client.with_options(strict=True).items.get(1)


async def test_iterating_a_list_follows_pages_lazily(client: Any, fake: Any) -> None:
    fake.items.update({i: {"id": i, "name": f"n{i}"} for i in range(6, 8)})
    names = [item.id async for item in client.items.list(limit=3)]
    assert names == [1, 2, 3, 4, 5, 6, 7]
    assert [c.url.params["page"] for c in fake.calls] == ["1", "2", "3"]


async def test_first_page_and_next_page(client: Any, fake: Any) -> None:
    page = await client.items.list(limit=2)
    assert isinstance(page, AsyncPage)
    assert [i.id for i in page.items] == [1, 2]
    assert page.total == 5
    assert page.has_next_page()
    second = await page.get_next_page()
    assert [i.id for i in second.items] == [3, 4]
    pages = [p async for p in page.iter_pages()]
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert not pages[-1].has_next_page()


async def test_list_rejects_bad_paging_before_sending(client: Any, fake: Any) -> None:
    with pytest.raises(ValueError, match="limit must be between 1 and 100"):
        client.items.list(limit=500)
    with pytest.raises(ValueError, match="page"):
        client.items.list(page=0)
    assert fake.calls == []


async def test_bad_path_parameter_rejected_before_sending(client: Any, fake: Any) -> None:
    with pytest.raises(ValueError, match="item_id"):
        await client.items.get("")
    assert fake.calls == []


async def test_user_agent_and_default_headers(fake: Any, clock: FakeClock, demo_cls: Any) -> None:
    c = demo_cls(http_client=fake.async_http_client(), clock=clock, default_headers={"X-Team": "a"})
    await c.items.get(1)
    sent = fake.calls[-1]
    ua = sent.headers["user-agent"]
    assert ua == (
        f"cxkit/{cxkit.__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
    )
    assert sent.headers["x-team"] == "a"


async def test_with_options_shares_pool_and_quota(client: Any, fake: Any) -> None:
    other = client.with_options(max_retries=0, timeout=5)
    assert other._client is client._client
    assert other.max_retries == 0 and client.max_retries == 2
    assert other.timeout.read == 5
    assert other.items is not client.items
    assert other.items._client is other
    with pytest.raises(ConfigurationError, match="http_client"):
        client.with_options(http_client=None)


async def test_request_escape_hatch(client: Any, fake: Any) -> None:
    data = await client.request("GET", "/items/2")
    assert data["id"] == 2
    created = await client.request("POST", "/items", json={"name": "raw"})
    assert created["name"] == "raw"
    assert fake.calls[-1].method == "POST"
    with pytest.raises(ValueError):
        await client.request("GET", "items")


async def test_timeout_defaults(client: Any) -> None:
    assert client.timeout.read == 30.0
    assert client.timeout.connect == 10.0


async def test_context_manager_closes_own_pool(demo_cls: Any) -> None:
    async with demo_cls() as c:
        inner = c._client
    assert inner.is_closed


async def test_user_pool_is_not_closed(fake: Any, demo_cls: Any) -> None:
    pool = fake.async_http_client()
    async with demo_cls(http_client=pool):
        pass
    assert not pool.is_closed


async def test_debug_log_lines(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        await client.items.get(1)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1, lines  # one line per attempt, no bodies
    assert lines[0].startswith("demo GET https://demo.test/api/items/1 -> 200 in ")
    assert lines[0].endswith("ms (items.get, attempt 1)")


async def test_bodies_are_logged_only_when_asked_and_redacted(
    client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        await client.with_options(log_bodies=True).items.create(name="a")
    text = caplog.text
    assert '"name": "a"' in text and "item" in text
    assert "s3cr3t" not in text


async def test_errors_are_importable_from_cxkit() -> None:
    assert issubclass(BadRequestError, APIError)
    assert issubclass(cxkit.APITimeoutError, cxkit.APIConnectionError)
    assert issubclass(cxkit.APIConnectionError, cxkit.CXError)
