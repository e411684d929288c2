"""The async attempt deadline: asyncio's own timeout on asyncio, anyio's scope elsewhere."""

from __future__ import annotations

import asyncio
import sys

import anyio
import pytest

from cxkit._core import deadline


async def _overrun(scope_seconds: float) -> None:
    async with deadline.async_deadline(scope_seconds):
        await anyio.sleep(30)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="asyncio.timeout is new in 3.11")
def test_on_asyncio_the_deadline_is_asyncio_timeout() -> None:
    async def kind() -> type:
        return type(deadline.async_deadline(1.0))

    assert asyncio.run(kind()) is asyncio.Timeout


@pytest.mark.parametrize("native", [True, False], ids=["asyncio.timeout", "anyio scope"])
def test_an_overrun_ends_in_timeout_error(monkeypatch: pytest.MonkeyPatch, native: bool) -> None:
    if not native:
        monkeypatch.setattr(deadline, "_native_timeout", lambda: None)
    with pytest.raises(TimeoutError):
        asyncio.run(asyncio.wait_for(_overrun(0.01), timeout=20))


@pytest.mark.parametrize("native", [True, False], ids=["asyncio.timeout", "anyio scope"])
def test_within_the_deadline_nothing_happens(monkeypatch: pytest.MonkeyPatch, native: bool) -> None:
    if not native:
        monkeypatch.setattr(deadline, "_native_timeout", lambda: None)

    async def quick() -> str:
        async with deadline.async_deadline(30):
            await anyio.sleep(0)
        return "done"

    assert asyncio.run(quick()) == "done"


def test_outside_an_asyncio_loop_there_is_no_native_timeout() -> None:
    assert deadline._native_timeout() is None
