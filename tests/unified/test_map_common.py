"""The pieces every mapping shares: table readers, shared refs, unvalidated construction."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from cxkit.omnidesk.types import Case
from cxkit.unified import AgentRef, Contact, ContactRef, Ticket, TicketPriority, TicketStatus
from cxkit.unified._map import _common
from cxkit.unified._map._common import Reader, agent_ref, contact_ref, read_value, texts
from cxkit.unified._query import TicketQuery, contact_matches

TABLE = {"open": TicketStatus.OPEN, "done": TicketStatus.CLOSED}


def test_a_reader_answers_as_read_value_and_logs_an_odd_value_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reader = Reader("acme", "status", TABLE, TicketStatus.OPEN)
    for value in ("open", "Done", " DONE ", "weird-reader-value"):
        assert reader[value] == read_value("acme", "status", value, TABLE, TicketStatus.OPEN)
    with caplog.at_level(logging.WARNING, logger="cxkit.unified"):
        answers = [reader["odd-reader-value"] for _ in range(3)]
    assert answers == [(TicketStatus.OPEN, "odd-reader-value")] * 3
    assert len([r for r in caplog.records if "odd-reader-value" in r.getMessage()]) == 1
    assert reader[None] == (TicketStatus.OPEN, None)


def test_an_optional_reader_keeps_an_absent_value_absent() -> None:
    reader = Reader(
        "acme", "priority", {"hi": TicketPriority.HIGH}, TicketPriority.NORMAL, optional=True
    )
    assert reader[None] == (None, None)
    assert reader[""] == (None, None)
    assert reader["HI"] == (TicketPriority.HIGH, "HI")


def test_a_reader_remembers_a_bounded_number_of_values() -> None:
    reader = Reader("acme", "status", TABLE, TicketStatus.OPEN)
    values = [f"custom-{i}" for i in range(_common._MEMO_SIZE + 50)]
    assert [reader[v] for v in values] == [(TicketStatus.OPEN, v) for v in values]
    assert len(reader) == _common._MEMO_SIZE


def test_refs_are_shared_values_and_immutable() -> None:
    one = contact_ref("7", email="ann@x.io")
    assert contact_ref("7", email="ann@x.io") is one
    assert contact_ref("7") is not one
    assert agent_ref("7").kind == "agent"
    assert (one.kind, one.id, one.name, one.email, one.phone) == (
        "contact",
        "7",
        None,
        "ann@x.io",
        None,
    )
    with pytest.raises(ValidationError):
        one.email = "bob@x.io"  # type: ignore[misc]
    assert ContactRef.model_validate(one.model_dump()) == one
    assert AgentRef.model_validate(agent_ref("a", "Ann").model_dump()) == agent_ref("a", "Ann")


def test_the_shared_refs_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_common._contact_refs, "size", 10)
    monkeypatch.setattr(_common._agent_refs, "size", 10)
    for i in range(25):
        assert contact_ref(f"bounded-{i}").id == f"bounded-{i}"
        assert agent_ref(f"bounded-{i}").id == f"bounded-{i}"
    assert len(_common._contact_refs) <= 10
    assert len(_common._agent_refs) <= 10


def _ticket(**changes: object) -> Ticket:
    case = Case(case_id=1, status="open")
    values: dict[str, object] = {
        "id": "1", "vendor": "omnidesk", "number": None, "subject": "Hi", "description": None,
        "status": TicketStatus.OPEN, "status_raw": "open", "priority": None,
        "priority_raw": None, "requester": None, "assignee": None, "team": None, "tags": [],
        "channel": None, "created_at": datetime(2026, 1, 1, tzinfo=timezone.utc), "updated_at": None,
        "closed_at": None, "custom_fields": {}, "raw": case,
    }  # fmt: skip
    return Ticket._mapped({**values, **changes})


def test_a_fully_mapped_model_shares_its_fields_set_safely() -> None:
    first, second = _ticket(), _ticket(id="2")
    assert first.model_fields_set == set(Ticket.model_fields)
    assert first.model_fields_set is second.model_fields_set
    copy = first.model_copy(update={"subject": "changed"})
    assert copy.subject == "changed" and first.subject == "Hi"
    assert copy.model_fields_set is not first.model_fields_set
    first.subject = "set"
    assert second.model_fields_set == set(Ticket.model_fields)
    assert Ticket.model_validate({**first.model_dump(exclude={"raw"}), "raw": first.raw}) == first


def test_a_partly_mapped_model_takes_fresh_defaults_and_refuses_unknown_names() -> None:
    case = Case(case_id=1)
    one = Contact._mapped({"id": "1", "vendor": "omnidesk", "raw": case})
    two = Contact._mapped({"id": "2", "vendor": "omnidesk", "raw": case})
    assert list(vars(one)) == list(Contact.model_fields)
    assert one.emails == [] and one.emails is not two.emails
    assert one.model_fields_set == {"id", "vendor", "raw"}
    with pytest.raises(TypeError, match="unknown fields"):
        Contact._mapped({"id": "1", "vendor": "omnidesk", "raw": case, "nickname": "x"})


def test_texts() -> None:
    assert texts(None) == texts("") == texts([]) == []
    assert texts(0) == ["0"]
    assert texts("a") == ["a"]
    assert texts([1, "1", None, "", "b", 1]) == ["1", "b"]
    assert texts(("x", "y")) == ["x", "y"]


def test_contact_matches_an_email_without_case_or_a_phone() -> None:
    contact = Contact._mapped(
        {
            "id": "1",
            "vendor": "omi",
            "emails": ["Ann@X.io"],
            "phones": ["+4812"],
            "raw": Case(case_id=1),
        }
    )
    assert contact_matches(contact, "ann@x.io", None)
    assert contact_matches(contact, None, "+4812")
    assert not contact_matches(contact, "ann@x.iox", None)
    assert not contact_matches(contact, None, "+481")


def test_an_unfiltered_query_passes_every_ticket() -> None:
    assert not TicketQuery().filtered
    assert TicketQuery().matches(_ticket(status=TicketStatus.SPAM, created_at=None))
    since = TicketQuery(created_since=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert since.filtered and not since.matches(_ticket())
    assert TicketQuery(status=TicketStatus.OPEN).matches(_ticket())
