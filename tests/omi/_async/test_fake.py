"""FakeOmi flows through the clients: contacts, internal groups, greetings, auth, faults."""

from __future__ import annotations

import pytest

from cxkit._core.errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
)
from cxkit.omi import Contact, ContactFilter, ContactInput, Greeting, InternalGroup
from cxkit.testing.omi import FakeOmi

MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 16


async def test_contact_lifecycle() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    ann = await omi.contacts.create(
        full_name="Ann Nguyen",
        phones=["0912000001"],
        emails=["ann@acme.vn"],
        ref_id="crm-1",
        user_owner_email="boss@acme.vn",
    )
    assert isinstance(ann, Contact) and ann.id and ann.created_date is not None
    assert fake.contacts[0]["fullName"] == "Ann Nguyen"

    await omi.contacts.create_many(
        [ContactInput(full_name=f"Bulk {i}", phones=[f"09130000{i:02d}"]) for i in range(5)]  # type: ignore[list-item]
    )
    assert len(fake.contacts) == 6

    found = await omi.contacts.find(phone="0912000001")
    assert found is not None and found.id == ann.id
    details = await omi.contacts.get(ann.id)
    assert (
        details is not None
        and details.emails is not None
        and details.emails[0].data == "ann@acme.vn"
    )

    updated = await omi.contacts.update(ref_id="crm-1", full_name="Ann Tran", gender="female")
    assert updated is not None and updated.full_name == "Ann Tran" and updated.gender == "female"

    await omi.contacts.add_note(
        phone="0912000001", content="Gọi lại lúc 3h", note_by="boss@acme.vn"
    )
    assert fake.notes[0]["content"] == "Gọi lại lúc 3h"

    await omi.contacts.delete(ann.id)
    with pytest.raises(NotFoundError) as info:
        await omi.contacts.get(ann.id)
    assert info.value.code == 404 and info.value.http_status == 200
    with pytest.raises(NotFoundError):
        await omi.contacts.update(ref_id="crm-1", note="x")


async def test_contact_search_pages_and_filters() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    for i in range(7):
        owner = "boss@acme.vn" if i % 2 else None
        await omi.contacts.create(
            full_name=f"Khách {i}", phones=[f"0914{i:06d}"], user_owner_email=owner
        )
    names = [c.full_name async for c in omi.contacts.list(size=3)]
    assert names == [f"Khách {i}" for i in range(7)]
    assert [c.url.params["page"] for c in fake.calls[-3:]] == ["1", "2", "3"]

    page = await omi.contacts.list(filters=[ContactFilter.owner("unassigned")], size=10)
    assert [c.full_name for c in page.items] == ["Khách 0", "Khách 2", "Khách 4", "Khách 6"]
    assert page.total == 4 and not page.has_next_page()
    page = await omi.contacts.list(keyword="0914000003")
    assert [c.full_name for c in page.items] == ["Khách 3"]


async def test_internal_group_flow() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    group = await omi.internal_groups.create(
        group_name="Sales", sip_members=["100"], strategy="rollover"
    )
    assert isinstance(group, InternalGroup) and group.id and group.sip_members == ["100"]
    with pytest.raises(ConflictError):
        await omi.internal_groups.create(group_name="Sales", sip_members=["101"])
    assert group.id is not None
    after = await omi.internal_groups.add_members(group.id, sip_users=["101", "102"])
    assert after is not None and after.sip_members == ["100", "101", "102"]
    after = await omi.internal_groups.remove_members(group.id, sip_users=["100"])
    assert after is not None and after.members is not None
    assert [m.sip_user for m in after.members] == ["101", "102"]
    updated = await omi.internal_groups.update(
        group.id, group_name="Sales VN", sip_members=["200"], ring_timeout=20
    )
    assert updated.group_name == "Sales VN" and updated.timeout == 20 and updated.last_update_by
    listed = [g.group_name async for g in omi.internal_groups.list(keyword="vn")]
    assert listed == ["Sales VN"]
    await omi.internal_groups.delete(group.id)
    with pytest.raises(NotFoundError):
        await omi.internal_groups.delete(group.id)


async def test_greeting_flow() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    uploaded = await omi.greetings.upload(("chao.mp3", MP3), greeting_name="Chào")
    assert isinstance(uploaded, Greeting) and uploaded.greeting_name == "Chào"
    spoken = await omi.greetings.text_to_speech(
        greeting_name="Nhắc lịch", text="Xin chào", voice="leminh", speed=1
    )
    assert spoken.formality == "Robot đọc" and spoken.voice == "leminh" and spoken.speed == 1
    assert [g.greeting_name async for g in omi.greetings.list(size=1)] == ["Chào", "Nhắc lịch"]
    assert uploaded.id is not None
    await omi.greetings.delete(uploaded.id)
    assert [g["greeting_name"] for g in fake.greetings] == ["Nhắc lịch"]


async def test_wrong_token_is_refused() -> None:
    fake = FakeOmi(token="right")
    omi = fake.async_client(token="wrong", max_retries=0)
    with pytest.raises(AuthenticationError) as info:
        await omi.contacts.find(phone="1")
    assert info.value.http_status == 401 and info.value.code == 401
    assert "wrong" not in str(info.value)


async def test_rotating_token_provider() -> None:
    fake = FakeOmi(token="t1")
    fake.tokens.add("t2")
    tokens = iter(["t1", "t2", "expired"])
    omi = fake.async_client(token=lambda: next(tokens), max_retries=0)
    await omi.greetings.list()
    await omi.greetings.list()
    with pytest.raises(AuthenticationError):
        await omi.greetings.list()
    assert [c.headers["authorization"] for c in fake.calls] == [
        "Bearer t1",
        "Bearer t2",
        "Bearer expired",
    ]


async def test_fake_rejects_what_the_server_would() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    with pytest.raises(NotFoundError):
        await omi.contacts.add_note(phone="0999", content="x")
    with pytest.raises(NotFoundError):
        await omi.internal_groups.add_members("nope", sip_users=["1"])
    assert await omi.contacts.find(ref_code="nope") is None  # a lookup says "none", not raises
    with pytest.raises(NotFoundError):
        await omi.contacts.get("nope")  # a fetch by id raises
    assert fake.notes == []
    # The SDK refuses a bad strategy itself; the fake checks it too.
    response = fake.handle(
        fake.http_client().build_request(
            "POST",
            f"{fake.base_url}/api/call_center/internal_group/add",
            json={"group_name": "x", "strategy": "all", "sip_members": ["1"]},
            headers={"Authorization": "Bearer test-token"},
        )
    )
    assert response.json()["status_code"] == 400
    with pytest.raises(BadRequestError):
        await omi.request("POST", "/api/call_center/internal_group/add", json={"group_name": "x"})


async def test_fault_injection_is_retried() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=2)
    fake.inject_statuses([503])
    page = await omi.greetings.list()
    assert page.items == [] and len(fake.clock.sleeps) == 1
    fake.inject(status=500, times=3)
    with pytest.raises(InternalServerError):
        await omi.greetings.list()


async def test_a_duplicate_contact_is_a_conflict_so_find_or_create_can_be_tested() -> None:
    fake = FakeOmi()
    omi = fake.async_client(max_retries=0)
    await omi.contacts.create(full_name="An", ref_id="crm-1", phones=["0911000001"])
    with pytest.raises(ConflictError):
        await omi.contacts.create(full_name="An again", ref_id="crm-1")
    with pytest.raises(ConflictError):
        await omi.contacts.create(full_name="Other", phones=["0911000001"])

    async def find_or_create(phone: str) -> str:
        found = await omi.contacts.find(phone=phone)
        if found is not None:
            return found.id
        try:
            await omi.contacts.create(full_name="New", phones=[phone])
        except ConflictError:
            pass  # somebody else created it first
        again = await omi.contacts.find(phone=phone)
        assert again is not None
        return again.id

    first, second = await find_or_create("0911000002"), await find_or_create("0911000002")
    assert first == second
    assert len([c for c in fake.contacts if fake._phones(c) == {"0911000002"}]) == 1
