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
