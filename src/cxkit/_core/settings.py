"""A client's settings: every option checked once, by name, before anything is built.

The options a copy made by ``with_options`` may change are the fields of
:class:`Settings`; the rest (pool, throttle, clock...) belong to the client and its
copies share them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from .config import (
    DEFAULT_MAX_RETRIES,
    check_headers,
    check_hooks,
    check_positive_int,
    check_retries,
    check_wait,
    make_timeout,
)
from .errors import ConfigurationError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "CLIENT_OPTIONS",
    "COPYABLE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "Settings",
    "SettingsView",
    "check_names",
]

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

CLIENT_OPTIONS = (
    "timeout",
    "max_retries",
    "max_retry_wait",
    "default_headers",
    "http_client",
    "allow_insecure",
    "throttle",
    "throttle_storage",
    "strict",
    "clock",
    "max_concurrency",
    "max_response_bytes",
    "transport",
    "on_request",
    "on_response",
    "on_retry",
    "sensitive_headers",
    "log_bodies",
)
"""Every option a vendor client takes besides its credentials."""

COPYABLE = (
    "timeout",
    "max_retries",
    "max_retry_wait",
    "default_headers",
    "strict",
    "on_request",
    "on_response",
    "on_retry",
    "log_bodies",
)
"""The options ``with_options`` may change."""


def check_names(given: Iterable[str], known: Iterable[str], *, owner: str) -> None:
    """Refuse a keyword ``owner`` does not take, naming it and the closest known one."""
    known = list(known)
    for name in given:
        if name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ConfigurationError(f"{owner} got an unexpected keyword argument {name!r}{hint}")


@dataclass(frozen=True)
class Settings:
    """The per-client options a ``with_options`` copy may change, checked."""

    vendor: str
    timeout: httpx.Timeout
    max_retries: int = DEFAULT_MAX_RETRIES
    max_retry_wait: float = 60.0
    default_headers: Mapping[str, str] = field(default_factory=dict)
    strict: bool = False
    hooks: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    log_bodies: bool = False

    @classmethod
    def make(cls, vendor: str, options: Mapping[str, Any]) -> Settings:
        """Settings from a client's keyword options (absent ones take the defaults)."""
        return cls(vendor=vendor, timeout=make_timeout(None, vendor=vendor)).changed(options)

    def changed(self, options: Mapping[str, Any]) -> Settings:
        """A copy with ``options`` applied (headers and hooks merge with the current ones)."""
        vendor = self.vendor
        changes: dict[str, Any] = {}
        if "timeout" in options:
            changes["timeout"] = make_timeout(options["timeout"], vendor=vendor)
        if options.get("max_retries") is not None:
            changes["max_retries"] = check_retries(options["max_retries"], vendor=vendor)
        if options.get("max_retry_wait") is not None:
            changes["max_retry_wait"] = check_wait(options["max_retry_wait"], vendor=vendor)
        if "default_headers" in options:
            extra = check_headers(options["default_headers"], vendor=vendor)
            changes["default_headers"] = {**self.default_headers, **extra}
        if "strict" in options:
            changes["strict"] = bool(options["strict"])
        if "log_bodies" in options:
            changes["log_bodies"] = bool(options["log_bodies"])
        hooks = {k: v for k, v in options.items() if k in ("on_request", "on_response", "on_retry")}
        if hooks:
            merged = {**self.hooks, **hooks}
            changes["hooks"] = check_hooks(
                vendor, merged.get("on_request"), merged.get("on_response"), merged.get("on_retry")
            )
        return replace(self, **changes) if changes else self


class SettingsView:
    """The settings a client shows as attributes (read-only; ``with_options`` changes them)."""

    _settings: Settings
    _headers: Mapping[str, str]
    _owner: bool

    _SHARED_STATE: ClassVar[tuple[str, ...]] = (
        "_allow_insecure", "_auth", "_builder", "_clock", "_concurrency", "_decoders",
        "_dialect", "_headers", "_parse_context", "_sender", "_shared", "_transport",
        "base_url", "max_response_bytes", "time_zone",
    )  # fmt: skip
    """What a ``with_options`` copy shares with its client (the pool, auth, stages...);
    the copy has settings of its own. A vendor that keeps more state adds its names."""

    def _copy_with(self, options: Mapping[str, Any]) -> Self:
        """The ``with_options`` copy: the declared shared state, settings changed."""
        for name in options:
            if name in CLIENT_OPTIONS and name not in COPYABLE:
                raise ConfigurationError(
                    f"{self._settings.vendor}: with_options cannot change {name}; "
                    "create a new client"
                )
        check_names(options, COPYABLE, owner=f"{type(self).__name__}.with_options()")
        new = type(self).__new__(type(self))
        state = vars(self)
        vars(new).update({name: state[name] for name in self._SHARED_STATE if name in state})
        new._owner = False
        new._settings = self._settings.changed(options)
        if "default_headers" in options:
            new._headers = {**self._headers, **new._settings.default_headers}
        return new

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of every attempt."""
        return self._settings.timeout

    @property
    def max_retries(self) -> int:
        """Retries after a failed attempt that may be retried."""
        return self._settings.max_retries

    @property
    def max_retry_wait(self) -> float:
        """The longest wait a ``Retry-After`` may ask for."""
        return self._settings.max_retry_wait

    @property
    def default_headers(self) -> Mapping[str, str]:
        """Headers sent with every request."""
        return self._settings.default_headers

    @property
    def strict(self) -> bool:
        """Whether a response that does not fit its model fails the call."""
        return self._settings.strict


def check_max_bytes(value: Any, *, vendor: str) -> int:
    """``max_response_bytes`` as a positive int."""
    return check_positive_int(value, vendor=vendor, name="max_response_bytes")


def check_sensitive_headers(value: Any, *, vendor: str) -> frozenset[str]:
    """Header names a user marks as credentials, lower case."""
    if value is None:
        return frozenset()
    if isinstance(value, str) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigurationError(f"{vendor}: sensitive_headers must be a list of header names")
    return frozenset(v.strip().lower() for v in value)


def check_pool_options(
    vendor: str, http_client: Any, transport: Any, client_type: type, transport_type: type
) -> None:
    """``http_client`` and ``transport`` of the right kinds, and not both."""
    if http_client is not None and not isinstance(http_client, client_type):
        raise ConfigurationError(f"{vendor}: http_client must be an httpx.{client_type.__name__}")
    if transport is not None and not isinstance(transport, transport_type):
        raise ConfigurationError(f"{vendor}: transport must be an httpx.{transport_type.__name__}")
    if transport is not None and http_client is not None:
        raise ConfigurationError(f"{vendor}: pass http_client or transport, not both")
