"""No credential reaches a span or a metric: not in URLs, names, attributes, events or
statuses, whatever the call does (logins, refusals, retries, connection errors)."""

from __future__ import annotations

import base64

import pytest

from cxkit import CXError
from cxkit.testing.omi import FakeOmi
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium

from .conftest import Telemetry

DESK_KEY = "odk-5ecret-key-771"
THULIUM_PASSWORD = "thu-5ecret-pass-882"
CXM_PASSWORD = "cxm-5ecret-pass-993"
CXM_SECRET_KEY = "cxm-5ecret-key-994"
CXM_WRONG_PASSWORD = "cxm-5ecret-wrong-995"
OMI_TOKEN = "omi-5ecret-token-996"


def basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


async def test_no_secret_in_any_span_or_metric(telemetry: Telemetry) -> None:
    desk_fake = FakeOmnidesk(api_key=DESK_KEY)
    th_fake = FakeThulium(password=THULIUM_PASSWORD)
    crm_fake = FakeOmniCXM(password=CXM_PASSWORD, secret_key=CXM_SECRET_KEY)
    omi_fake = FakeOmi(token=OMI_TOKEN)

    desk = telemetry.instrument(desk_fake.client())
    # A server that echoes the key, a retry, a connection error, a key in the query.
    desk_fake.inject(status=503, body={"error": f"bad key {DESK_KEY}"}, method="GET")
    list(desk.cases.list(extra_query={"api_key": DESK_KEY}))
    desk_fake.inject(error="connect")
    with pytest.raises(CXError):
        desk.with_options(max_retries=0).cases.get(1)

    th = telemetry.instrument(th_fake.client())
    th.agents.list()
    th_fake.inject(status=400, body={"message": f"password {THULIUM_PASSWORD} rejected"})
    with pytest.raises(CXError):
        th.agents.list()

    crm = telemetry.instrument(crm_fake.client())
    crm.users.me()
    crm_tokens = list(crm_fake.tokens)
    assert crm_tokens
    with pytest.raises(CXError):
        telemetry.instrument(
            crm_fake.client(username=crm_fake.username, password=CXM_WRONG_PASSWORD)
        ).users.me()
    list(telemetry.instrument(crm_fake.client(secret_key=CXM_SECRET_KEY)).tickets.list())

    async with telemetry.instrument(omi_fake.async_client()) as omi:
        async for _ in omi.contacts.list():
            pass

    secrets = [
        DESK_KEY,
        THULIUM_PASSWORD,
        CXM_PASSWORD,
        CXM_SECRET_KEY,
        CXM_WRONG_PASSWORD,
        OMI_TOKEN,
        *crm_tokens,
        basic(desk_fake.email, DESK_KEY),
        basic(th_fake.username, THULIUM_PASSWORD),
        basic(crm_fake.username, CXM_PASSWORD),
        basic(crm_fake.username, CXM_WRONG_PASSWORD),
    ]
    spans = telemetry.client_spans()
    vendors = {s.attributes["cxkit.vendor"] for s in spans if s.attributes}
    assert vendors == {"omnidesk", "thulium", "omnicxm", "omi"}
    assert any(s.events for s in spans)  # the connection error's exception event
    assert sum((s.attributes or {})["cxkit.operation"] == "auth.login" for s in spans) == 2
    everything = "\n".join(s.to_json() for s in spans)
    data = telemetry.reader.get_metrics_data()
    assert data is not None
    everything += data.to_json()
    # The key sent in the query is in url.full, masked.
    assert "api_key=***" in everything
    leaked = [secret for secret in secrets if secret in everything]
    assert leaked == []
