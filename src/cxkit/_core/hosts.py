"""Base URLs of vendors that host each account under its own subdomain."""

from __future__ import annotations

import re

from .errors import ConfigurationError

__all__ = ["account_base_url"]

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", re.IGNORECASE)


def account_base_url(
    label: str | None, base_url: str | None, *, vendor: str, name: str, what: str, suffix: str
) -> str:
    """``base_url`` when given, else ``https://<label><suffix>/api``.

    ``label`` is the account's subdomain (``acme``; a pasted ``acme<suffix>`` is
    accepted), passed as the client argument ``name`` (``domain``, ``system``) and
    described to the user as ``what`` (``account name``); anything that is not one
    DNS label is a :class:`ConfigurationError`.
    """
    if base_url is not None:
        return base_url
    upper = vendor.upper()
    if label is None:
        raise ConfigurationError(
            f"{vendor}: missing {name}; pass {name}=... (the 'acme' of acme{suffix}) "
            f"or set {upper}_{name.upper()}, or pass base_url=... / set {upper}_BASE_URL"
        )
    if not isinstance(label, str):
        raise ConfigurationError(f"{vendor}: {name} must be a string such as 'acme'")
    host = label.strip()
    if host.lower().endswith(suffix):
        host = host[: -len(suffix)]
    if not _LABEL.match(host):
        raise ConfigurationError(
            f"{vendor}: invalid {name} {label!r}; pass the {what} only "
            f"(the 'acme' of https://acme{suffix}), or base_url=..."
        )
    return f"https://{host.lower()}{suffix}/api"
