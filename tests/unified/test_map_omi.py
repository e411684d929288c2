"""OMI mappings on every seed example of the contact and internal phone endpoints (the
``contacts.list`` example is a call record: it maps as a contact and as a call)."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit._core.models import parse_model
from cxkit.omi.types import Contact, ContactSearchResult, InternalPhone
from cxkit.unified import AgentRef, CallDirection
from cxkit.unified._map import omi as m

from .seed import assert_lossless, examples

SEARCH = [(n, r) for n, ex in examples("omi", "contacts.list") for r in ex["payload"]["items"]]
PHONES = [
    (n, r) for n, ex in examples("omi", "internal_phones.list") for r in ex["payload"]["items"]
]
STORED = {  # a contact as the API stores it (``contacts.add`` fields with ``_id`` and dates)
    "_id": "6391f5be232ce4664531e001",
    "fullName": "Ann Smith",
    "phones": [{"data": "0912345678", "type": "personal"}],
    "emails": [{"data": "ann@x.io", "type": "office"}],
    "created_date": 1_700_000_000_000,
    "last_updated_date": 1_700_000_360_000,
}


def parse(model: Any, record: dict[str, Any]) -> Any:
    return parse_model(model, record, strict=False, vendor="omi")


@pytest.mark.parametrize(("endpoint", "record"), SEARCH)
def test_search_item_as_contact_and_call(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(ContactSearchResult, record)
    contact = m.contact(raw)
    assert contact.id == "" and contact.name == record["user"][0]["full_name"]
    assert_lossless(raw, record, contact)
    call = m.call(raw)
    assert call.id == record["transaction_id"]
    assert (call.direction, call.direction_raw) == (CallDirection.OUTBOUND, "outbound")
    assert call.answered is True
    assert (call.from_number, call.to_number) == (
        record["source_number"],
        record["destination_number"],
    )
    assert call.duration_s == record["duration"]
    assert call.recording_url == record["recording_file_url"]
    assert call.started_at is not None
    assert int(call.started_at.timestamp()) == record["time_start_call"]
    assert call.agent == AgentRef(id=record["sip_user"], name=record["create_by"]["name"])
    assert_lossless(raw, record, call)


@pytest.mark.parametrize(("endpoint", "record"), PHONES)
def test_internal_phone_as_agent(endpoint: str, record: dict[str, Any]) -> None:
    raw = parse(InternalPhone, record)
    agent = m.agent(raw)
    assert agent.id == record["sip_user"]
    assert (agent.name, agent.email) == (record["full_name"], record["email"])
    assert_lossless(raw, record, agent)
    assert record["password"] not in agent.to_json()


def test_stored_contact() -> None:
    raw = parse(Contact, STORED)
    contact = m.contact(raw)
    assert (contact.id, contact.name) == (STORED["_id"], "Ann Smith")
    assert (contact.emails, contact.phones) == (["ann@x.io"], ["0912345678"])
    assert contact.created_at is not None
    assert contact.created_at.timestamp() == int(str(STORED["created_date"])) / 1000
    assert_lossless(raw, STORED, contact)
