"""The mappings build the common models without validation: what they build must be
what validation builds, and a user's own ``Ticket(...)`` must still be validated."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from cxkit._core.models import parse_model as parse_vendor
from cxkit.omnicxm.types import Ticket as CXMTicket
from cxkit.omnidesk.types import Case
from cxkit.thulium.types import Ticket as ThuliumTicket
from cxkit.unified import AgentRef, Contact, ContactRef, Ticket, TicketPriority, TicketStatus
from cxkit.unified._map import _common, omnicxm, omnidesk, thulium
from cxkit.unified.models import Builder, UnifiedModel

from .seed import assert_as_validated, examples


def parse_model(model: Any, record: dict[str, Any], *, strict: bool = False) -> Any:
    vendor = model.__module__.split(".")[1]
    return parse_vendor(model, record, strict=strict, vendor=vendor)


WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_a_builder_hands_out_fresh_dicts_of_every_field_in_order() -> None:
    builder = Builder(Ticket, vendor="thulium")
    one, two = builder.fresh(), builder.fresh()
    assert one is not two and one == two
    assert list(one) == list(Ticket.model_fields)
    assert one["vendor"] == "thulium" and one["status_raw"] is None
    one["subject"] = "changed"
    assert two["subject"] is None and builder.fresh()["subject"] is None
    with pytest.raises(TypeError, match="unknown fields"):
        Builder(Ticket, nickname="x")


def test_a_builder_refuses_a_mutable_default_its_copies_would_share() -> None:
    class Shared(UnifiedModel):
        tags: list[str] = []  # noqa: RUF012 (the mistake the builder refuses)

    with pytest.raises(TypeError, match="default_factory"):
        Builder(Shared)


def test_a_built_model_owns_the_dict_it_was_given() -> None:
    builder = Builder(Contact, vendor="omi")
    data = builder.fresh()
    data.update(id="1", emails=["a@x.io"], phones=[], raw=Case(case_id=1))
    contact = builder.build(data)
    assert vars(contact) is data
    assert contact.model_fields_set == set(Contact.model_fields)
    assert contact.model_extra is None and contact.__pydantic_private__ is None
    assert_as_validated(contact)


def test_a_users_own_models_are_still_validated() -> None:
    case = Case(case_id=1)
    good = Ticket(id="1", vendor="omnidesk", status="open", raw=case)
    assert good.status is TicketStatus.OPEN and good.tags == [] and good.custom_fields == {}
    assert good.model_fields_set == {"id", "vendor", "status", "raw"}
    bad: list[dict[str, Any]] = [
        {"id": 1},  # an id is text
        {"vendor": "zendesk"},
        {"status": "weird"},
        {"priority": "sky-high"},
        {"raw": "case 1"},  # raw is a vendor model
        {"created_at": "yesterday"},
        {"requester": {"kind": "agent"}},
        {"nickname": "x"},  # unknown fields are refused
    ]
    for change in bad:
        values: dict[str, Any] = {"id": "1", "vendor": "omnidesk", "status": "open", "raw": case}
        with pytest.raises(ValidationError):
            Ticket(**{**values, **change})
    with pytest.raises(ValidationError):
        ContactRef(kind="agent")
    ref = _common.agent_ref("fast-agent")
    with pytest.raises(ValidationError):
        ref.id = "changed"  # type: ignore[misc]


def test_mapped_and_user_built_tickets_are_equal() -> None:
    case = parse_model(
        Case, {"case_id": 5, "status": "open", "priority": "high", "user_id": 7}, strict=False
    )
    mapped = omnidesk.ticket(case)
    built = Ticket(
        id="5",
        vendor="omnidesk",
        status=TicketStatus.OPEN,
        status_raw="open",
        priority=TicketPriority.HIGH,
        priority_raw="high",
        requester=ContactRef(id="7"),
        raw=case,
    )
    assert mapped == built
    assert mapped.to_dict() == built.to_dict()
    assert mapped.model_fields_set != built.model_fields_set  # the mapping gave every field


def _odd_omnidesk() -> list[Any]:
    values: list[dict[str, Any]] = [
        {"case_id": 1, "status": "escalated-fast", "priority": "blocker-fast",
         "subject": "   ", "case_number": "", "labels": [3, 3, 4, 3], "channel": " "},
        {"case_id": 2, "status": "open", "spam": True, "user_id": 0, "staff_id": None,
         "group_id": 9, "custom_fields": {"cf_1": ["a", 1]}, "created_at": WHEN},
        {"case_id": 3},
    ]  # fmt: skip
    return [omnidesk.ticket(parse_model(Case, v, strict=False)) for v in values]


def _odd_thulium() -> list[Any]:
    values: list[dict[str, Any]] = [
        {"ticket_id": 1, "status_id": 77, "full_status_name": "Fast-eskalacja / x",
         "closed_at": "2016-04-21 10:00:00", "direction": "out", "to": "ann@x.io"},
        {"ticket_id": 2, "status_id": 2, "tags": ["a", "", "a", "b"], "source": "  ",
         "messages": [{"message_id": 1, "type": "REPLY", "body": "Hi"}]},
        {"ticket_id": 3},
    ]  # fmt: skip
    return [
        thulium.ticket(parse_model(ThuliumTicket, v, strict=False), {2: "Open"}) for v in values
    ]


def _odd_omnicxm() -> list[Any]:
    record = next(
        data["data"][0] for _, data in examples("omnicxm", "tickets.list") if data.get("data")
    )
    info = record["basicinfo"]
    values: list[dict[str, Any]] = [
        {**record, "basicinfo": {**info, "status": "Fast-escalated", "priority": "asap",
                                 "assignee": {"id": "g1", "type": "group"}, "content": " ",
                                 "requester": None}},
        {"basicinfo": {"id": "x1"}, "custom_group_field_9": {"a": 1}},
    ]  # fmt: skip
    return [omnicxm.ticket(parse_model(CXMTicket, v, strict=False)) for v in values]


@pytest.mark.parametrize("make", [_odd_omnidesk, _odd_thulium, _odd_omnicxm])
def test_odd_records_map_as_validation_would_build_them(
    make: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="cxkit.unified"):
        tickets = make() + make()
    for ticket in tickets:
        assert_as_validated(ticket)
    odd = [
        r.getMessage()
        for r in caplog.records
        if "Fast-" in r.getMessage() or "-fast" in r.getMessage()
    ]
    assert len(odd) == len(set(odd)) >= 1, "each odd value is logged once"


def test_odd_values_are_kept_raw() -> None:
    first = _odd_omnidesk()[0]
    assert (first.status, first.status_raw) == (TicketStatus.OPEN, "escalated-fast")
    assert (first.priority, first.priority_raw) == (TicketPriority.NORMAL, "blocker-fast")
    assert (first.subject, first.number, first.channel) == (None, None, None)
    assert first.tags == ["3", "4"]
    spam = _odd_omnidesk()[1]
    assert spam.status is TicketStatus.SPAM and spam.requester is None and spam.team == "9"
    closed = _odd_thulium()[0]
    assert (closed.status, closed.status_raw) == (TicketStatus.CLOSED, "Fast-eskalacja / x")
    assert closed.requester == ContactRef(id=None, email="ann@x.io")
    group = _odd_omnicxm()[0]
    assert (group.status, group.status_raw) == (TicketStatus.OPEN, "Fast-escalated")
    assert (group.assignee, group.team, group.requester) == (None, "g1", None)


def test_custom_fields_are_the_records_own_and_never_shared_between_tickets() -> None:
    case = parse_model(Case, {"case_id": 1, "custom_fields": {"cf_1": "x"}}, strict=False)
    assert omnidesk.ticket(case).custom_fields is case.custom_fields
    bare = [omnidesk.ticket(parse_model(Case, {"case_id": i}, strict=False)) for i in (1, 2)]
    assert bare[0].custom_fields == {} and bare[0].custom_fields is not bare[1].custom_fields
    assert bare[0].tags is not bare[1].tags
    bare[0].tags.append("mine")
    assert bare[1].tags == []
    cxm = parse_model(CXMTicket, {"basicinfo": {"id": "a"}, "group_x": {"f": 1}}, strict=False)
    assert omnicxm.ticket(cxm).custom_fields == {"group_x": {"f": 1}}


def test_refs_by_the_vendors_key_are_shared_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def make(key: int) -> AgentRef:
        made.append(key)
        return _common.new_agent_ref(str(key))

    cache = _common.RefCache(make)
    assert cache[1] is cache[1] and cache[1].id == "1" and made == [1]
    monkeypatch.setattr(cache, "size", 5)
    for key in range(20):
        assert cache[key].id == str(key)
    assert len(cache) <= 5


def test_omnicxm_requesters_are_read_by_their_fields_as_sent() -> None:
    def requester(person: dict[str, Any] | None) -> ContactRef | None:
        record = {"basicinfo": {"id": "t1", "requester": person}}
        return omnicxm.ticket(parse_model(CXMTicket, record, strict=False)).requester

    ann = {"id": "c1", "name": "Ann", "email": ["", "ann@x.io"], "phone": ["1900"]}
    first, again = requester(ann), requester(dict(ann))
    assert first == ContactRef(id="c1", name="Ann", email="ann@x.io", phone="1900")
    assert again is first
    other = requester({**ann, "email": ["ann@y.io"]})
    assert other is not None and other.email == "ann@y.io" and other is not first
    assert requester({**ann, "email": "one@x.io", "phone": None}) == ContactRef(
        id="c1", name="Ann", email="one@x.io"
    )
    assert requester({"id": "", "name": None, "email": ["ann@x.io"]}) is None
    assert requester(None) is None
