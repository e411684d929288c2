"""Base URLs of vendors that host each account under its own subdomain."""

from __future__ import annotations

import re

from .config import setting
from .errors import ConfigurationError

__all__ = ["account_base_url"]

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", re.IGNORECASE)


def account_base_url(
    label: str | None,
    base_url: str | None,
    *,
    env: str,
    base_url_env: str,
    vendor: str,
    name: str,
    what: str,
    suffix: str,
) -> str:
    """The base URL of a client of a vendor that hosts each account under its own
    subdomain: ``base_url``, else ``https://<label><suffix>/api``.

    ``label`` is the account's subdomain (``acme``; a pasted ``acme<suffix>`` is
    accepted), passed as the client argument ``name`` (``domain``, ``system``) and
    described to the user as ``what`` (``account name``). Passing both is a
    :class:`ConfigurationError`; passing neither reads the environment variable
    ``base_url_env``, then ``env`` (the label). A label that is not one DNS label,
    or none at all, is a :class:`ConfigurationError`.
    """
    if base_url is not None and label is not None:
        raise ConfigurationError(f"{vendor}: pass {name} or base_url, not both")
    if base_url is None and label is None:
        base_url = setting(None, base_url_env, vendor=vendor, name="base_url", required=False)
    if base_url is not None:
        return base_url
    label = setting(label, env, vendor=vendor, name=name, required=False)
    if label is None:
        raise ConfigurationError(
            f"{vendor}: missing {name}; pass {name}=... (the 'acme' of acme{suffix}) "
            f"or set {env}, or pass base_url=... / set {base_url_env}"
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
