"""Webhook items: which events Thulium posts to which URL (async source; the sync twin is generated).

This is the configuration API; to read the events Thulium posts, see
:mod:`cxkit.thulium.webhooks`. Inferred: the seed lists these endpoints in its
index only; the ``action`` names are the ones its webhook section documents.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import httpx
from pydantic import SecretStr

from ...._core import (
    AsyncAPIResource,
    check_choice,
    check_text,
    drop_none,
    id_path,
    operation,
)
from ..._values import opt_text
from ...types.webhooks_config import Webhook, WebhookAction

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncWebhooks"]


def _url(value: Any) -> str:
    text = check_text("subscription_url", value).strip()
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"subscription_url must be an http(s) URL; got {value!r}")
    return text


def _actions(values: Any) -> builtins.list[str]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise TypeError("actions must be a list of action names, e.g. ['TICKET_CREATED']")
    if not values:
        raise ValueError("actions must not be empty")
    return builtins.list(check_choice("actions", values, WebhookAction))


class AsyncWebhooks(AsyncAPIResource):
    """Webhook items (the URLs Thulium posts events to)."""

    @operation("GET", "/webhooks")
    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Webhook]:
        """List every webhook item (one answer, not paged). Inferred (index-only in the seed)."""
        return await self._call(self.list, cast_to=builtins.list[Webhook], options=options)

    @operation("POST", "/webhooks")
    async def create(
        self,
        *,
        actions: Sequence[WebhookAction],
        subscription_url: str,
        http_auth_user: str | None = None,
        http_auth_password: str | SecretStr | None = None,
        **options: Unpack[RequestOptions],
    ) -> Webhook:
        """Post the events ``actions`` to ``subscription_url``. Inferred (index-only in the seed).

        ``http_auth_user`` / ``http_auth_password`` are Basic Auth credentials sent
        with each call.
        """
        password = (
            http_auth_password.get_secret_value()
            if isinstance(http_auth_password, SecretStr)
            else http_auth_password
        )
        body = drop_none(
            actions=_actions(actions),
            subscription_url=_url(subscription_url),
            http_auth_user=opt_text("http_auth_user", http_auth_user),
            http_auth_password=opt_text("http_auth_password", password),
        )
        return await self._call(self.create, body=body, cast_to=Webhook, options=options)

    @operation("DELETE", "/webhooks/{id}")
    async def delete(self, id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete webhook item ``id``. Inferred (index-only in the seed)."""
        await self._call(self.delete, path=id_path(id=id), options=options)
