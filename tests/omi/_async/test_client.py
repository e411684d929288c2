"""OMI client behaviour: configuration, token provider, envelope errors, paging, bad input."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from cxkit._core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from cxkit.omi import AsyncOmi, Greeting, InternalGroup
from cxkit.testing import FakeClock

BASE = "https://omi.example.vn"
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 16


def make(**options: Any) -> AsyncOmi:
    options.setdefault("max_retries", 0)
    return AsyncOmi(base_url=BASE, token="tok-123", **options)


def envelope(payload: Any = None, status_code: Any = 9999, **extra: Any) -> dict[str, Any]:
    return {"status_code": status_code, "instance_id": "stg", "payload": payload, **extra}


def groups_page(page: int, pages: int, per: int = 2) -> dict[str, Any]:
    items = [{"_id": f"g{page}-{i}", "group_name": f"G {page}.{i}"} for i in range(per)]
    return envelope(
        {
            "items": items,
            "page_number": page,
            "page_size": per,
            "total_items": pages * per,
            "total_pages": pages,
            "has_next": page < pages,
            "next_page": page + 1 if page < pages else 1,
            "has_previous": page > 1,
            "previous_page": max(1, page - 1),
            "extension": None,
        },
        instance_version="1.2.163",
        key_enabled=False,
    )


# -- configuration ------------------------------------------------------------


def test_base_url_is_the_host_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMI_BASE_URL", raising=False)
    assert make().base_url == BASE
    assert AsyncOmi(base_url=f"{BASE}/api/", token="t").base_url == BASE
    assert repr(make()) == f"AsyncOmi(base_url='{BASE}')"


def test_env_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMI_BASE_URL", "https://env.omi.vn")
    monkeypatch.setenv("OMI_TOKEN", "env-token")
    omi = AsyncOmi()
    assert omi.base_url == "https://env.omi.vn"
    assert "env-token" not in repr(omi) and "env-token" not in repr(omi._auth)


@pytest.mark.parametrize(("missing", "env"), [("base_url", "OMI_BASE_URL"), ("token", "OMI_TOKEN")])
def test_missing_setting_is_named(monkeypatch: pytest.MonkeyPatch, missing: str, env: str) -> None:
    monkeypatch.delenv("OMI_BASE_URL", raising=False)
    monkeypatch.delenv("OMI_TOKEN", raising=False)
    kwargs = {"base_url": BASE, "token": "t"}
    del kwargs[missing]
    with pytest.raises(ConfigurationError, match=env):
        AsyncOmi(**kwargs)


def test_plain_http_refused() -> None:
    with pytest.raises(ConfigurationError, match="http"):
        AsyncOmi(base_url="http://omi.example.vn", token="t")


@respx.mock
async def test_pasted_bearer_header_value_is_accepted() -> None:
    route = respx.get(f"{BASE}/api/call_center/hotline/list").mock(
        return_value=httpx.Response(200, json=envelope([]))
    )
    await AsyncOmi(base_url=BASE, token='Bearer "abc-123"').hotlines.list(extension="1")
    assert route.calls.last.request.headers["authorization"] == "Bearer abc-123"


@respx.mock
async def test_token_provider_called_per_request_and_never_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    tokens = iter(["rotating-token-1", "rotating-token-2"])
    calls: list[str] = []

    def provider() -> str:
        calls.append("x")
        return next(tokens)

    route = respx.get(f"{BASE}/api/call_center/hotline/list").mock(
        return_value=httpx.Response(200, json=envelope(["0241"]))
    )
    token: Callable[[], str] = provider
    omi = AsyncOmi(base_url=BASE, token=token, max_retries=0)
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        await omi.hotlines.list(extension="1")
        await omi.hotlines.list(extension="1")
    assert len(calls) == 2
    sent = [c.request.headers["authorization"] for c in route.calls]
    assert sent == ["Bearer rotating-token-1", "Bearer rotating-token-2"]
    shown = repr(omi) + repr(omi._auth) + caplog.text
    assert caplog.text and "rotating-token" not in shown


@respx.mock
async def test_token_provider_returning_nothing_fails_clearly() -> None:
    respx.get(f"{BASE}/api/call_center/hotline/list").mock(
        return_value=httpx.Response(200, json=envelope([]))
    )
    omi = AsyncOmi(base_url=BASE, token=lambda: "", max_retries=0)
    with pytest.raises(ValueError, match="no token"):
        await omi.hotlines.list(extension="1")


# -- envelope and HTTP errors ---------------------------------------------------


@respx.mock
@pytest.mark.parametrize(
    ("status_code", "cls", "mapped"),
    [
        (404, NotFoundError, 404),
        ("401", AuthenticationError, 401),
        (403, PermissionDeniedError, 403),
        (429, RateLimitError, 429),
        (500, InternalServerError, 500),
        (-1, BadRequestError, 400),
        (1001, BadRequestError, 400),
        ("CONTACT_NOT_FOUND", BadRequestError, 400),
    ],
)
async def test_envelope_failure_with_http_200(
    status_code: Any, cls: type[APIError], mapped: int
) -> None:
    respx.get(f"{BASE}/api/contacts/details/c1").mock(
        return_value=httpx.Response(
            200, json=envelope(None, status_code, message="Không tìm thấy khách hàng")
        )
    )
    with pytest.raises(cls) as info:
        await make().contacts.get("c1")
    err = info.value
    assert err.vendor == "omi" and err.status_code == mapped and err.http_status == 200
    assert str(err.code) == str(status_code).strip()
    assert err.message == "Không tìm thấy khách hàng"
    assert isinstance(err.body, dict) and err.body["status_code"] == status_code


@respx.mock
async def test_envelope_failure_without_message_names_the_code() -> None:
    respx.get(f"{BASE}/api/contacts/details/c1").mock(
        return_value=httpx.Response(200, json={"status_code": 7, "payload": None})
    )
    with pytest.raises(BadRequestError) as info:
        await make().contacts.get("c1")
    assert info.value.code == 7 and "7" in info.value.message


@respx.mock
async def test_envelope_message_inside_payload() -> None:
    respx.post(f"{BASE}/api/call_center/internal_group/add").mock(
        return_value=httpx.Response(200, json=envelope({"msg": "Tên nhóm đã tồn tại"}, 409))
    )
    with pytest.raises(APIError) as info:
        await make().internal_groups.create(group_name="x", sip_members=["100"])
    assert info.value.status_code == 409 and info.value.message == "Tên nhóm đã tồn tại"


@respx.mock
@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "message"),
    [
        (
            401,
            envelope(None, 401, message="Token hết hạn"),
            AuthenticationError,
            401,
            "Token hết hạn",
        ),
        (400, envelope("Thiếu tham số"), BadRequestError, None, "Thiếu tham số"),
        (500, envelope(None, -9, error="boom"), InternalServerError, -9, "boom"),
        (502, "<html><body>Bad gateway</body></html>", InternalServerError, None, "Bad gateway"),
    ],
)
async def test_http_error_statuses(
    status: int, body: Any, cls: type[APIError], code: Any, message: str
) -> None:
    response = (
        httpx.Response(status, text=body)
        if isinstance(body, str)
        else httpx.Response(status, json=body)
    )
    respx.get(f"{BASE}/api/contacts/details/c1").mock(return_value=response)
    with pytest.raises(cls) as info:
        await make().contacts.get("c1")
    assert info.value.status_code == status and info.value.code == code
    assert message in info.value.message


@respx.mock
async def test_envelope_variants_are_tolerated() -> None:
    # instance_name instead of instance_version, no key_enabled, status_code as a string.
    respx.get(f"{BASE}/api/call_center/hotline/list").mock(
        return_value=httpx.Response(
            200, json={"status_code": "9999", "instance_name": "DESKTOP", "payload": ["1"]}
        )
    )
    assert await make().hotlines.list(extension="1") == ["1"]


@respx.mock
async def test_token_not_echoed_in_errors() -> None:
    respx.get(f"{BASE}/api/contacts/details/c1").mock(
        return_value=httpx.Response(200, json=envelope(None, 401, message="bad token tok-123"))
    )
    with pytest.raises(AuthenticationError) as info:
        await make().contacts.get("c1")
    assert "tok-123" not in str(info.value)


@respx.mock
async def test_search_is_retried_on_5xx_but_add_is_not() -> None:
    clock = FakeClock()
    search = respx.post(f"{BASE}/api/contacts/list").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json=groups_page(1, 1))]
    )
    omi = make(max_retries=2, clock=clock)
    page = await omi.contacts.list(keyword="a")
    assert search.call_count == 2 and len(page.items) == 2 and len(clock.sleeps) == 1
    add = respx.post(f"{BASE}/api/contacts/add").mock(return_value=httpx.Response(503))
    with pytest.raises(InternalServerError):
        await omi.contacts.create(full_name="A")
    assert add.call_count == 1


# -- paging -------------------------------------------------------------------


@respx.mock
async def test_paging_follows_has_next() -> None:
    route = respx.get(f"{BASE}/api/call_center/internal_group/list").mock(
        side_effect=[httpx.Response(200, json=groups_page(n, 3)) for n in (1, 2, 3)]
    )
    names = [g.group_name async for g in make().internal_groups.list(size=2)]
    assert names == ["G 1.0", "G 1.1", "G 2.0", "G 2.1", "G 3.0", "G 3.1"]
    assert [dict(c.request.url.params) for c in route.calls] == [
        {"page": "1", "size": "2"},
        {"page": "2", "size": "2"},
        {"page": "3", "size": "2"},
    ]


@respx.mock
async def test_paging_keeps_the_search_body_on_every_page() -> None:
    route = respx.post(f"{BASE}/api/contacts/list").mock(
        side_effect=[httpx.Response(200, json=groups_page(n, 2)) for n in (1, 2)]
    )
    page = await make().contacts.list(keyword="0912", page=1, size=2)
    assert page.has_next_page()
    second = await page.get_next_page()
    assert not second.has_next_page()
    assert [c.request.content for c in route.calls] == [b'{"keyword":"0912"}'] * 2
    assert route.calls[1].request.url.params["page"] == "2"


@respx.mock
async def test_paging_stops_when_the_server_ignores_page() -> None:
    # A server that always answers page 1 with has_next true must not loop forever.
    respx.get(f"{BASE}/api/call_center/greeting/list").mock(
        return_value=httpx.Response(200, json=groups_page(1, 5))
    )
    items = [g async for g in make().greetings.list()]
    # The repeated page is recognised and not yielded twice.
    assert len(items) == 2 and all(isinstance(g, Greeting) for g in items)


@respx.mock
async def test_paging_trusts_has_next_not_next_page() -> None:
    data = groups_page(1, 1)
    data["payload"]["next_page"] = 2  # contradicts has_next=false
    route = respx.get(f"{BASE}/api/call_center/internal_group/list").mock(
        return_value=httpx.Response(200, json=data)
    )
    items = [g async for g in make().internal_groups.list()]
    assert len(items) == 2 and route.call_count == 1
    assert all(isinstance(g, InternalGroup) for g in items)


# -- bad input fails before any request -----------------------------------------


async def _gender(o: AsyncOmi) -> Any:
    return await o.contacts.create(full_name="A", gender="robot")  # type: ignore[arg-type]


BAD_CALLS: list[tuple[str, Callable[[AsyncOmi], Any], type[Exception]]] = [
    ("empty add", lambda o: o.contacts.create(), ValueError),
    ("gender", _gender, ValueError),
    ("birthday format", lambda o: o.contacts.create(birthday="1990-05-04"), ValueError),
    ("update without ref_id", lambda o: o.contacts.update(ref_id=" "), ValueError),
    ("add_many empty", lambda o: o.contacts.create_many([]), ValueError),
    ("add_many not a list", lambda o: o.contacts.create_many({"fullName": "A"}), TypeError),  # type: ignore[arg-type]
    ("note without content", lambda o: o.contacts.add_note(phone="0912"), ValueError),
    (
        "note both forms",
        lambda o: o.contacts.add_note(phone="1", content="x", notes=[]),
        ValueError,
    ),
    ("get without key", lambda o: o.contacts.find(), ValueError),
    ("empty id", lambda o: o.contacts.get(""), ValueError),
    ("delete empty id", lambda o: o.contacts.delete(" "), ValueError),
    ("filters not a list", lambda o: o.contacts.list(filters={"field_code": "x"}), TypeError),  # type: ignore[arg-type]
    ("filter without code", lambda o: o.contacts.list(filters=[{"value": ["a"]}]), ValueError),
    ("page zero", lambda o: o.contacts.list(page=0), ValueError),
    ("size zero", lambda o: o.greetings.list(size=0), ValueError),
    (
        "status not bool",
        lambda o: o.internal_phones.update_status(sip_user="1", enabled="yes"),
        TypeError,
    ),  # type: ignore[arg-type]
    ("hotline without extension", lambda o: o.hotlines.list(extension=""), ValueError),
    ("detail without type", lambda o: o.extensions.find(type="", keyword="k"), ValueError),
    (
        "strategy",
        lambda o: o.internal_groups.create(group_name="g", sip_members=["1"], strategy="all"),  # type: ignore[arg-type]
        ValueError,
    ),
    (
        "members as string",
        lambda o: o.internal_groups.create(group_name="g", sip_members="100"),
        ValueError,
    ),
    ("no members", lambda o: o.internal_groups.add_members("g1", sip_users=[]), ValueError),
    (
        "timeout",
        lambda o: o.internal_groups.create(group_name="g", sip_members=["1"], ring_timeout=0),
        ValueError,
    ),
    (
        "script without key",
        lambda o: o.key_interactions.create(
            script_name="s", greeting_id="g", scripts=[{"action": "x"}]
        ),
        ValueError,
    ),
    ("wav upload", lambda o: o.greetings.upload(("a.wav", b"RIFF....WAVE")), ValueError),
    ("fake mp3", lambda o: o.greetings.upload(("a.mp3", b"not audio")), ValueError),
    ("mp3 bytes named wav", lambda o: o.greetings.upload(("a.wav", MP3)), ValueError),
    (
        "tts too long",
        lambda o: o.greetings.text_to_speech(greeting_name="g", text="x" * 301),
        ValueError,
    ),
    (
        "tts speed",
        lambda o: o.greetings.text_to_speech(greeting_name="g", text="x", speed=4),
        ValueError,
    ),
    ("tts no name", lambda o: o.greetings.text_to_speech(greeting_name="", text="x"), ValueError),
]


@pytest.mark.parametrize(("label", "call", "error"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
async def test_bad_input_rejected_before_any_request(
    label: str, call: Callable[[AsyncOmi], Any], error: type[Exception]
) -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.route().mock(return_value=httpx.Response(200, json=envelope(None)))
        with pytest.raises(error):
            result = call(make())
            if hasattr(result, "__await__"):
                await result
    assert route.call_count == 0, label


@respx.mock
async def test_bytes_upload_is_named_mp3() -> None:
    route = respx.post(f"{BASE}/api/call_center/greeting/upload").mock(
        return_value=httpx.Response(200, json=envelope(None))
    )
    assert await make().greetings.upload(MP3) is None
    assert b'filename="greeting.mp3"' in route.calls.last.request.content


@pytest.mark.parametrize("size", [0, 201, 100_000])
async def test_page_size_is_bounded_before_sending(size: int) -> None:
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route()
        with pytest.raises(ValueError, match="size"):
            await make().contacts.list(size=size)
    assert route.call_count == 0


async def test_a_misspelt_contact_field_is_refused_before_sending() -> None:
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route()
        with pytest.raises(ValueError, match="fullname"):
            await make().contacts.create_many([{"fullname": "typo"}])
    assert route.call_count == 0
