"""The retrier: the one loop that runs a call's attempts (async source; sync is generated).

A stage of the core client. Which failures are retried and how long to wait are
the pure rules of :class:`~cxkit._core.retry.RetryPolicy`; this loop applies them
to every retry alike. The client runs the first attempt itself and comes here only
once it failed, so the common case (a call that succeeds at once) builds no retry
state at all. It is a plain loop rather than a tenacity ``AsyncRetrying``:
tenacity builds a retry state and runs its action chain on every call.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from ..errors import CXError
from ..retry import RetryPolicy

__all__ = ["retrying"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Attempt(Protocol[T_co]):
    """Runs attempt number ``number`` (1-based), which followed a pause of ``wait`` s."""

    async def __call__(self, number: int, wait: float) -> T_co: ...


class Sleep(Protocol):
    """Waits ``seconds`` (the client's clock)."""

    async def __call__(self, seconds: float) -> None: ...


class BeforeRetry(Protocol):
    """Told of a failure before retry number ``number``, which follows ``wait`` seconds."""

    async def __call__(self, failure: CXError, number: int, wait: float) -> None: ...


async def retrying(
    attempt: Attempt[T],
    failure: CXError,
    *,
    policy: RetryPolicy,
    idempotent: bool,
    sleep: Sleep,
    before_retry: BeforeRetry,
) -> T:
    """After attempt 1 failed with ``failure``: run ``attempt(2, wait)``,
    ``attempt(3, wait)``... until one succeeds or a failure is final (raised).

    ``before_retry(failure, retry_number, wait)`` runs before each wait. The caller
    runs the first attempt itself, so a call that succeeds at once builds nothing here.
    """
    number = 1
    while True:
        if number > policy.max_retries or not policy.should_retry(failure, idempotent=idempotent):
            raise failure
        wait = policy.wait(number, failure)
        await before_retry(failure, number, wait)
        await sleep(wait)
        number += 1
        try:
            return await attempt(number, wait)
        except CXError as error:
            failure = error
