"""One error hierarchy for every vendor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CXError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "ErrorDetail",
    "GoneError",
    "InternalServerError",
    "NoNextPageError",
    "NotCompletedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ThrottleStoreError",
    "UnprocessableEntityError",
    "UnsupportedOperationError",
    "WebhookError",
    "error_class_for_status",
]


def _rebuild(cls: type[CXError], args: tuple[Any, ...], state: dict[str, Any]) -> CXError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


@dataclass(frozen=True)
class ErrorDetail:
    """One error of an answer that lists several (``errors[]``), or one failed batch item."""

    message: str
    code: int | str | None = None
    item: int | str | None = None
    """For a failed batch item: its index in the request or its id."""


class CXError(Exception):
    """Base class of every error cxkit raises.

    Errors pickle (across process pools, Celery, RQ) without the HTTP request and
    response they carry, so no credential travels with them.
    """

    def __reduce__(self) -> Any:
        state = {
            k: v for k, v in self.__dict__.items() if k not in ("request", "response", "_request")
        }
        for key in ("request", "response", "_request"):
            if key in self.__dict__:
                state[key] = None
        return (_rebuild, (type(self), self.args, state))


class ConfigurationError(CXError, ValueError):
    """A client was configured wrongly (missing credential, bad URL, ...)."""


class APIConnectionError(CXError):
    """The request did not get an HTTP response (DNS, refused, reset, ...)."""

    def __init__(
        self, message: str = "Connection error.", *, vendor: str = "", request: httpx.Request
    ) -> None:
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, *, vendor: str = "", request: httpx.Request) -> None:
        super().__init__("Request timed out.", vendor=vendor, request=request)


class APIError(CXError):
    """The vendor answered, and the answer is a failure.

    Raised for HTTP error statuses and for HTTP 200 answers whose envelope says
    the call failed. ``status_code`` is the HTTP status for the former; for an
    envelope failure it is the status the failure maps to (``http_status``
    keeps the real one).
    """

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        status_code: int,
        code: str | int | None = None,
        request_id: str | None = None,
        body: Any = None,
        response: httpx.Response | None = None,
    ) -> None:
        message = " ".join(str(message).split()) or "Unknown error"
        self.message = message
        self.vendor = vendor
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.body = body
        self.response = response
        self.http_status: int | None = response.status_code if response is not None else None
        """The HTTP status of the response that carried the error."""
        self.retry_after: float | None = None
        """Seconds the vendor asked to wait (``Retry-After``), if it did."""
        self.errors: list[ErrorDetail] = []
        """Every error the answer listed, in order (the first is ``message``)."""
        super().__init__(self._one_line())

    @property
    def request(self) -> httpx.Request | None:
        """The request that failed, when known."""
        if self.response is None:
            return None
        try:
            return self.response.request
        except RuntimeError:
            return None

    def _one_line(self) -> str:
        parts = [f"{self.vendor} {self.status_code}"]
        if self.code is not None:
            parts.append(f"[{self.code}]")
        parts.append(self.message)
        if self.request_id:
            parts.append(f"(request_id={self.request_id})")
        return " ".join(parts)


APIStatusError = APIError


class BadRequestError(APIError):
    """HTTP 400: the vendor rejected the request as malformed."""


class AuthenticationError(APIError):
    """HTTP 401: the credentials were refused."""


class PermissionDeniedError(APIError):
    """HTTP 403: the credentials lack the right to do this."""


class NotFoundError(APIError):
    """HTTP 404: the resource does not exist."""


class GoneError(NotFoundError):
    """HTTP 410: the resource existed and is gone for good."""


class ConflictError(APIError):
    """HTTP 409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIError):
    """HTTP 422: the request was understood but its data is invalid."""


class RateLimitError(APIError):
    """HTTP 429 (or the vendor's equivalent): the quota is spent.

    ``retry_after`` is the number of seconds the vendor asked to wait, if any.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIError):
    """HTTP 5xx: the vendor failed."""


class ResponseValidationError(CXError):
    """A response could not be read: not JSON, too deep, undecodable, or (strict mode)
    not fitting its model."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        body: Any = None,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(f"{vendor}: {message}")
        self.message = message
        self.vendor = vendor
        self.body = body
        self.request = request


class ResponseTooLargeError(ResponseValidationError):
    """A response body grew past the client's ``max_response_bytes``; it was not read further."""


class RedirectError(APIError):
    """The vendor answered with a redirect the client does not follow.

    Writes never follow redirects (the write may not have happened); reads stop
    after a few hops. ``location`` is where the vendor pointed.
    """

    def __init__(self, message: str, *, location: str | None = None, **kwargs: Any) -> None:
        self.location = location
        super().__init__(message, **kwargs)


class NotCompletedError(APIError):
    """The vendor accepted the request, but its answer does not say the call succeeded.

    Raised where a vendor documents such an answer (its guide says which). Never
    retried: the call may have taken effect.
    """


class ClientClosedError(CXError):
    """The client was closed (or its pool belongs to another event loop); make a new one."""


class NoNextPageError(CXError, LookupError):
    """``get_next_page()`` was called on the last page (check ``has_next_page()``)."""


class UnsupportedOperationError(CXError, NotImplementedError):
    """The vendor does not offer this operation (see ``capabilities``); nothing was sent."""


class ThrottleStoreError(CXError):
    """The shared throttle store (Redis) failed; the call was not sent (fail closed).

    Retrying later is safe: nothing reached the vendor.
    """


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    410: GoneError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIError]:
    """The error class for an HTTP status code."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIError)


class WebhookError(CXError, ValueError):
    """A webhook body that is not a JSON object, or (strict mode) does not fit its event."""
