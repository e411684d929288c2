"""A CLIENT span per attempt, shaped by the HTTP client semantic conventions."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode

from cxkit import APIConnectionError, InternalServerError, NotFoundError, otel
from cxkit.testing.omi import FakeOmi
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium

from .conftest import Telemetry


def parent_id(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def span_id(span: ReadableSpan) -> int:
    assert span.context is not None
    return int(span.context.span_id)


def test_one_client_span_per_call_with_the_conventions_attributes(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = telemetry.instrument(fake.client())
    case = desk.cases.create(subject="Printer on fire", user_email="ann@x.io", content="Help")
    desk.cases.get(case.case_id)

    create, get = telemetry.client_spans()
    assert create.name == "POST /api/cases.json"
    assert get.name == "GET /api/cases/{case_id}.json"
    assert get.kind is SpanKind.CLIENT
    sent = fake.calls[-1].url
    assert dict(get.attributes or {}) == {
        "http.request.method": "GET",
        "server.address": "acme.omnidesk.ru",
        "server.port": 443,
        "url.full": str(sent),
        "url.template": "/api/cases/{case_id}.json",
        "http.response.status_code": 200,
        "cxkit.vendor": "omnidesk",
        "cxkit.operation": "cases.get",
    }
    # Basic auth travels in a header, never in the URL the span shows.
    assert sent.userinfo == b""
    assert get.status.status_code is StatusCode.UNSET
    assert create.attributes is not None
    assert create.attributes["http.request.method"] == "POST"
    assert create.attributes["cxkit.operation"] == "cases.create"


def test_a_retry_is_a_second_span_with_its_resend_count_and_wait(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = telemetry.instrument(fake.client())
    fake.inject(status=503, headers={"Retry-After": "2"}, method="GET")
    tracer = telemetry.tracer_provider.get_tracer("app")
    with tracer.start_as_current_span("sync job") as job:
        assert list(desk.cases.list()) == []

    first, second = telemetry.client_spans()
    assert first.attributes is not None and second.attributes is not None
    assert first.attributes["http.response.status_code"] == 503
    assert first.attributes["error.type"] == "503"
    assert first.status.status_code is StatusCode.ERROR
    assert "http.request.resend_count" not in first.attributes
    assert "cxkit.retry.wait_s" not in first.attributes
    assert second.attributes["http.request.resend_count"] == 1
    assert second.attributes["cxkit.retry.wait_s"] == 2.0
    assert second.attributes["http.response.status_code"] == 200
    assert "error.type" not in second.attributes
    assert second.status.status_code is StatusCode.UNSET
    # Both attempts are children of the caller's span, not of each other.
    job_id = job.get_span_context().span_id
    assert parent_id(first) == parent_id(second) == job_id
    assert first.context is not None and second.context is not None
    assert first.context.trace_id == second.context.trace_id == job.get_span_context().trace_id


def test_a_failed_call_spans_every_attempt(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = telemetry.instrument(fake.client(max_retries=1))
    fake.inject_statuses([502, 503], method="GET")
    with pytest.raises(InternalServerError):
        desk.cases.get(1)
    spans = telemetry.client_spans()
    assert [s.attributes["error.type"] for s in spans if s.attributes] == ["502", "503"]
    assert [s.status.status_code for s in spans] == [StatusCode.ERROR] * 2


def test_a_connection_error_names_its_class(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = telemetry.instrument(fake.client(max_retries=0))
    fake.inject(error="connect")
    with pytest.raises(APIConnectionError) as raised:
        desk.cases.get(1)
    (span,) = telemetry.client_spans()
    assert span.attributes is not None
    assert span.attributes["error.type"] == "cxkit.APIConnectionError"
    assert "http.response.status_code" not in span.attributes
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description == str(raised.value)
    (event,) = span.events
    assert event.name == "exception"
    assert event.attributes is not None
    assert event.attributes["exception.type"] == "cxkit.APIConnectionError"
    assert event.attributes["exception.message"] == str(raised.value)


def test_the_login_is_a_child_of_the_attempt_that_needed_it(telemetry: Telemetry) -> None:
    fake = FakeOmniCXM()
    crm = telemetry.instrument(fake.client())
    crm.users.me()
    assert fake.logins == 1
    login, call = telemetry.client_spans()
    assert login.attributes is not None and call.attributes is not None
    assert login.attributes["cxkit.operation"] == "auth.login"
    assert login.attributes["cxkit.vendor"] == "omnicxm"
    assert login.attributes["http.response.status_code"] == 200
    assert login.name == "GET /login"
    assert call.attributes["cxkit.operation"] == "users.me"
    assert parent_id(login) == span_id(call)
    assert call.parent is None


async def test_an_async_relogin_nests_under_its_attempt_and_the_users_span(
    telemetry: Telemetry,
) -> None:
    fake = FakeOmniCXM(token_ttl=60)
    crm = telemetry.instrument(fake.async_client())
    tracer = telemetry.tracer_provider.get_tracer("app")
    async with crm:
        await crm.users.me()
        fake.clock.advance(61)  # the token expires: the next call logs in again on its 401
        with tracer.start_as_current_span("async job") as job:
            await crm.users.me()
    assert fake.logins == 2
    spans = telemetry.client_spans()
    ops = [s.attributes["cxkit.operation"] for s in spans if s.attributes]
    assert ops == ["auth.login", "users.me", "auth.login", "users.me"]
    relogin, again = spans[2], spans[3]
    assert parent_id(again) == job.get_span_context().span_id
    assert parent_id(relogin) == span_id(again)


def test_a_refused_login_is_an_error_span(telemetry: Telemetry) -> None:
    fake = FakeOmniCXM()
    crm = telemetry.instrument(fake.client(username="admin.C0001", password="wrong-password"))
    with pytest.raises(Exception):  # noqa: B017 - the vendor's answer, whatever class
        crm.users.me()
    login = next(
        s
        for s in telemetry.client_spans()
        if (s.attributes or {})["cxkit.operation"] == "auth.login"
    )
    assert login.attributes is not None
    assert login.attributes["error.type"] == str(login.attributes["http.response.status_code"])
    assert login.status.status_code is StatusCode.ERROR


async def test_concurrent_tasks_keep_their_own_parents(telemetry: Telemetry) -> None:
    fake = FakeThulium()
    tracer = telemetry.tracer_provider.get_tracer("app")
    async with telemetry.instrument(fake.async_client()) as th:

        async def job(name: str) -> int:
            with tracer.start_as_current_span(name) as span:
                await th.agents.list()
                await asyncio.sleep(0)
                await th.agents.list()
                return span.get_span_context().span_id

        ids = await asyncio.gather(*(job(f"job {n}") for n in range(3)))
    spans = telemetry.client_spans()
    assert len(spans) == 6
    for job_id in ids:
        assert sum(parent_id(s) == job_id for s in spans) == 2
    assert {s.attributes["cxkit.vendor"] for s in spans if s.attributes} == {"thulium"}


def test_an_unknown_method_is_other(telemetry: Telemetry) -> None:
    fake = FakeOmi()
    omi = telemetry.instrument(fake.client())
    with pytest.raises(Exception):  # noqa: B017 - the fake has no such route
        omi.request("PURGE", "/api/contacts/list", max_retries=0)
    (span,) = telemetry.client_spans()
    assert span.name == "HTTP"
    assert span.attributes is not None
    assert span.attributes["http.request.method"] == "_OTHER"
    assert span.attributes["http.request.method_original"] == "PURGE"


def test_instrument_is_idempotent_and_undone(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = fake.client()
    assert not otel.is_instrumented(desk)
    assert telemetry.instrument(desk) is desk
    telemetry.instrument(desk)
    copy = desk.with_options(max_retries=5)
    telemetry.instrument(copy)  # a copy shares its client's instrumentation
    assert otel.is_instrumented(copy)
    list(copy.cases.list())
    assert len(telemetry.client_spans()) == 1

    assert otel.uninstrument(desk) is desk
    assert not otel.is_instrumented(copy)
    list(desk.cases.list())
    assert len(telemetry.client_spans()) == 1
    telemetry.instrument(desk)
    list(desk.cases.list())
    assert len(telemetry.client_spans()) == 2


def test_instrument_refuses_what_is_not_a_client() -> None:
    with pytest.raises(TypeError, match="cxkit client"):
        otel.instrument(httpx.Client())  # type: ignore[type-var]


def test_without_an_sdk_nothing_is_recorded_and_calls_work() -> None:
    # The global providers are the API's no-ops until an application installs an SDK.
    fake = FakeThulium()
    th = otel.instrument(fake.client())
    assert th.agents.list() == th.agents.list()


def test_an_envelope_that_reports_failure_marks_its_span(telemetry: Telemetry) -> None:
    # OMI answers a missing record with HTTP 200 and ``status_code`` 404 in the envelope.
    fake = FakeOmi()
    omi = telemetry.instrument(fake.client(max_retries=0))
    with pytest.raises(NotFoundError):
        omi.contacts.get("6391f5be232ce4664531ffff")
    (span,) = telemetry.client_spans()
    assert span.attributes is not None
    assert span.attributes["http.response.status_code"] == 200
    assert span.attributes["error.type"] == "cxkit.NotFoundError"
    assert span.status.status_code is StatusCode.ERROR
