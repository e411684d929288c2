"""OmniCXM models: epoch seconds, display dates in the client's zone, kept custom fields,
tolerant parsing of odd values, masked token."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter

from cxkit._core.models import TIME_ZONE, parse_model
from cxkit.omnicxm import CDRRecord, CRMObject, LoginResult, Message, Ticket
from cxkit.omnicxm.types.common import LocalDateTime

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_display_dates_in_all_documented_shapes() -> None:
    adapter: TypeAdapter[datetime | None] = TypeAdapter(LocalDateTime)
    assert adapter.validate_python("2023-09-01 03:21:11") == datetime(
        2023, 9, 1, 3, 21, 11, tzinfo=VN
    )
    assert adapter.validate_python("2025/07/08 17:13:32") == datetime(
        2025, 7, 8, 17, 13, 32, tzinfo=VN
    )
    assert adapter.validate_python("08/07/2025") == datetime(2025, 7, 8, tzinfo=VN)
    assert adapter.validate_python("") is None
    bangkok = ZoneInfo("Asia/Bangkok")
    assert adapter.validate_python("08/07/2025", context={TIME_ZONE: bangkok}).tzinfo == bangkok


def test_epoch_seconds_and_empty_markers() -> None:
    ticket = Ticket.model_validate(
        {"basicinfo": {"id": "t1", "duedate": ""}, "created": {"time": 1667530699}}
    )
    assert ticket.basicinfo is not None and ticket.basicinfo.duedate is None
    assert ticket.created is not None
    assert ticket.created.time == datetime(2022, 11, 4, 2, 58, 19, tzinfo=timezone.utc)


def test_divider_rows_carry_their_day() -> None:
    divider = Message.model_validate(
        {"type": "divide", "date_app": 1751969612, "message": "08/07/2025"}
    )
    assert divider.divide_date == datetime(2025, 7, 8, tzinfo=VN)
    text = Message.model_validate({"_id": "m1", "type": "text", "message": "not a date"})
    assert text.divide_date is None and text.id == "m1"


def test_custom_fields_are_kept() -> None:
    obj = CRMObject.model_validate(
        {"_id": "o1", "first_name": "An", "thongtinkhac": {"tags": ["vip"]}, "owner": "user_1"}
    )
    assert obj.id == "o1" and obj.owner == "user_1"
    assert obj.custom_fields == {"first_name": "An", "thongtinkhac": {"tags": ["vip"]}}
    assert obj.value("thongtinkhac.tags.0") == "vip" and obj.value("missing.x", 1) == 1
    assert obj.to_dict()["_id"] == "o1"


def test_an_odd_value_does_not_break_a_listing() -> None:
    calls = parse_model(
        list[CDRRecord],
        [
            {"_id": "c1", "calldate": "not-a-time", "billsec": 3},
            {"_id": "c2", "calldate": 1693513271, "calldatetime": "2023-09-01 03:21:11"},
        ],
        strict=False,
        vendor="omnicxm",
    )
    assert calls[0].calldate is None and calls[0].billsec == 3
    assert calls[0].unparsed == {"calldate": "not-a-time"}
    assert calls[1].calldatetime == calls[1].calldate


def test_login_token_is_masked() -> None:
    result = LoginResult.model_validate(
        {"token": "8baeb4c3ca6d29fe7b42", "userinfo": {"name": "W"}}
    )
    assert "8baeb4c3ca6d29fe7b42" not in repr(result) and "8baeb4c3ca6d29fe7b42" not in str(result)
    assert result.token is not None and result.token.get_secret_value() == "8baeb4c3ca6d29fe7b42"
