"""One-pass decoding: an answer that fits goes from bytes to the model in one
validate_json; one that does not takes the tolerant path, with the same result a
tolerant parse gives."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from cxkit._core.models import parse_model
from cxkit.omnidesk import Omnidesk
from cxkit.omnidesk._dialect import OmnideskDialect
from cxkit.omnidesk.types import Case
from cxkit.thulium import Thulium
from cxkit.thulium._dialect import ThuliumDialect

CASE = {
    "case_id": 2000,
    "subject": "Printer on fire",
    "status": "open",
    "created_at": "Mon, 05 May 2014 00:15:17 +0300",
    "labels": [101, 102],
}


def _desk(body: Any) -> Omnidesk:
    content = json.dumps(body).encode()
    return Omnidesk(
        email="a@b.io",
        api_key="k",
        base_url="https://acme.omnidesk.ru/api",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
    )


def _count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = OmnideskDialect.decode

    def counting(self: OmnideskDialect, op: Any, response: httpx.Response) -> Any:
        calls.append(1)
        return original(self, op, response)

    monkeypatch.setattr(OmnideskDialect, "decode", counting)
    return calls


def test_a_fitting_answer_skips_the_dialects_decode(monkeypatch: pytest.MonkeyPatch) -> None:
    decodes = _count_decodes(monkeypatch)
    case = _desk({"case": CASE}).cases.get(2000)
    assert decodes == []
    assert case == parse_model(Case, CASE, strict=False, vendor="omnidesk")


def test_an_odd_value_takes_the_tolerant_path_and_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    decodes = _count_decodes(monkeypatch)
    case = _desk({"case": {**CASE, "created_at": "whenever"}}).cases.get(2000)
    assert decodes == [1]
    assert case.created_at is None
    assert case.unparsed == {"created_at": "whenever"}


def test_an_unwrapped_answer_still_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    decodes = _count_decodes(monkeypatch)
    assert _desk(CASE).cases.get(2000).case_id == 2000
    assert decodes == [1]


def test_a_fitting_page_is_typed_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    decodes = _count_decodes(monkeypatch)
    body: dict[str, Any] = {str(i): {"case": {**CASE, "case_id": i}} for i in range(3)}
    page = _desk({**body, "total_count": 3}).cases.list()
    assert decodes == []
    assert [c.case_id for c in page.items] == [0, 1, 2]
    assert page.total == 3 and not page.has_next_page()


def test_a_page_with_one_odd_item_is_read_tolerantly(monkeypatch: pytest.MonkeyPatch) -> None:
    decodes = _count_decodes(monkeypatch)
    body = {"0": {"case": CASE}, "1": {"case": {**CASE, "labels": "x"}}, "total_count": 2}
    page = _desk(body).cases.list()
    assert decodes == [1]
    assert page.items[1].unparsed == {"labels": "x"}
    assert page.items[0] == parse_model(Case, CASE, strict=False, vendor="omnidesk")


@pytest.mark.parametrize("counted", [False, True], ids=["bare array", "count and result"])
def test_thulium_pages_in_one_pass(monkeypatch: pytest.MonkeyPatch, counted: bool) -> None:
    decodes: list[int] = []
    original = ThuliumDialect.decode

    def counting(self: ThuliumDialect, op: Any, response: httpx.Response) -> Any:
        decodes.append(1)
        return original(self, op, response)

    monkeypatch.setattr(ThuliumDialect, "decode", counting)
    key = "ticket_id" if counted else "customer_id"
    rows = [{key: i, "subject": f"s{i}"} for i in range(2)]
    content = json.dumps({"count": 5, "result": rows} if counted else rows).encode()
    th = Thulium(
        base_url="https://acme.thulium.com/api",
        username="u",
        password="p",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
    )
    page: Any = th.tickets.list(limit=2) if counted else th.customers.list(limit=2)
    assert [getattr(item, key) for item in page.items] == [0, 1]
    assert page.total == (5 if counted else None)
    assert page.has_next_page()
    assert decodes == []


@pytest.mark.parametrize(
    ("body", "fits"),
    [
        ({"status_code": 9999, "payload": {"x": 1}}, True),
        ({"status_code": "9999", "payload": {"x": 1}}, True),
        ({"status_code": 9001, "payload": {"x": 1}}, False),  # a failure: decode raises it
        ({"payload": {"x": 1}}, False),
    ],
)
def test_omi_one_pass_needs_the_success_code(body: dict[str, Any], fits: bool) -> None:
    from cxkit._core.models import single_pass
    from cxkit.omi import OPERATIONS
    from cxkit.omi._dialect import OmiDialect

    op = next(op for op in OPERATIONS if op.name == "contacts.get")
    answer = OmiDialect().envelope(op)
    assert answer is not None
    decode = single_pass(dict[str, int], answer)
    assert decode is not None
    content = json.dumps(body).encode()
    if fits:
        assert decode(content, None) == {"x": 1}
    else:
        with pytest.raises(ValueError):
            decode(content, None)


@pytest.mark.parametrize(
    ("body", "fits"),
    [
        ({"status": True, "data": {"x": 1}}, True),
        ({"status": 1, "data": {"x": 1}}, True),
        ({"status": False, "data": {"x": 1}}, False),
        ({"stt": True, "data": {"x": 1}}, False),  # read by decode, not in one pass
        ({"status": True}, False),
    ],
)
def test_omnicxm_one_pass_needs_the_success_flag(body: dict[str, Any], fits: bool) -> None:
    from cxkit._core.models import single_pass
    from cxkit.omnicxm import OPERATIONS
    from cxkit.omnicxm._dialect import OmniCXMDialect

    op = next(op for op in OPERATIONS if op.name == "custom_fields.data_sources.get")
    answer = OmniCXMDialect().envelope(op)
    assert answer is not None
    decode = single_pass(dict[str, int], answer)
    assert decode is not None
    content = json.dumps(body).encode()
    if fits:
        assert decode(content, None) == {"x": 1}
    else:
        with pytest.raises(ValueError):
            decode(content, None)


def test_an_omi_lookup_decodes_in_one_pass_and_a_missing_one_is_not_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxkit import APIError
    from cxkit.omi._dialect import OmiDialect
    from cxkit.testing.omi import FakeOmi

    decodes: list[int] = []
    original = OmiDialect.decode

    def counting(self: OmiDialect, op: Any, response: httpx.Response) -> Any:
        decodes.append(1)
        return original(self, op, response)

    monkeypatch.setattr(OmiDialect, "decode", counting)
    omi = FakeOmi().client()
    made = omi.contacts.create(full_name="Nguyen Van A", phones=["0912345678"])
    assert made is not None
    decodes.clear()
    assert omi.contacts.get(made.id).full_name == "Nguyen Van A"
    assert decodes == []
    with pytest.raises(APIError):
        omi.contacts.get("000000000000000000000000")


def test_a_client_per_call_builds_each_decoder_once() -> None:
    from cxkit._core import models

    body: dict[str, Any] = {"0": {"case": CASE}, "total_count": 1}
    _desk(body).cases.list()
    _desk({"case": CASE}).cases.get(2000)
    before = len(models._ADAPTERS)
    for _ in range(20):
        assert _desk(body).cases.list().items[0].case_id == 2000
        assert _desk({"case": CASE}).cases.get(2000).case_id == 2000
    assert len(models._ADAPTERS) == before


def _counting(monkeypatch: pytest.MonkeyPatch, dialect: type[Any]) -> list[str]:
    decodes: list[str] = []
    original = dialect.decode

    def counting(self: Any, op: Any, response: httpx.Response) -> Any:
        decodes.append(op.name if op is not None else "")
        return original(self, op, response)

    monkeypatch.setattr(dialect, "decode", counting)
    return decodes


def _both_ways(monkeypatch: pytest.MonkeyPatch, read: Any) -> tuple[Any, Any]:
    """What ``read()`` gives with one-pass decoders, then with none (the tolerant path)."""
    from cxkit._core.reader import Decoders

    fast = read()
    with monkeypatch.context() as patched:
        patched.setattr(Decoders, "get", lambda self, op, cast_to: None)
        patched.setattr(Decoders, "page", lambda self, op, item: None)
        slow = read()
    return fast, slow


def _omi(payload: Any, status_code: Any = 9999) -> Any:
    from cxkit.omi import Omi

    content = json.dumps({"status_code": status_code, "payload": payload}).encode()
    return Omi(
        base_url="https://public-v1-stg.omicrm.com",
        token="t",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=content)),
    )


GROUP = {"id": "g1", "group_name": "Sales", "group_number": "100", "sip_members": []}


@pytest.mark.parametrize(
    ("extra", "has_next"),
    [
        ({"total_items": 7, "total_pages": 4, "has_next": True, "page_number": 1}, True),
        ({"total_items": 2, "has_next": False, "page_number": 1}, False),
        ({"has_next": True, "page_number": 3}, False),  # another page than asked: stop
    ],
)
def test_omi_pages_in_one_pass(
    monkeypatch: pytest.MonkeyPatch, extra: dict[str, Any], has_next: bool
) -> None:
    from cxkit.omi._dialect import OmiDialect

    decodes = _counting(monkeypatch, OmiDialect)
    payload = {"items": [GROUP, {**GROUP, "id": "g2"}], "page_size": 2, **extra}

    def read() -> tuple[Any, ...]:
        page = _omi(payload).internal_groups.list(size=2)
        return [g.model_dump() for g in page.items], page.total, page.next_page_params

    fast, slow = _both_ways(monkeypatch, read)
    assert decodes == ["internal_groups.list"]  # the tolerant run only
    assert fast == slow
    assert [g["id"] for g in fast[0]] == ["g1", "g2"]
    assert (fast[2] is not None) == has_next


def test_an_omi_page_that_failed_is_raised_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from cxkit import APIError

    with pytest.raises(APIError) as caught:
        _omi({"items": [GROUP], "has_next": False}, status_code=404).internal_groups.list()
    assert caught.value.status_code == 404


@pytest.mark.parametrize(
    "payload",
    [["0901", "0902"], {"items": ["0901", "0902"]}, {"hotlines": ["0901", "0902"]}, None],
    ids=["array", "items", "one list", "null"],
)
def test_omi_lists_in_one_pass(monkeypatch: pytest.MonkeyPatch, payload: Any) -> None:
    from cxkit.omi._dialect import OmiDialect

    decodes = _counting(monkeypatch, OmiDialect)
    fast, slow = _both_ways(monkeypatch, lambda: _omi(payload).hotlines.list(extension="100"))
    assert decodes == ["hotlines.list"]
    assert fast == slow == ([] if payload is None else ["0901", "0902"])


@pytest.mark.parametrize(
    "payload",
    [
        {"id": "c1", "full_name": "Ann"},
        True,  # an answer the docs do not show: no contact, nothing raised
        {"id": "c1", "full_name": "Ann", "created_date": "whenever"},
    ],
    ids=["contact", "true", "odd value"],
)
def test_omi_writes_in_one_pass(monkeypatch: pytest.MonkeyPatch, payload: Any) -> None:
    from cxkit.omi._dialect import OmiDialect

    decodes = _counting(monkeypatch, OmiDialect)

    def read() -> Any:
        made = _omi(payload).contacts.create(full_name="Ann")
        return None if made is None else (made.model_dump(), made.unparsed)

    fast, slow = _both_ways(monkeypatch, read)
    assert fast == slow
    # Read once as JSON in both runs: the tolerant run by decode, the fast one by the
    # envelope's single validate_json (a value that does not fit arrives as JSON).
    assert decodes == ["contacts.create"]
    if isinstance(payload, dict):
        assert fast is not None and fast[0]["id"] == "c1"
        assert fast[1] == ({"created_date": "whenever"} if "created_date" in payload else {})
    else:
        assert fast is None


ROW = {"id": "t1", "ticket_no": "T-1", "title": "Printer on fire", "priority": "high"}


def _cxm(body: dict[str, Any]) -> Any:
    from cxkit.omnicxm import OmniCXM

    content = json.dumps(body).encode()
    login = json.dumps({"status": True, "token": "tok"}).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=login if "login" in request.url.path else content)

    return OmniCXM(
        base_url="https://x.worldfone.vn/api",
        username="u",
        password="p",
        transport=httpx.MockTransport(answer),
    )


@pytest.mark.parametrize(
    ("counts", "has_next"),
    [({"total": 5}, True), ({"totalPage": 1}, False), ({"total_pages": 3}, True), ({}, True)],
)
def test_omnicxm_pages_in_one_pass(
    monkeypatch: pytest.MonkeyPatch, counts: dict[str, Any], has_next: bool
) -> None:
    from cxkit.omnicxm._dialect import OmniCXMDialect

    decodes = _counting(monkeypatch, OmniCXMDialect)
    body = {"status": True, "data": [ROW, {**ROW, "id": "t2"}], **counts}

    def read() -> tuple[Any, ...]:
        page = _cxm(body).tickets.list(take=2)
        return [t.model_dump() for t in page.items], page.total, page.next_page_params

    fast, slow = _both_ways(monkeypatch, read)
    assert fast == slow
    assert [t["id"] for t in fast[0]] == ["t1", "t2"]
    assert (fast[2] is not None) == has_next
    # Each run logs in once; only the tolerant run decodes the page itself.
    assert decodes.count("tickets.list") == 1


def test_an_omnicxm_page_with_a_false_flag_is_raised() -> None:
    from cxkit import APIError

    with pytest.raises(APIError, match="no access"):
        _cxm({"status": False, "error": "no access", "data": [ROW]}).tickets.list()


@pytest.mark.parametrize(
    ("body", "expired"),
    [
        (b'{"status": true, "data": {"status": false, "error": "token expired"}}', False),
        (b'{"status":1}', False),
        (b' {\n "status" : true }', False),
        (b'{"status": false, "error": "Token expired"}', True),
        (b'{"data": 1, "status": false, "code": 401}', True),
        (b'{"status": "false", "error": "invalid token"}', True),
        (b'{"error": "invalid token", "status": false}', True),
        (b'{"status": false, "error": "no access"}', False),
        (b"not json", False),
    ],
)
def test_omnicxm_token_check(body: bytes, expired: bool) -> None:
    """Whether a 2xx answer says the login token expired; an answer that starts with a
    true flag is told without parsing it (the reader parses it once)."""
    from cxkit.omnicxm._dialect import OmniCXMDialect

    assert OmniCXMDialect().needs_reauth(httpx.Response(200, content=body)) is expired


def test_omnicxm_token_check_does_not_parse_a_successful_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxkit.omnicxm import _dialect

    parsed: list[bytes] = []
    monkeypatch.setattr(json, "loads", lambda content, **kw: parsed.append(content))
    dialect = _dialect.OmniCXMDialect()
    assert (
        dialect.needs_reauth(httpx.Response(200, content=b'{"status": true, "data": []}')) is False
    )
    assert parsed == []
    dialect.needs_reauth(httpx.Response(200, content=b'{"data": [], "status": true}'))
    assert parsed == [b'{"data": [], "status": true}']


CHECK = {"module": "tickets", "permission": "view", "response": True}


@pytest.mark.parametrize(
    ("body", "one_pass"),
    [
        ({"status": True, **CHECK}, True),
        ({"status": 1, "stt": 1, **CHECK, "extra": [1]}, True),
        ({**CHECK, "response": "maybe", "status": "ok"}, False),  # an odd value
        ({"stt": True, **CHECK}, True),  # the flag decode reads when status is absent
        ({**CHECK}, False),  # no flag: decode reads it as a success
    ],
    ids=["fits", "both flags", "odd value", "stt", "no flag"],
)
def test_omnicxm_whole_envelope_answers_in_one_pass(
    monkeypatch: pytest.MonkeyPatch, body: dict[str, Any], one_pass: bool
) -> None:
    """An answer without a key to unwrap is the envelope without its flags, as decode
    gives it; one without a true flag takes decode."""
    from cxkit.omnicxm._dialect import OmniCXMDialect

    decodes = _counting(monkeypatch, OmniCXMDialect)

    def read() -> Any:
        check = _cxm(body).permissions.check(module="tickets", permission="view")
        return check.model_dump(), check.unparsed, check.model_extra

    fast, slow = _both_ways(monkeypatch, read)
    assert fast == slow
    assert not {"status", "stt"} & set(fast[2] or {})
    assert decodes.count("permissions.check") == (1 if one_pass else 2)


def test_an_omnicxm_answer_with_a_false_flag_is_raised() -> None:
    from cxkit import APIError

    with pytest.raises(APIError, match="not yours"):
        _cxm({"status": False, "error": "not yours", **CHECK}).permissions.check(
            module="tickets", permission="view"
        )


def test_a_page_object_types_its_items_and_keeps_its_counts() -> None:
    from pydantic import TypeAdapter, ValidationError

    from cxkit._core import page_object

    page = TypeAdapter(page_object(int, "data", kept=("total",), required=("count",)))
    body = b'{"data": [1, "2"], "total": 2, "count": 2, "other": true}'
    assert page.validate_json(body) == {"data": [1, 2], "total": 2, "count": 2}
    assert page.validate_json(b'{"data": [], "count": null}') == {"data": [], "count": None}
    for wrong in (b'{"data": [1]}', b'{"count": 1}', b'{"data": ["x"], "count": 1}'):
        with pytest.raises(ValidationError):
            page.validate_json(wrong)
