"""A cancelled attempt or login still ends its span, with the cancellation as its error."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from opentelemetry.trace import StatusCode

from cxkit.omnicxm import AsyncOmniCXM
from cxkit.testing.omnicxm import FakeOmniCXM

from .conftest import Telemetry


class Hang(httpx.AsyncBaseTransport):
    """Serves ``fake`` but never answers requests to ``path``."""

    def __init__(self, fake: FakeOmniCXM, path: str) -> None:
        self.inner = fake.transport()
        self.path = path
        self.reached = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(self.path):
            self.reached.set()
            await asyncio.Event().wait()
        return await self.inner.handle_async_request(request)


@pytest.mark.parametrize("path", ["/users/getinformation", "/login"])
async def test_a_cancelled_attempt_ends_its_span(telemetry: Telemetry, path: str) -> None:
    fake = FakeOmniCXM()
    hang = Hang(fake, path)
    crm = telemetry.instrument(
        AsyncOmniCXM(
            base_url=fake.base_url,
            username=fake.username,
            password=fake.password,
            transport=hang,
            clock=fake.clock,
        )
    )
    async with crm:
        task = asyncio.create_task(crm.users.me())
        await hang.reached.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    by_op = {s.attributes["cxkit.operation"]: s for s in telemetry.client_spans() if s.attributes}
    assert set(by_op) == {"auth.login", "users.me"}, "a cancelled span was not ended"
    cancelled = ["auth.login", "users.me"] if path == "/login" else ["users.me"]
    for op, span in by_op.items():
        assert span.attributes is not None
        if op in cancelled:
            assert span.attributes["error.type"] == "asyncio.exceptions.CancelledError"
            assert span.status.status_code is StatusCode.ERROR
        else:
            assert "error.type" not in span.attributes
            assert span.attributes["http.response.status_code"] == 200
    login, call = by_op["auth.login"], by_op["users.me"]
    assert login.parent is not None and call.context is not None
    assert login.parent.span_id == call.context.span_id
