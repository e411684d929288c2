"""cxkit.omnidesk.webhooks.parse_event: known, family and unknown events; malformed bodies."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from cxkit import WebhookError
from cxkit.omnidesk import Case, User
from cxkit.omnidesk.webhooks import (
    CaseEvent,
    MessageEvent,
    UnknownEvent,
    UserEvent,
    WebhookMessage,
    parse_event,
)

MSK = timezone(timedelta(hours=3))

MESSAGE_NEW = {
    "type": "message_new",
    "object": {
        "message_id": 42577887,
        "case_id": 985687,
        "staff_id": 7235,
        "user_id": 5654846848,
        "custom_user_id": "c3a1-77",
        "content": "Help is coming!",
        "note": 0,
        "sent_via_rule": 0,
    },
}


@pytest.mark.parametrize(
    "body",
    [
        json.dumps(MESSAGE_NEW).encode(),
        json.dumps(MESSAGE_NEW),
        MESSAGE_NEW,
        bytearray(json.dumps(MESSAGE_NEW).encode()),
    ],
    ids=["bytes", "str", "mapping", "bytearray"],
)
def test_message_new_is_typed(body: Any) -> None:
    event = parse_event(body)
    assert type(event) is MessageEvent
    assert event.type == "message_new"
    message = event.object
    assert type(message) is WebhookMessage
    assert (message.message_id, message.case_id, message.staff_id, message.user_id) == (
        42577887,
        985687,
        7235,
        5654846848,
    )
    assert (message.custom_user_id, message.content) == ("c3a1-77", "Help is coming!")
    assert message.note is False and message.sent_via_rule is False  # 0/1 on the wire


def test_case_events_carry_a_case() -> None:
    body = {
        "type": "case_updated",
        "object": {
            "case_id": 2000,
            "case_number": "664-245651",
            "subject": "I need help",
            "status": "waiting",
            "created_at": "Mon, 05 May 2014 00:15:17 +0300",
            "labels": [101, 102],
            "brand_new_field": {"kept": True},
        },
    }
    event = parse_event(body)
    assert type(event) is CaseEvent
    assert event.type == "case_updated"
    assert type(event.object) is Case
    assert (event.object.case_id, event.object.status, event.object.labels) == (
        2000,
        "waiting",
        [101, 102],
    )
    assert event.object.created_at == datetime(2014, 5, 5, 0, 15, 17, tzinfo=MSK)
    assert event.object.model_extra == {"brand_new_field": {"kept": True}}


def test_user_events_carry_a_user() -> None:
    event = parse_event(
        {"type": "user_new", "object": {"user_id": "200", "user_email": "ann@example.com"}}
    )
    assert type(event) is UserEvent
    assert type(event.object) is User
    assert (event.object.user_id, event.object.user_email) == (200, "ann@example.com")


def test_other_message_events_with_a_message_id_are_typed() -> None:
    event = parse_event({"type": "message_updated", "object": {"message_id": 5, "content": "x"}})
    assert type(event) is MessageEvent and event.object.message_id == 5


@pytest.mark.parametrize(
    "body",
    [
        {"type": "rating_new", "object": {"rating_id": 7, "rating": "high"}},
        {"type": "case_merged", "object": {"merged_into": 5}},  # no case_id: not a case
        {"type": "user_updated", "object": {"user_id": True}},
        {"type": "chat_closed", "object": {}},
    ],
)
def test_any_other_event_is_generic_and_never_an_error(body: dict[str, Any]) -> None:
    event = parse_event(body)
    assert type(event) is UnknownEvent
    assert event.type == body["type"]
    assert event.object == body["object"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not valid JSON"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "not a JSON object"),
        ({"object": {}}, 'no "type"'),
        ({"type": "", "object": {}}, 'no "type"'),
        ({"type": 7, "object": {}}, 'no "type"'),
        ({"type": "message_new"}, "not a JSON object"),
        ({"type": "chat_closed", "object": [1]}, "not a JSON object"),
        ({"type": "message_new", "object": {"case_id": 1}}, "message_id"),
    ],
)
def test_malformed_bodies_raise_a_clear_value_error(body: Any, message: str) -> None:
    with pytest.raises(WebhookError) as info:
        parse_event(body)
    assert isinstance(info.value, ValueError)
    assert message in str(info.value)
    assert str(info.value).startswith("omnidesk")


def test_strict_mode_refuses_values_that_do_not_fit() -> None:
    body = {"type": "message_new", "object": {"message_id": 1, "created_at": "yesterday-ish"}}
    lenient = parse_event(body)
    assert isinstance(lenient, MessageEvent)
    assert lenient.object.created_at is None  # the typed field stays a datetime or None
    assert lenient.object.unparsed == {"created_at": "yesterday-ish"}  # kept as sent
    with pytest.raises(WebhookError):
        parse_event(body, strict=True)


def test_a_body_that_is_not_text_or_a_mapping_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_event(12)  # type: ignore[arg-type]
