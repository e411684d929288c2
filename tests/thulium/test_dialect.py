"""The Thulium dialect on its own: errors, empty and batch answers, paging math, dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

from cxkit import BadRequestError, GoneError, NotFoundError
from cxkit._core import Operation
from cxkit._core.errors import InternalServerError, RateLimitError
from cxkit._core.models import parse_model
from cxkit.thulium import BatchResult, Customer, ErrorDetail, ThuliumDialect
from cxkit.thulium._checks import custom_field_filters, thulium_date
from cxkit.thulium._dialect import ThuliumHints, thulium_paging
from cxkit.thulium.types import Chat, LastQueueCall, WorkReportRow

WARSAW = ZoneInfo("Europe/Warsaw")
DIALECT = ThuliumDialect()
ERROR = {
    "request_id": "53678450401cf",
    "errors": [
        {"message": "Wrong format of phone number.", "code": 111111},
        {"message": "Duplicated customer name.", "code": 222222},
    ],
}


def response(status: int, body: object = None, content: bytes | None = None) -> httpx.Response:
    request = httpx.Request("GET", "https://acme.thulium.com/api/customers")
    if content is not None:
        return httpx.Response(status, content=content, request=request)
    return httpx.Response(status, json=body, request=request)


# -- errors ---------------------------------------------------------------------


def test_documented_error_keeps_every_error_and_the_request_id() -> None:
    err = DIALECT.error(response(400, ERROR))
    assert isinstance(err, BadRequestError)
    assert err.request_id == "53678450401cf"
    assert err.code == 111111
    assert err.message == "Wrong format of phone number."
    assert str(err) == (
        "thulium 400 [111111] Wrong format of phone number. (request_id=53678450401cf)"
    )
    assert err.errors == [  # type: ignore[attr-defined]
        ErrorDetail("Wrong format of phone number.", 111111),
        ErrorDetail("Duplicated customer name.", 222222),
    ]


@pytest.mark.parametrize(
    ("status", "cls"),
    [(404, NotFoundError), (410, GoneError), (429, RateLimitError), (500, InternalServerError)],
)
def test_status_classes(status: int, cls: type[Exception]) -> None:
    err = DIALECT.error(response(status, {"request_id": "r1", "errors": [{"message": "x"}]}))
    assert type(err) is cls
    assert err.request_id == "r1" and err.errors == [ErrorDetail("x")]  # type: ignore[attr-defined]


def test_gone_is_a_not_found() -> None:
    assert isinstance(DIALECT.error(response(410, ERROR)), NotFoundError)


def test_error_without_a_documented_body() -> None:
    err = DIALECT.error(response(502, content=b"<html><h1>Bad gateway</h1></html>"))
    assert isinstance(err, InternalServerError)
    assert err.message == "Bad gateway" and err.errors == []  # type: ignore[attr-defined]
    assert (
        ThuliumDialect().error_list({"errors": "nope"}) == []
        and ThuliumDialect().error_list(None) == []
    )
    assert ThuliumDialect().error_list({"errors": {"message": "one", "code": "E1"}}) == [
        ErrorDetail("one", "E1")
    ]
    assert ThuliumDialect().error_list({"errors": ["plain text", None]}) == [
        ErrorDetail("plain text")
    ]


# -- answers ---------------------------------------------------------------------


def test_empty_answers_are_none() -> None:
    op = Operation("PUT", "/customers/{id}")
    assert DIALECT.decode(op, response(204, content=b"")) is None
    assert DIALECT.decode(op, response(201, content=b"  ")) is None
    assert DIALECT.decode(op, response(201, {"customer_id": "324"})) == {"customer_id": "324"}


def test_batch_answer_keyed_by_index() -> None:
    op = Operation("POST", "/batch/customers", hints=ThuliumHints(batch="index"))
    data = DIALECT.decode(
        op,
        response(
            207,
            {
                "0": {"http_status": 201, "customer_id": "13"},
                "1": {"http_status": 400, "message": "Phone number must be numeric."},
            },
        ),
    )
    result = parse_model(BatchResult, data, strict=True, vendor="thulium")
    assert [(i.index, i.id, i.http_status) for i in result.items] == [
        (0, None, 201),
        (1, None, 400),
    ]
    assert result.items[0].object == {"customer_id": "13"} and result.items[0].ok
    assert [i.key for i in result.succeeded] == [0]
    assert [i.message for i in result.failed] == ["Phone number must be numeric."]


def test_batch_answer_keyed_by_id_and_as_a_list() -> None:
    by_id = DIALECT.decode(
        Operation("DELETE", "/batch/customers", hints=ThuliumHints(batch="id")),
        response(207, {"13": {"http_status": 204}, "14": {"http_status": 404, "message": "x"}}),
    )
    result = parse_model(BatchResult, by_id, strict=True, vendor="thulium")
    assert [(i.id, i.index, i.object) for i in result.items] == [
        ("13", None, None),
        ("14", None, None),
    ]
    listed = DIALECT.decode(
        Operation("DELETE", "/batch/outbounds", hints=ThuliumHints(batch="id")),
        response(
            207,
            [
                {"http_status": 200, "id": "00001", "status": "REMOVAL_QUEUED"},
                {"http_status": 404, "id": "00002", "status": "NOT_EXIST"},
            ],
        ),
    )
    result = parse_model(BatchResult, listed, strict=True, vendor="thulium")
    assert [(i.index, i.id, i.http_status) for i in result.items] == [
        (0, "00001", 200),
        (1, "00002", 404),
    ]
    assert result.items[1].object == {"id": "00002", "status": "NOT_EXIST"}
    assert [i.key for i in result.failed] == [1]


def test_raise_for_failures_raises_the_first_failure_with_all_of_them() -> None:
    result = BatchResult.model_validate(
        [
            {"http_status": 201, "index": 0},
            {"http_status": 404, "id": "14", "message": "Customer not found."},
            {"http_status": 400, "id": "15", "message": "Bad phone."},
        ]
    )
    with pytest.raises(NotFoundError) as caught:
        result.raise_for_failures()
    err = caught.value
    assert err.status_code == 404 and "Customer not found." in err.message
    assert "1 more" in err.message
    assert [e.item for e in err.errors] == ["14", "15"]
    assert err.errors == [
        ErrorDetail("Customer not found.", 404, "14"),
        ErrorDetail("Bad phone.", 400, "15"),
    ]
    BatchResult.model_validate([{"http_status": 204, "id": "13"}]).raise_for_failures()


def test_batch_item_without_status_counts_as_failed() -> None:
    result = BatchResult.model_validate({"items": [{"id": "9"}]})
    assert result.failed and not result.succeeded
    with pytest.raises(InternalServerError, match="batch item 9 failed"):
        result.raise_for_failures()


# -- paging ----------------------------------------------------------------------


def test_first_page_sends_only_what_the_caller_chose() -> None:
    paging = thulium_paging(max_limit=100)
    assert paging.first({}) == {}
    assert paging.first({"limit": 10}) == {"limit": 10}
    with pytest.raises(ValueError, match="between 1 and 100"):
        paging.first({"limit": 101})
    with pytest.raises(ValueError, match="offset"):
        paging.first({"offset": -1})


def test_bare_array_paging() -> None:
    paging = thulium_paging()
    full = paging.parse([1, 2], {"limit": 2})
    assert full.next_values == {"limit": 2, "offset": 2} and full.total is None
    short = paging.parse([3], {"limit": 2, "offset": 2})
    assert short.next_values is None
    assert paging.parse([], {"limit": 2, "offset": 4}).next_values is None


def test_without_a_limit_the_server_default_decides() -> None:
    paging = thulium_paging()
    page = paging.parse(list(range(100)), {"email": "x"})
    assert page.next_values == {"email": "x", "offset": 100}
    assert paging.parse(list(range(99)), {"email": "x"}).next_values is None


def test_counted_paging_uses_count_as_total() -> None:
    op = Operation("GET", "/chats", paged=True, hints=ThuliumHints(counted=True, max_limit=100))
    paging = DIALECT.paging(op)
    page = paging.parse({"count": 3, "result": [{"a": 1}, {"a": 2}]}, {"limit": 2})
    assert page.total == 3 and page.items == [{"a": 1}, {"a": 2}]
    assert page.next_values == {"limit": 2, "offset": 2}
    assert paging.parse({"count": 3, "result": [{}]}, {"limit": 2, "offset": 2}).next_values is None
    assert paging.parse({"count": 0, "result": []}, {}).items == []


# -- dates and models ---------------------------------------------------------------


def test_thulium_dates_are_aware_in_the_account_zone() -> None:
    call = LastQueueCall.model_validate(
        {"start_date": "2019-07-16 14:59:54", "answered_date": "", "end_date": None}
    )
    assert call.start_date == datetime(2019, 7, 16, 14, 59, 54, tzinfo=WARSAW)
    assert call.answered_date is None and call.end_date is None
    chat = Chat.model_validate(
        {
            "conversation_id": "c",
            "created_at": "2017-12-11 10:23:04.318",
            "closed_at": "2017-12-11 11:21",
        }
    )
    assert chat.created_at == datetime(2017, 12, 11, 10, 23, 4, 318000, tzinfo=WARSAW)
    assert chat.closed_at == datetime(2017, 12, 11, 11, 21, tzinfo=WARSAW)
    utc = parse_model(
        Chat,
        {"conversation_id": "c", "created_at": "2024-01-01"},
        strict=True,
        vendor="thulium",
        context={"time_zone": timezone.utc},
    )
    assert utc.created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


def test_empty_strings_are_none_and_custom_fields_stay_a_mapping() -> None:
    customer = Customer.model_validate(
        {
            "customer_id": "273",
            "company_id": "",
            "company_flag": "",
            "birthdate": "",
            "phone_number": 222333444,
            "custom_fields": {"ID": None, "Dodatkowe informacje": "AXX 121212", "Empty": ""},
        }
    )
    assert customer.customer_id == 273 and customer.company_id is None
    assert customer.company_flag is None and customer.birthdate is None
    assert customer.phone_number == "222333444"
    assert customer.custom_fields == {"ID": None, "Dodatkowe informacje": "AXX 121212", "Empty": ""}


def test_durations_in_reports() -> None:
    row = WorkReportRow.model_validate(
        {"inbound": {"sum": "01:02:03", "wait_sum": 0}, "pauses": [{"id": "all"}, {"id": 1}]}
    )
    assert row.inbound is not None and row.inbound.sum == timedelta(hours=1, minutes=2, seconds=3)
    assert row.inbound.wait_sum == timedelta(0)
    assert [p.id for p in row.pauses or []] == ["all", "1"]


# -- checks ------------------------------------------------------------------------


def test_date_arguments() -> None:
    assert thulium_date("d", "2024-11-08", WARSAW) == "2024-11-08"
    assert thulium_date("d", "2014-07-14 12:34", WARSAW) == "2014-07-14 12:34"
    assert thulium_date("d", date(2024, 11, 8), WARSAW) == "2024-11-08"
    moment = datetime(2024, 1, 1, 11, 0, tzinfo=timezone.utc)
    assert thulium_date("d", moment, WARSAW) == "2024-01-01 12:00:00"
    assert thulium_date("d", None, WARSAW) is None
    with pytest.raises(ValueError, match="aware"):
        thulium_date("d", datetime(2024, 1, 1), WARSAW)
    with pytest.raises(ValueError, match="2024-11-08"):
        thulium_date("d", "08.11.2024", WARSAW)
    with pytest.raises(TypeError):
        thulium_date("d", 20241108, WARSAW)  # type: ignore[arg-type]


def test_custom_field_filters_spell_the_docs_query() -> None:
    assert custom_field_filters({"Kraj": ["POLSKA", "NORWEGIA"], "Miasto": "Kraków"}) == {
        "custom_fields[Kraj][0]": "POLSKA",
        "custom_fields[Kraj][1]": "NORWEGIA",
        "custom_fields[Miasto]": "Kraków",
    }
    with pytest.raises(TypeError):
        custom_field_filters({"Kraj": []})
    with pytest.raises(ValueError):
        custom_field_filters({"": "x"})
