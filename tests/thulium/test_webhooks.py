"""Webhook events: every documented action parses to its own model; bad bodies and credentials."""

from __future__ import annotations

import base64
import hmac
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cxkit import CXError
from cxkit._core import Secret
from cxkit.thulium import webhooks
from cxkit.thulium.webhooks import (
    EVENT_TYPES,
    AbandonedEvent,
    AgentCompletedEvent,
    AgentStatusChangedEvent,
    OutboundCallEvent,
    OutboundConnectingEvent,
    OutboundRecordSavedEvent,
    ThuliumEvent,
    TicketCreatedEvent,
    UnknownEvent,
    WebhookError,
    check_basic_auth,
    parse_event,
)

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "thulium" / "catalog.json").read_text("utf-8")
)
DOCUMENTED = CATALOG["webhooks"]
WARSAW = ZoneInfo("Europe/Warsaw")

# Typed value each documented example must become (fields whose type changes).
CONVERTED: dict[str, Any] = {
    "date": datetime(2016, 4, 20, 9, 46, 24, tzinfo=WARSAW),
    "next_call_date": datetime(2017, 4, 20, 9, 46, tzinfo=WARSAW),
    "hold_time": timedelta(seconds=7),
    "duration": timedelta(seconds=69),
    "billsec": timedelta(seconds=67),
}


def documented_payload(event: dict[str, Any]) -> dict[str, Any]:
    """A delivery built from the documented field table, with its example values."""
    return {field["name"]: field["example"] for field in event["fields"]}


def class_name(action: str) -> str:
    return "".join(part.capitalize() for part in action.split("_")) + "Event"


def test_the_seed_documents_43_actions_and_each_has_a_model() -> None:
    actions = [event["action"] for event in DOCUMENTED]
    assert len(actions) == len(set(actions)) == 43
    assert set(EVENT_TYPES) == set(actions)
    assert len(set(EVENT_TYPES.values())) == 43


@pytest.mark.parametrize("documented", DOCUMENTED, ids=[e["action"] for e in DOCUMENTED])
def test_documented_action_parses_to_its_model(documented: dict[str, Any]) -> None:
    action = documented["action"]
    payload = documented_payload(documented)
    event = parse_event(json.dumps(payload).encode(), strict=True)

    assert type(event).__name__ == class_name(action)
    assert type(event) is EVENT_TYPES[action]
    assert event.action == action
    assert getattr(webhooks, class_name(action)) is type(event)
    assert class_name(action) in webhooks.__all__
    for field in documented["fields"]:
        name, example = field["name"], field["example"]
        assert name in type(event).model_fields, f"{action}.{name} is not a typed field"
        value = getattr(event, name)
        if name in CONVERTED:
            assert value == CONVERTED[name]
        elif example is None:
            assert value is None
        else:
            assert value == example
            assert type(value) is type(example)
    assert event.model_extra == {}


def test_every_field_but_action_is_optional() -> None:
    for action, model in EVENT_TYPES.items():
        event = parse_event({"action": action}, strict=True)
        assert isinstance(event, model)
        assert all(v is None for k, v in event.model_dump().items() if k != "action")
        assert model.model_fields["action"].is_required()


def test_the_same_event_from_text_bytes_and_mapping() -> None:
    payload = {"action": "TICKET_CREATED", "ticket_id": 12, "direction": "in"}
    text = json.dumps(payload)
    events = [parse_event(text), parse_event(text.encode()), parse_event(payload)]
    assert all(isinstance(e, TicketCreatedEvent) and e.ticket_id == 12 for e in events)
    assert events[0] == events[1] == events[2]


def test_typed_values_and_documented_enumerations() -> None:
    event = parse_event(
        {
            "action": "AGENT_COMPLETED",
            "connection_id": 1416225570.341,
            "source_number": 523993855,
            "queue_id": "155",
            "duration": "69",
            "reason": "agent",
        },
        strict=True,
    )
    assert isinstance(event, AgentCompletedEvent)
    assert event.connection_id == "1416225570.341"
    assert event.source_number == "523993855"
    assert event.queue_id == 155
    assert event.duration == timedelta(seconds=69)
    assert event.reason == "agent"


def test_outbound_call_events_share_a_base_and_only_connecting_has_attempt() -> None:
    outbound = [m for m in EVENT_TYPES.values() if issubclass(m, OutboundCallEvent)]
    assert len(outbound) == 14
    assert [m for m in outbound if "attempt" in m.model_fields] == [OutboundConnectingEvent]
    assert not issubclass(OutboundRecordSavedEvent, OutboundCallEvent)


def test_null_ids_read_as_none() -> None:
    event = parse_event(
        {"action": "AGENT_STATUS_CHANGED", "pause_id": None, "previous_pause_id": "NULL"}
    )
    assert isinstance(event, AgentStatusChangedEvent)
    assert event.pause_id is None and event.previous_pause_id is None


def test_dates_are_read_in_the_accounts_zone() -> None:
    body = {"action": "RECORDING_READY", "date": "2016-04-20 09:46:24"}
    assert parse_event(body).date == datetime(2016, 4, 20, 9, 46, 24, tzinfo=WARSAW)
    utc = parse_event(body, time_zone="UTC").date
    assert utc == datetime(2016, 4, 20, 9, 46, 24, tzinfo=timezone.utc)
    assert parse_event(body, time_zone=timezone.utc).date == utc
    with pytest.raises(ValueError, match="time_zone"):
        parse_event(body, time_zone="Mars/Olympus")


def test_a_form_encoded_delivery_parses_too() -> None:
    body = b"action=ABANDONED&connection_id=1416225570.341&queue_id=155&hold_time=7&date=2016-04-20+09%3A46%3A24"
    event = parse_event(body, strict=True)
    assert isinstance(event, AbandonedEvent)
    assert event.queue_id == 155
    assert event.hold_time == timedelta(seconds=7)
    assert event.date == datetime(2016, 4, 20, 9, 46, 24, tzinfo=WARSAW)


def test_unknown_action_keeps_every_field() -> None:
    body = {"action": "TICKET_MERGED", "ticket_id": 12, "into": {"ticket_id": 13}}
    event = parse_event(json.dumps({**body, "date": "2016-04-20 09:46:24"}), strict=True)
    assert type(event) is UnknownEvent
    assert event.action == "TICKET_MERGED"
    assert event.date == datetime(2016, 4, 20, 9, 46, 24, tzinfo=WARSAW)
    assert event.model_extra == {"ticket_id": 12, "into": {"ticket_id": 13}}
    assert event.to_dict()["into"] == {"ticket_id": 13}


def test_unknown_action_is_never_an_error_even_strict() -> None:
    event = parse_event({"action": "NEW_THING", "date": "yesterday"}, strict=True)
    assert type(event) is UnknownEvent
    assert event.action == "NEW_THING"
    assert event.date is None and event.unparsed == {"date": "yesterday"}


def test_a_new_field_on_a_known_action_is_kept() -> None:
    event = parse_event({"action": "TICKET_CLOSED", "ticket_id": 1, "custom_data": {"k": "v"}})
    assert event.model_extra == {"custom_data": {"k": "v"}}


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"{not json",
        b"[1, 2]",
        b'"TICKET_CREATED"',
        b"\xff\xfe",
        "null",
        "{}",
        '{"ticket_id": 12}',
        '{"action": 5}',
        '{"action": ""}',
        {"ticket_id": 12},
        "ticket_id=12&date=x",
    ],
    ids=repr,
)
def test_malformed_bodies_raise_a_value_error(body: Any) -> None:
    with pytest.raises(WebhookError) as caught:
        parse_event(body)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, CXError)
    assert "thulium" in str(caught.value)


def test_a_body_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_event(12)  # type: ignore[arg-type]


def test_strict_mode_refuses_a_value_off_its_type_and_lenient_mode_keeps_it() -> None:
    body = {"action": "TICKET_CREATED", "ticket_id": "twelve", "direction": "sideways"}
    with pytest.raises(WebhookError, match="ticket_id"):
        parse_event(body, strict=True)
    event = parse_event(body)
    assert isinstance(event, TicketCreatedEvent)
    assert event.action == "TICKET_CREATED"
    assert event.ticket_id is None and event.direction is None
    assert event.unparsed == {"ticket_id": "twelve", "direction": "sideways"}


def test_the_union_names_every_model() -> None:
    from typing import get_args

    assert set(get_args(ThuliumEvent)) == {*EVENT_TYPES.values(), UnknownEvent}


# -- Basic auth --------------------------------------------------------------------------


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_basic_auth_accepts_the_configured_credentials() -> None:
    header = basic("hook", "s3cret:with:colons")
    assert check_basic_auth(header, username="hook", password="s3cret:with:colons")
    assert check_basic_auth(header.encode(), username="hook", password="s3cret:with:colons")
    assert check_basic_auth(
        "basic " + header.split()[1], username="hook", password=Secret("s3cret:with:colons")
    )
    assert check_basic_auth(basic("żółw", "hasło"), username="żółw", password="hasło")


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Basic",
        "Basic ",
        "Bearer " + base64.b64encode(b"hook:pw").decode(),
        "Basic not-base64!!",
        "Basic " + base64.b64encode(b"hookpw").decode(),
        basic("hook", "wrong"),
        basic("other", "pw"),
        basic("hook", "pw\n"),
        basic("hook", "p"),
        basic("hook", "pw2"),
        basic("HOOK", "pw"),
    ],
    ids=repr,
)
def test_basic_auth_refuses_anything_else(header: str | None) -> None:
    assert check_basic_auth(header, username="hook", password="pw") is False


def test_the_documented_example_header_decodes_with_a_trailing_newline() -> None:
    # The seed's "dXNlcjpwYXNzd29yZAo=" is "user:password\n"; it is not user:password.
    documented = "Basic dXNlcjpwYXNzd29yZAo="
    assert not check_basic_auth(documented, username="user", password="password")
    assert check_basic_auth("Basic dXNlcjpwYXNzd29yZA==", username="user", password="password")


def test_basic_auth_needs_configured_credentials() -> None:
    with pytest.raises(ValueError):
        check_basic_auth(basic("a", "b"), username="", password="b")
    with pytest.raises(ValueError):
        check_basic_auth(basic("a", "b"), username="a", password="")


def test_basic_auth_compares_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return bool(real(a, b))

    monkeypatch.setattr(hmac, "compare_digest", spy)
    # A wrong user still compares the password: no early exit to time.
    assert not check_basic_auth(basic("nobody", "pw"), username="hook", password="pw")
    assert calls == [(b"nobody", b"hook"), (b"pw", b"pw")]
