"""The request duration histogram and the quota gauge."""

from __future__ import annotations

import httpx

from cxkit import otel
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium

from .conftest import Telemetry


def test_every_attempt_is_measured_with_the_conventions_attributes(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk()
    desk = telemetry.instrument(fake.client())
    fake.inject(status=503, headers={"Retry-After": "1"}, method="GET")
    list(desk.cases.list())
    list(desk.cases.list())

    points = {
        tuple(sorted(p.attributes.items())): p for p in telemetry.metric(otel.REQUEST_DURATION)
    }
    common = {
        "http.request.method": "GET",
        "server.address": "acme.omnidesk.ru",
        "server.port": 443,
        "cxkit.vendor": "omnidesk",
        "cxkit.operation": "cases.list",
    }
    ok = tuple(sorted({**common, "http.response.status_code": 200}.items()))
    failed = tuple(
        sorted({**common, "http.response.status_code": 503, "error.type": "503"}.items())
    )
    assert set(points) == {ok, failed}
    assert points[ok].count == 2
    assert points[failed].count == 1
    assert points[ok].sum >= 0
    # The conventions' advised buckets, in seconds.
    assert list(points[ok].explicit_bounds)[:3] == [0.005, 0.01, 0.025]


def test_logins_are_measured_too(telemetry: Telemetry) -> None:
    fake = FakeOmniCXM()
    crm = telemetry.instrument(fake.client())
    crm.users.me()
    ops = sorted(p.attributes["cxkit.operation"] for p in telemetry.metric(otel.REQUEST_DURATION))
    assert ops == ["auth.login", "users.me"]


def test_the_quota_gauge_reads_the_rate_limit_headers(telemetry: Telemetry) -> None:
    fake = FakeOmnidesk(calls_per_hour=1000)
    desk = telemetry.instrument(fake.client())
    assert telemetry.metric(otel.QUOTA_GAUGE) == []  # nothing said yet: nothing reported
    list(desk.cases.list())
    list(desk.cases.list())
    (point,) = telemetry.metric(otel.QUOTA_GAUGE)
    assert desk.rate_limit.remaining == fake.calls_left == 998
    assert point.value == 998
    assert dict(point.attributes) == {
        "cxkit.vendor": "omnidesk",
        "server.address": "acme.omnidesk.ru",
        "server.port": 443,
    }
    fake.calls_left = 10
    list(desk.cases.list())
    (point,) = telemetry.metric(otel.QUOTA_GAUGE)
    assert point.value == 9


class QuotaThulium(FakeThulium):
    """Thulium's fake, answering with the generic rate-limit headers."""

    remaining = 42

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        response.headers["X-RateLimit-Limit"] = "100"
        response.headers["X-RateLimit-Remaining"] = str(self.remaining)
        return response


def test_the_gauge_reports_each_client_that_knows_its_quota_until_uninstrumented(
    telemetry: Telemetry,
) -> None:
    desk = telemetry.instrument(FakeOmnidesk().client())
    th_fake = QuotaThulium()
    th = telemetry.instrument(th_fake.client())
    crm = telemetry.instrument(FakeOmniCXM().client())  # sends no rate-limit headers
    list(desk.cases.list())
    th.agents.list()
    crm.users.me()
    assert crm.rate_limit.remaining is None
    values = {p.attributes["cxkit.vendor"]: p.value for p in telemetry.metric(otel.QUOTA_GAUGE)}
    assert values == {"omnidesk": desk.rate_limit.remaining, "thulium": 42}

    th_fake.remaining = 41
    th.agents.list()
    otel.uninstrument(desk)
    values = {p.attributes["cxkit.vendor"]: p.value for p in telemetry.metric(otel.QUOTA_GAUGE)}
    assert values == {"thulium": 41}
