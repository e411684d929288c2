"""FakeOmniCXM through the clients: tickets and comments, CRM objects, CDR, login,
token expiry (also in the middle of a paged read), quota, what is not modelled."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cxkit import AuthenticationError, BadRequestError, NotFoundError, RateLimitError
from cxkit.omnicxm import F, Ticket
from cxkit.testing import FakeClock
from cxkit.testing.omnicxm import FakeOmniCXM

VN = ZoneInfo("Asia/Ho_Chi_Minh")


async def test_ticket_lifecycle_with_comments_and_files() -> None:
    fake = FakeOmniCXM()
    cxm = fake.async_client(max_retries=0)
    ticket_id = (
        await cxm.tickets.create(
            subject="Printer on fire",
            content="Help",
            priority="high",
            ccs=["user_1", "bu_2"],
            tags=["#hw"],
            duedate=datetime(2030, 1, 1, tzinfo=VN),
            files=[("log.txt", b"line 1")],
            groups={"custom_group_field_1": {"textfield": "TEXT"}},
        )
    ).id
    ticket = await cxm.tickets.get(ticket_id)
    assert isinstance(ticket, Ticket) and ticket.id == ticket_id
    info = ticket.basicinfo
    assert info is not None and info.subject == "Printer on fire" and info.priority == "high"
    assert info.cc == ["user_1", "bu_2"] and info.tags == ["#hw"]
    assert info.duedate == datetime(2030, 1, 1, tzinfo=VN)
    assert ticket.value("custom_group_field_1.textfield") == "TEXT"
    assert fake.files == [("basicinfo[files][]", "log.txt", b"line 1")]

    await cxm.tickets.update(ticket_id, subject="Printer fixed", deletefileindex=[0])
    updated = await cxm.tickets.get(ticket_id)
    assert updated.basicinfo is not None and updated.basicinfo.subject == "Printer fixed"
    assert updated.basicinfo.attachment == []

    first = await cxm.tickets.comments.create(ticket_id, content="On it", notetype="public")
    second = await cxm.tickets.comments.create(
        ticket_id, content="Private note", notetype="private", files=("photo.jpg", b"\xff\xd8")
    )
    assert second.upload_data is not None and second.upload_data[0].name == "photo.jpg"
    edited = await cxm.tickets.comments.update(ticket_id, idcomment=first.id, content="Done")
    assert edited.id == first.id and edited.raw_content == "Done\n"
    comments = [c.id async for c in cxm.tickets.comments.list(ticket_id, take=1)]
    assert comments == [second.id, first.id]
    await cxm.tickets.comments.delete(ticket_id, second.id)
    assert [c.id async for c in cxm.tickets.comments.list(ticket_id)] == [first.id]
    kinds = [log.type async for log in cxm.tickets.logs.list(ticket_id)]
    assert kinds == [
        "deletecommentnote",
        "addcomment",
        "addcomment",
        "updateticket",
        "createticket",
    ]

    with pytest.raises(NotFoundError, match="Ticket not found"):
        await cxm.tickets.get("000000000000000000000000")
    with pytest.raises(BadRequestError, match="subject"):
        await cxm.tickets.create(content="no subject")
    assert [c.name for c in await cxm.tickets.categories.list()] == ["Support"]
    assert (await cxm.tickets.views.list())[0].key == "system_mineticket"


async def test_tickets_read_with_filter_sort_and_paging() -> None:
    fake = FakeOmniCXM()
    cxm = fake.async_client(max_retries=0)
    ids = []
    for i in range(7):
        ids.append(
            (
                await cxm.tickets.create(subject=f"Ticket {i}", priority="high" if i % 2 else "low")
            ).id
        )
        fake.clock.advance(60)
    since = datetime.fromtimestamp(fake.clock.now(), tz=timezone.utc) - timedelta(minutes=5)
    found = cxm.tickets.read(
        where=(F("created.time") >= since) & (F("basicinfo.priority") == "high"),
        sort=("created.time", "asc"),
        take=1,
    )
    assert [t.id async for t in found] == [ids[3], ids[5]]
    either = cxm.tickets.read(
        where=F("basicinfo.subject").in_(["Ticket 1", "Ticket 2"])
        | F("basicinfo.subject").contains("6"),
        sort=F("created.time").desc(),
        take=2,
    )
    assert [t.id async for t in either] == [ids[6], ids[2], ids[1]]
    listed = [t.id async for t in cxm.tickets.list(take=3)]
    assert listed == list(reversed(ids))
    with pytest.raises(BadRequestError, match="Unsupported filter operator"):
        await cxm.tickets.read(where=F("basicinfo.subject").op("regex", "^T"))


async def test_crm_objects_filter_sort_get_update() -> None:
    fake = FakeOmniCXM()
    cxm = fake.async_client(max_retries=0)
    made = []
    for name, score in (("An", 3), ("Binh", 9), ("Cuong", 5)):
        created = await cxm.objects.create(
            "contacts",
            basicinfo={"first_name": name, "phone": "0912"},
            thongtinkhac={"scorenumber": score, "specialday": datetime(1995, 1, 30, tzinfo=VN)},
            address=[{"city": "Hà Nội"}],
        )
        made.append(created.id)
    good = cxm.objects.read(
        "contacts", where=F("thongtinkhac.scorenumber") >= 5, sort="-thongtinkhac.scorenumber"
    )
    assert [o.value("first_name") async for o in good] == ["Binh", "Cuong"]
    record = await cxm.objects.get(made[0])
    assert record.module == "contacts" and record.collection == "C0001_contacts"
    assert record.value("thongtinkhac.specialday") == int(
        datetime(1995, 1, 30, tzinfo=VN).timestamp()
    )
    assert record.value("address.0.city") == "Hà Nội"
    await cxm.objects.update(
        "contacts",
        made[0],
        basicinfo={"last_name": "Nguyen"},
        groups={"thongtinkhac": {"tags": "vip"}},
    )
    changed = await cxm.objects.get(made[0])
    assert changed.value("last_name") == "Nguyen" and changed.value("thongtinkhac.tags") == "vip"
    assert changed.value("thongtinkhac.scorenumber") == 3
    assert [o.id async for o in cxm.objects.list("contacts", take=2)] == list(reversed(made))
    with pytest.raises(NotFoundError):
        await cxm.objects.get("nope")


async def test_cdr_listing_by_date() -> None:
    fake = FakeOmniCXM()
    for n in range(5):
        fake.add_cdr(src="8001", dst=f"09120000{n}", calldate=1693513271 + n * 3600, billsec=n)
    cxm = fake.async_client(secret_key=fake.secret_key)
    start = datetime(2023, 9, 1, 4, tzinfo=VN)
    calls = [c async for c in cxm.cdr.list(startdate=start, enddate=1693513271 + 3 * 3600, take=2)]
    assert [c.dst for c in calls] == ["091200003", "091200002", "091200001"]
    assert calls[0].calldatetime == datetime(2023, 9, 1, 6, 21, 11, tzinfo=VN)
    assert calls[0].calldate == calls[0].calldatetime and calls[0].billsec == 3
    page = await cxm.cdr.list(take=2)
    assert page.total == 5 and page.has_next_page()


async def test_login_userinfo_logout_and_secret_key() -> None:
    fake = FakeOmniCXM()
    cxm = fake.async_client()
    me = await cxm.users.me()
    assert me.username == "admin.C0001" and fake.logins == 1
    assert cxm.userinfo is not None and cxm.userinfo.customer_code == "C0001"
    await cxm.logout()
    assert fake.logouts == 1 and fake.tokens == {}
    assert await cxm.permissions.modules.list() == ["tickets", "omnichat", "reportcdr"]
    assert fake.logins == 2
    keyed = fake.async_client(secret_key=fake.secret_key)
    assert await keyed.permissions.modules.list() == ["tickets", "omnichat", "reportcdr"]
    assert fake.logins == 2
    wrong = fake.async_client(username="admin.C0001", password="nope", max_retries=0)
    with pytest.raises(AuthenticationError, match="Wrong username or password"):
        await wrong.users.me()


@pytest.mark.parametrize("answer", ["401", "envelope"])
async def test_token_expiry_mid_pagination_loses_and_repeats_no_page(answer: str) -> None:
    fake = FakeOmniCXM(expired_answer=answer)  # type: ignore[arg-type]
    cxm = fake.async_client(max_retries=0)
    made = []
    for i in range(25):
        made.append((await cxm.tickets.create(subject=f"T{i}")).id)
        fake.clock.advance(1)
    assert fake.logins == 1
    seen: list[str | None] = []
    async for ticket in cxm.tickets.list(take=10):
        seen.append(ticket.id)
        if len(seen) == 10:
            fake.expire_tokens()
    assert seen == list(reversed(made))
    assert fake.logins == 2
    pages = [
        c.url.params.get("page")
        for c in fake.calls
        if c.url.path == "/services/tickets/ticket" and c.method == "GET"
    ]
    assert pages == [None, "2", "2", "3"]  # page 2 refused once, then replayed


async def test_token_ttl_on_the_fake_clock() -> None:
    clock = FakeClock()
    fake = FakeOmniCXM(token_ttl=3600, clock=clock)
    cxm = fake.async_client()
    await cxm.users.me()
    clock.advance(3599)
    await cxm.users.me()
    clock.advance(2)
    await cxm.users.me()
    assert fake.logins == 2


async def test_quota_answers_202_then_refills() -> None:
    clock = FakeClock()
    fake = FakeOmniCXM(quota=3, quota_window=60, clock=clock)
    cxm = fake.async_client(max_retries=1)
    await cxm.users.me()  # login + call: 2 of 3
    await cxm.users.me()  # 3 of 3
    with pytest.raises(RateLimitError, match="API limited") as info:
        await cxm.users.me()
    assert info.value.http_status == 202 and len(clock.sleeps) == 1
    clock.advance(60)
    assert (await cxm.users.me()).id


async def test_what_is_not_modelled_answers_404() -> None:
    cxm = FakeOmniCXM().async_client(max_retries=0)
    with pytest.raises(NotFoundError, match="No route"):
        await cxm.omnichat.pages.list()
