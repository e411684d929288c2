"""Omnidesk flows through the client against FakeOmnidesk (async source; sync twin generated)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from cxkit._core.errors import (
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from cxkit.omnidesk import AsyncOmnidesk, Attachment, Case, Message, User
from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk

MSK = timedelta(hours=3)


def ident(value: int | None) -> int:
    """A model's id, which the models type as optional."""
    assert value is not None
    return value


def paths(fake: FakeOmnidesk) -> list[str]:
    return [f"{r.method} {r.url.path}" for r in fake.calls]


async def test_user_case_and_reply_with_attachment() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        user = await desk.users.create(user_email="ann@example.com", user_full_name="Ann Lee")
        case = await desk.cases.create(
            subject="Printer on fire",
            user_email="ann@example.com",
            content="Smoke everywhere",
            priority="high",
            custom_fields={"cf_25": "floor 3"},
        )
        reply = await desk.cases.messages.create(
            ident(case.case_id),
            content="On it, see the checklist",
            attachments=[("checklist.pdf", b"%PDF-1.4 steps")],
        )
        fetched = await desk.cases.get(ident(case.case_id))
        thread = [m async for m in desk.cases.messages.list(ident(case.case_id))]

    assert isinstance(user, User) and user.user_id is not None
    assert user.password is not None  # only the create answer carries it
    assert isinstance(case, Case)
    assert case.user_id == user.user_id  # the case found the user by email
    assert (case.status, case.priority, case.channel) == ("open", "high", "web")
    assert case.custom_fields == {"cf_25": "floor 3"}
    assert isinstance(case.created_at, datetime)
    assert case.created_at.utcoffset() == MSK
    assert fetched.case_id == case.case_id and fetched.subject == "Printer on fire"

    assert isinstance(reply, Message)
    assert reply.note is False and reply.user_id == 0
    api_user = next(s for s in fake.staff.values() if s["staff_email"] == fake.email)
    assert reply.staff_id == api_user["staff_id"]  # the API user answers by default
    assert reply.attachments is not None and len(reply.attachments) == 1
    attachment = reply.attachments[0]
    assert isinstance(attachment, Attachment)
    assert (attachment.file_name, attachment.file_size, attachment.mime_type) == (
        "checklist.pdf",
        14,
        "application/pdf",
    )
    stored = fake.files[ident(attachment.file_id)]
    assert (stored.file_name, stored.content) == ("checklist.pdf", b"%PDF-1.4 steps")
    assert (stored.case_id, stored.message_id) == (ident(case.case_id), reply.message_id)
    sent = fake.calls[2]
    assert sent.headers["content-type"].startswith("multipart/form-data")
    assert b'name="message[content]"' in sent.content
    assert b'name="message[attachments][0]"; filename="checklist.pdf"' in sent.content

    # The case's content is its first message, from the user.
    assert [m.content for m in thread] == ["Smoke everywhere", "On it, see the checklist"]
    assert thread[0].user_id == user.user_id and thread[0].staff_id == 0


async def test_case_created_with_attachments_and_a_note() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        case = await desk.cases.create(
            subject="Broken screen",
            user_phone="+79261234567",
            user_full_name="Ivan",
            content="Photo attached",
            custom_fields={"cf_44": "3"},
            labels=[7, 8],
            attachments=[("photo.jpg", b"\xff\xd8jpeg"), ("notes.txt", b"cracked")],
        )
        agent = next(iter(fake.staff))
        note = await desk.cases.notes.create(
            ident(case.case_id), content=f"@s[{agent}] look", note_staff_id=agent
        )

    assert case.custom_fields == {"cf_44": "3"}
    assert case.labels == [7, 8]
    assert case.recipient == "+79261234567"
    user = fake.users[ident(case.user_id)]
    assert (user["type"], user["user_full_name"]) == ("phone", "Ivan")
    first = fake.messages[ident(case.case_id)][0]
    assert [a["file_name"] for a in first["attachments"]] == ["photo.jpg", "notes.txt"]
    assert sorted(f.content for f in fake.files.values()) == [b"cracked", b"\xff\xd8jpeg"]
    assert note.note is True and note.content == f"@s[{agent}] look"
    assert fake.messages[ident(case.case_id)][1]["note_staff_id"] == agent


async def test_open_cases_are_listed_across_pages_lazily() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        for n in range(7):
            await desk.cases.create(subject=f"Open {n}", user_email=f"u{n}@x.io", content="?")
        for n in range(2):
            await desk.cases.create(
                subject=f"Done {n}", user_email="done@x.io", content="ok", status="closed"
            )
        before = len(fake.calls)
        first = await desk.cases.list(status="open", limit=3)
        assert len(fake.calls) == before + 1  # only the first page so far
        assert [c.subject for c in first.items] == ["Open 0", "Open 1", "Open 2"]
        assert first.total == 7 and first.has_next_page()

        subjects = [case.subject async for case in desk.cases.list(status="open", limit=3)]

    assert subjects == [f"Open {n}" for n in range(7)]
    pages = fake.calls[before + 1 :]
    assert [r.url.params["page"] for r in pages] == ["1", "2", "3"]
    assert all(r.url.params["status"] == "open" and r.url.params["limit"] == "3" for r in pages)


async def test_update_trash_restore_and_delete() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        case = await desk.cases.create(subject="Refund", user_email="bob@x.io", content="Pls")
        group = await desk.groups.create(group_title="Billing")
        updated = await desk.cases.update(
            ident(case.case_id), status="waiting", group_id=group.group_id, add_labels=[3]
        )
        trashed = await desk.cases.trash(ident(case.case_id))
        hidden = await desk.cases.list()
        restored = await desk.cases.restore(ident(case.case_id))
        shown = await desk.cases.list()
        await desk.cases.delete(ident(case.case_id))
        with pytest.raises(NotFoundError) as info:
            await desk.cases.get(ident(case.case_id))

    assert (updated.status, updated.group_id, updated.labels) == ("waiting", group.group_id, [3])
    assert trashed.deleted is True
    assert hidden.total == 0
    assert restored.deleted is False and restored.spam is False
    assert [c.case_id for c in shown.items] == [case.case_id]
    assert info.value.status_code == 404
    assert f"case {case.case_id} not found" in info.value.message
    assert case.case_id not in fake.cases


async def test_refusals_become_typed_errors() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client(max_retries=0) as desk:
        case = await desk.cases.create(subject="Help", user_email="c@x.io", content="?")
        with pytest.raises(BadRequestError, match="group_id 999 does not exist"):
            await desk.cases.update(ident(case.case_id), group_id=999)
        await desk.users.create(user_email="dup@x.io")
        with pytest.raises(BadRequestError) as info:
            await desk.users.create(user_email="dup@x.io")
        with pytest.raises(NotFoundError):
            await desk.users.get(1)

    assert info.value.status_code == 400
    assert info.value.body == {"error": "a user with this user_email already exists"}


async def test_users_filters_and_states() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        ann = await desk.users.create(user_email="ann@acme.io", user_phone="+70001112233")
        await desk.users.create(user_email="bob@other.io")
        by_mail = await desk.users.list(user_email="acme")
        by_phone = await desk.users.list(user_phone="1112233^")
        exact = await desk.users.list(user_email="^bob@other.io^")
        blocked = await desk.users.block(ident(ann.user_id))
        disabled = await desk.users.disable(ident(ann.user_id))
        restored = await desk.users.restore(ident(ann.user_id))
        changed = await desk.users.update(ident(ann.user_id), user_full_name="Ann B.")

    assert [u.user_id for u in by_mail.items] == [ann.user_id]
    assert [u.user_id for u in by_phone.items] == [ann.user_id]
    assert [u.user_email for u in exact.items] == ["bob@other.io"]
    assert blocked.active is False
    assert disabled.deleted is True
    assert restored.active is True and restored.deleted is False
    assert changed.user_full_name == "Ann B."


async def test_companies_labels_groups_and_staff() -> None:
    fake = FakeOmnidesk(staff_count=2)
    async with fake.async_client() as desk:
        ann = await desk.users.create(user_email="ann@acme.io")
        company = await desk.companies.create(
            company_name="Acme", company_domains=["acme.io"], company_users=[ident(ann.user_id)]
        )
        listed = await desk.companies.list(company_name="acm", amount_of_users=True)
        blocked = await desk.companies.block(ident(company.company_id))
        label = await desk.labels.create(label_title="vip")
        renamed = await desk.labels.update(ident(label.label_id), label_title="VIP")
        labels = [item.label_title async for item in desk.labels.list()]
        await desk.labels.delete(ident(label.label_id))
        group = await desk.groups.create(group_title="Tier 1")
        off = await desk.groups.disable(ident(group.group_id))
        on = await desk.groups.enable(ident(group.group_id))
        newbie = await desk.staff.create(staff_email="new@acme.ru", staff_full_name="New")
        staff = [s async for s in desk.staff.list()]
        enabled = await desk.staff.enable(ident(newbie.staff_id))

    assert company.company_domains == "acme.io"
    assert [c.company_id for c in listed.items] == [company.company_id]
    assert listed.items[0].amount_of_users == 1
    assert blocked.active is False
    assert renamed.label_title == "VIP" and labels == ["VIP"]
    assert fake.labels == {}
    assert (off.active, on.active) == (False, True)
    assert newbie.active is False  # as the docs' example: inactive until invited
    assert [s.active for s in staff] == [True, True, False]
    assert enabled.active is True


async def test_quota_counts_down_into_rate_limit_then_refuses() -> None:
    clock = FakeClock()
    fake = FakeOmnidesk(calls_per_hour=3, clock=clock)
    async with fake.async_client(max_retries=0) as desk:
        seen = []
        for _ in range(3):
            await desk.staff.list()
            seen.append(desk.rate_limit.remaining)
        with pytest.raises(RateLimitError) as info:
            await desk.staff.list()
        assert desk.rate_limit.remaining == 0
        clock.advance(3600)  # a new hour refills the quota
        await desk.staff.list()
        assert desk.rate_limit.remaining == 2

    assert seen == [2, 1, 0]
    assert info.value.status_code == 429
    assert "limit" in info.value.message


async def test_default_quota_follows_active_staff() -> None:
    async with FakeOmnidesk().async_client() as small:
        await small.staff.list()
        assert small.rate_limit.remaining == 999  # at least 1000 an hour
    async with FakeOmnidesk(staff_count=5).async_client() as big:
        await big.staff.list()
        assert big.rate_limit.remaining == 2499  # 500 per active staff member


async def test_auto_throttle_counts_staff_on_the_fake() -> None:
    fake = FakeOmnidesk(staff_count=3)
    async with fake.async_client(throttle="auto") as desk:
        await desk.cases.list()
        await desk.cases.list()
    assert paths(fake) == [
        "GET /api/staff.json",
        "GET /api/cases.json",
        "GET /api/cases.json",
    ]


async def test_retry_after_429_then_success() -> None:
    clock = FakeClock()
    fake = FakeOmnidesk(clock=clock)
    async with fake.async_client() as desk:
        case = await desk.cases.create(subject="Slow day", user_email="s@x.io", content="?")
        fake.inject(status=429, headers={"Retry-After": "7"}, body={"error": "slow down"})
        got = await desk.cases.get(ident(case.case_id))

    assert got.case_id == case.case_id
    assert paths(fake)[1:] == [f"GET /api/cases/{case.case_id}.json"] * 2
    assert clock.sleeps == [7.0]


async def test_post_answered_500_is_not_retried() -> None:
    clock = FakeClock()
    fake = FakeOmnidesk(clock=clock)
    fake.inject(status=500, method="POST", body={"error": "boom"})
    async with fake.async_client() as desk:
        with pytest.raises(InternalServerError) as info:
            await desk.cases.create(subject="Once", user_email="o@x.io", content="?")
        # An idempotent GET answered 500 is retried.
        fake.inject(status=500, method="GET")
        page = await desk.cases.list()

    assert info.value.status_code == 500 and info.value.message == "boom"
    assert paths(fake) == ["POST /api/cases.json", "GET /api/cases.json", "GET /api/cases.json"]
    assert fake.cases == {} and page.total == 0
    assert len(clock.sleeps) == 1


async def test_wrong_credentials_are_refused() -> None:
    fake = FakeOmnidesk(api_key="right-key")
    async with fake.async_client(api_key="wrong-key") as desk:
        with pytest.raises(AuthenticationError) as info:
            await desk.cases.list()
    async with AsyncOmnidesk(
        base_url=fake.base_url,
        email="other@acme.ru",
        api_key="right-key",
        http_client=fake.async_http_client(),
    ) as stranger:
        with pytest.raises(AuthenticationError):
            await stranger.staff.get(1)

    assert info.value.status_code == 401
    assert "wrong-key" not in str(info.value)
    assert fake.calls_left == fake.calls_per_hour  # refused calls spend no quota
