"""The omnichat lists are pagers like every paged list: the next page is asked for in
the JSON body, with the documented fields kept (async source; the sync twin is generated)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import respx

from cxkit.omnicxm import AsyncOmniCXM, Message, QuickResponse, Room

BASE = "https://cxm.example.vn"


def make() -> AsyncOmniCXM:
    return AsyncOmniCXM(base_url=BASE, username="admin.C0001", password="pw", max_retries=0)


def login() -> httpx.Response:
    return httpx.Response(200, json={"status": True, "token": "tok", "userinfo": {}})


def answer(ids: list[str], *, total: int, pages: int, **extra: Any) -> httpx.Response:
    data = [{"_id": i} for i in ids]
    body = {"status": True, "total": total, "totalPage": pages, "data": data, **extra}
    return httpx.Response(200, json=body)


@respx.mock
async def test_rooms_follow_their_pages() -> None:
    respx.get(f"{BASE}/login").mock(return_value=login())
    route = respx.post(f"{BASE}/services/omnichat/rooms/getrooms").mock(
        side_effect=[answer(["r1", "r2"], total=3, pages=2), answer(["r3"], total=3, pages=2)]
    )
    rooms = [room async for room in make().omnichat.rooms.list(state="new")]
    assert [type(r) for r in rooms] == [Room] * 3 and [r.id for r in rooms] == ["r1", "r2", "r3"]
    bodies = [json.loads(call.request.content) for call in route.calls]
    # The first request is the documented one; the next only adds the page number.
    assert bodies == [{"state": "new"}, {"state": "new", "page": 2}]


@respx.mock
async def test_messages_and_quick_responses_are_pages() -> None:
    respx.get(f"{BASE}/login").mock(return_value=login())
    respx.post(f"{BASE}/services/omnichat/messages/getmessages").mock(
        return_value=answer(["m1"], total=1, pages=1, messageFor="room-1")
    )
    respx.post(f"{BASE}/services/omnichat/general/readQuickResponses").mock(
        return_value=answer(["q1"], total=1, pages=1)
    )
    client = make()
    first = await client.omnichat.messages.list(room_id="room-1", page_id="p", source="zalo")
    assert first.total == 1 and not first.has_next_page()
    assert [type(m) for m in first.items] == [Message]
    replies = await client.omnichat.quick_responses.list(textsearch="phn", take=50)
    assert [r.id for r in replies.items] == ["q1"] and isinstance(replies.items[0], QuickResponse)
