"""The retrier: the one loop that runs a call's attempts (async source; sync is generated).

A stage of the core client. Which failures are retried and how long to wait are
the pure rules of :class:`~cxkit._core.retry.RetryPolicy`; this loop applies them
to every attempt alike, the first included. It is a plain loop rather than a
tenacity ``AsyncRetrying``: tenacity builds a retry state and runs its action
chain on every call, a cost the common case (a call that succeeds at once) would
pay each time (see benchmarks/README.md), while these few lines cost nothing
until an attempt fails.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from ..errors import CXError
from ..retry import RetryPolicy

__all__ = ["retrying"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Attempt(Protocol[T_co]):
    """Runs attempt number ``number`` (1-based)."""

    async def __call__(self, number: int) -> T_co: ...


class Sleep(Protocol):
    """Waits ``seconds`` (the client's clock)."""

    async def __call__(self, seconds: float) -> None: ...


class BeforeRetry(Protocol):
    """Told of a failure before retry number ``number``, which follows ``wait`` seconds."""

    async def __call__(self, failure: CXError, number: int, wait: float) -> None: ...


async def retrying(
    attempt: Attempt[T],
    *,
    policy: RetryPolicy,
    idempotent: bool,
    sleep: Sleep,
    before_retry: BeforeRetry,
) -> T:
    """Run ``attempt(1)``, ``attempt(2)``... until one succeeds or a failure is final.

    ``before_retry(failure, retry_number, wait)`` runs before each wait.
    """
    number = 1
    while True:
        try:
            return await attempt(number)
        except CXError as failure:
            if number > policy.max_retries or not policy.should_retry(
                failure, idempotent=idempotent
            ):
                raise
            wait = policy.wait(number, failure)
            await before_retry(failure, number, wait)
        await sleep(wait)
        number += 1
