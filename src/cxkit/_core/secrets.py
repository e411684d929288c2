"""Keeping credentials out of reprs, logs and error messages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "SENSITIVE_KEYS",
    "Secret",
    "is_sensitive",
    "is_sensitive_header",
    "redact_echo",
    "redact_headers",
    "redact_text",
    "redact_value",
]

SENSITIVE_KEYS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-api-key",
        "password",
        "api_key",
        "apikey",
        "token",
        "access_token",
        "secret",
        "secret_key",
        "cookie",
        "set-cookie",
        "sip_password",
    }
)
_MASK = "***"


class Secret:
    """A credential that never shows itself in ``repr`` or ``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        """The secret value; call only where it is sent."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("Secret values cannot be pickled")


_SENSITIVE_NAME = re.compile(
    r"(?:^|[-_.])(?:token|key|apikey|signature|sig|secret|password|passwd|auth|"
    r"credentials?|session|sessionid)$|token|secret|password|signature"
)


def is_sensitive(key: str) -> bool:
    """Whether a body field name holds a credential."""
    k = key.lower()
    return k in SENSITIVE_KEYS or k.endswith(("password", "_token", "api_key", "secret"))


def is_sensitive_header(name: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a header carries a credential: the known names, any name ending in
    ``-token``, ``-key``, ``-signature`` and the like, and ``extra`` (lower case)."""
    k = name.lower()
    return k in SENSITIVE_KEYS or k in extra or _SENSITIVE_NAME.search(k) is not None


def redact_headers(
    headers: Mapping[str, str], extra: frozenset[str] = frozenset()
) -> dict[str, str]:
    """A copy of ``headers`` with credential headers masked."""
    return {k: (_MASK if is_sensitive_header(k, extra) else v) for k, v in headers.items()}


def redact_value(value: Any) -> Any:
    """A copy of a JSON-like value with credential fields masked."""
    if isinstance(value, Mapping):
        return {
            k: (_MASK if isinstance(k, str) and is_sensitive(k) else redact_value(v))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    return value


_QUERY = re.compile(
    r"(?i)((?:password|api_key|apikey|token|access_token|secret|secret_key)=)[^&\s]+"
)


def redact_text(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with credential query parameters and the given secret values masked."""
    text = _QUERY.sub(r"\1" + _MASK, text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, _MASK)
    return text


def redact_echo(value: Any, secrets: tuple[str, ...]) -> Any:
    """A copy of a parsed body with the given secret values masked wherever echoed."""
    if isinstance(value, str):
        return redact_text(value, secrets)
    if isinstance(value, Mapping):
        return {k: redact_echo(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_echo(v, secrets) for v in value]
    return value
