"""Login-token auth: single-flight login, renewal on 401."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit import AuthenticationError


async def test_expired_token_relogs_in_once_and_replays(token_client_factory: Any) -> None:
    client, fake = token_client_factory()
    await client.items.get(1)
    fake.valid_token = "rotated-on-server"  # the cached token is now expired
    item = await client.items.get(2)
    assert item.id == 2
    assert fake.logins == 2
    paths = [c.url.path for c in fake.calls]
    assert paths == ["/api/login", "/api/items/1", "/api/items/2", "/api/login", "/api/items/2"]


async def test_rejected_again_after_relogin_raises(token_client_factory: Any) -> None:
    client, fake = token_client_factory()
    fake.authenticate = lambda request: (  # type: ignore[method-assign]
        None if request.url.path.endswith("/login") else fake.json({"error": "no"}, status=401)
    )
    with pytest.raises(AuthenticationError):
        await client.items.get(1)
    assert fake.logins == 2
