"""Which failures are retried, and how long to wait: pure rules, no I/O."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from .errors import APIConnectionError, APIError, APITimeoutError, RateLimitError

__all__ = ["RETRYABLE_STATUSES", "RetryPolicy"]

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, honouring ``Retry-After``.

    ``initial`` and ``maximum`` bound the backoff in seconds; ``max_retry_wait``
    caps what a vendor's ``Retry-After`` may ask for.
    """

    max_retries: int = 2
    initial: float = 0.5
    maximum: float = 8.0
    max_retry_wait: float = 60.0
    jitter: Callable[[], float] = random.random

    def should_retry(self, exc: BaseException, *, idempotent: bool) -> bool:
        """Whether ``exc`` may be retried for a request of this kind."""
        if isinstance(exc, APIError):
            if isinstance(exc, RateLimitError):
                # An HTTP 429 is a refusal, never applied: safe for any method. A quota
                # named in another answer (a 200 envelope, a 202) may follow a done write.
                return idempotent or exc.http_status == 429
            if exc.http_status not in RETRYABLE_STATUSES:
                return False
            return idempotent
        if isinstance(exc, APIConnectionError):
            return idempotent or never_reached_server(exc)
        return False

    def wait(self, attempt: int, exc: BaseException | None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based)."""
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, (int, float)) and retry_after >= 0:
            return float(min(retry_after, self.max_retry_wait))
        ceiling: float = min(self.maximum, self.initial * (2 ** (attempt - 1)))
        if ceiling <= self.initial:
            return ceiling
        return max(self.initial, ceiling * float(self.jitter()))


def never_reached_server(exc: APIConnectionError) -> bool:
    """True when the failure happened before any byte of the request was sent."""
    cause = exc.__cause__
    if isinstance(exc, APITimeoutError):
        return isinstance(cause, (httpx.ConnectTimeout, httpx.PoolTimeout))
    return isinstance(cause, httpx.ConnectError)
