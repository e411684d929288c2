"""Fixtures around the demo vendor."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit.testing import FakeClock

from .demo import AsyncDemo, AsyncTokenDemo, FakeDemo, TokenFake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeDemo:
    return FakeDemo(count=5, clock=clock)


@pytest.fixture
def client(fake: FakeDemo, clock: FakeClock) -> AsyncDemo:
    return AsyncDemo(http_client=fake.async_http_client(), clock=clock)


@pytest.fixture
def demo_cls() -> type[AsyncDemo]:
    return AsyncDemo


@pytest.fixture
def token_client_factory(clock: FakeClock) -> Any:
    def make() -> tuple[AsyncTokenDemo, TokenFake]:
        fake = TokenFake(count=3, clock=clock)
        return AsyncTokenDemo(http_client=fake.async_http_client(), clock=clock), fake

    return make
