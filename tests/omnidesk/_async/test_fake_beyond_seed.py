"""FakeOmnidesk's routes beyond the documented seed, through the client
(async source; the sync twin is generated)."""

from __future__ import annotations

import pytest

from cxkit._core.errors import BadRequestError, NotFoundError
from cxkit.omnidesk import AsyncOmnidesk, Case
from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk


def ident(value: int | None) -> int:
    """A model's id, which the seed's models type as optional."""
    assert value is not None
    return value


async def new_case(desk: AsyncOmnidesk, email: str = "ann@example.com") -> Case:
    return await desk.cases.create(subject="Printer on fire", user_email=email, content="Smoke")


async def test_changes_to_a_case_append_changelog_entries() -> None:
    clock = FakeClock(start=1399238117)  # Mon, 05 May 2014 00:15:17 +0300
    fake = FakeOmnidesk(staff_count=2, clock=clock)
    agent = max(fake.staff)
    async with fake.async_client() as desk:
        case = await new_case(desk)
        case_id = ident(case.case_id)
        assert await desk.cases.changelog.list(case_id) == []
        clock.advance(60)
        group = await desk.groups.create(group_title="Tier 2")
        await desk.cases.update(
            case_id, status="waiting", staff_id=agent, group_id=ident(group.group_id)
        )
        await desk.cases.bulk_update([case_id], priority="high", add_labels=[7])
        fake.cases[case_id]["subject"] = "Printer fixed"  # e.g. an agent in the web UI
        entries = await desk.cases.changelog.list(case_id)
        without_staff = await desk.cases.changelog.list(case_id, staff=False, labels=False)

    api_user = f"staff_{min(fake.staff)}"
    assert [(e.event, e.old_value, e.value, e.done_by) for e in entries] == [
        ("staff", "0", str(agent), api_user),
        ("status", "open", "waiting", api_user),
        ("group", "0", str(group.group_id), api_user),
        ("priority", "normal", "high", api_user),
        ("labels", "", "7", api_user),
        ("subject", "Printer on fire", "Printer fixed", "system"),
    ]
    assert entries[0].created_at is not None
    assert entries[0].created_at.timestamp() == 1399238117 + 60
    assert [e.event for e in without_staff] == ["status", "group", "priority", "subject"]
    assert fake.changelog[case_id][1]["value"] == "waiting"


async def test_changelog_of_an_unknown_or_deleted_case_is_404() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        case = await new_case(desk)
        await desk.cases.update(ident(case.case_id), status="closed")
        await desk.cases.delete(ident(case.case_id))
        with pytest.raises(NotFoundError):
            await desk.cases.changelog.list(ident(case.case_id))
    assert fake.changelog == {}


async def test_rating_a_case_twice_keeps_one_rating_listed_by_satisfaction() -> None:
    fake = FakeOmnidesk(staff_count=2)
    agent = max(fake.staff)
    async with fake.async_client() as desk:
        first = await new_case(desk)
        second = await new_case(desk, "bob@example.com")
        rated = await desk.cases.rate(ident(first.case_id), rating="low")
        again = await desk.cases.rate(
            ident(first.case_id), rating="high", rating_comment="Solved", rated_staff_id=agent
        )
        await desk.cases.rate(ident(second.case_id), rating="middle")
        fetched = await desk.cases.get(ident(first.case_id))
        newest_first = [r async for r in desk.statistics.satisfaction(period="this_month")]
        commented = [
            r async for r in desk.statistics.satisfaction(period="today", rating_comment=True)
        ]
        high = [r async for r in desk.statistics.satisfaction(period="today", rating="high")]
        page = await desk.statistics.satisfaction(period="today", limit=1, sort="added_at_asc")
        changelog = await desk.cases.changelog.list(ident(first.case_id))

    assert (rated.rating, rated.rated_staff_id) == ("low", 0)
    assert (again.rating, again.rating_comment, again.rated_staff_id) == ("high", "Solved", agent)
    assert fetched.model_extra is not None and fetched.model_extra["rating"] == "high"
    assert [(r.case_id, r.rating) for r in newest_first] == [
        (second.case_id, "middle"),
        (first.case_id, "high"),
    ]
    assert len(fake.ratings) == 2  # the second rating of a case replaced the first
    assert [r.case_id for r in commented] == [first.case_id]
    assert [r.rating_id for r in high] == [newest_first[1].rating_id]
    assert (page.total, [r.case_id for r in page.items]) == (2, [first.case_id])
    assert changelog == []  # a rating is not a change of the case's fields


async def test_rating_a_message() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        case = await new_case(desk)
        reply = await desk.cases.messages.create(ident(case.case_id), content="Try turning it off")
        note = await desk.cases.notes.create(ident(case.case_id), content="Internal")
        rated = await desk.cases.messages.rate(
            ident(case.case_id), ident(reply.message_id), rating="high", rating_comment="Worked"
        )
        with pytest.raises(NotFoundError):
            await desk.cases.messages.rate(
                ident(case.case_id), ident(note.message_id), rating="low"
            )
        with pytest.raises(BadRequestError):
            await desk.cases.rate(ident(case.case_id), rating="high", rated_staff_id=999)
    assert (rated.message_id, rated.rating, rated.rating_comment) == (
        reply.message_id,
        "high",
        "Worked",
    )
    assert rated.rated_staff_id == reply.staff_id
    stored = fake.messages[ident(case.case_id)][-2]
    assert (stored["message_id"], stored["rating"]) == (reply.message_id, "high")
    assert fake.ratings == {}  # message ratings are not listed by stats_satisfaction


async def test_macros_roles_and_statuses() -> None:
    fake = FakeOmnidesk()
    macro = fake.add_macro(
        "Close as solved",
        [{"action_type": "status", "action_destination": "3"}, {"action_type": "add_note"}],
        group_name="General",
    )
    fake.add_macro("Thanks", [{"action_type": "email_to_user"}], personal=True, category="Mine")
    role = fake.add_staff_role("First line")
    custom = fake.add_staff_status("Lunch", active=False)
    async with fake.async_client() as desk:
        catalog = await desk.macros.list()
        roles = await desk.staff_roles.list()
        statuses = await desk.staff_statuses.list()
    async with FakeOmnidesk().async_client() as other:
        empty = await other.macros.list()

    assert catalog.common is not None and catalog.personal is not None
    (uncategorised,) = catalog.common
    assert (uncategorised.macros_category_id, uncategorised.title) == (0, "No category")
    (found,) = uncategorised.macros or []
    assert (found.macro_id, found.title, found.group_name) == (
        macro["macro_id"],
        "Close as solved",
        "General",
    )
    assert [(a.action_type, a.position) for a in found.actions or []] == [
        ("status", 1),
        ("add_note", 2),
    ]
    assert [c.title for c in catalog.personal] == ["Mine"]
    assert (empty.common, empty.personal) == ([], [])
    assert [(r.role_id, r.role) for r in roles] == [(role["role_id"], "First line")]
    assert [(s.status, s.active) for s in statuses] == [
        ("Online", True),
        ("Offline", True),
        ("No chats", True),
        ("Lunch", False),
    ]
    assert statuses[-1].status_id == custom["status_id"]


async def test_linking_and_unlinking_users() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        ann = await desk.users.create(user_email="ann@example.com")
        bob = await desk.users.create(user_phone="+79261234567")
        eve = await desk.users.create(user_email="eve@example.com")
        linked = await desk.users.link(ident(ann.user_id), user_phone="+79261234567")
        again = await desk.users.link(ident(ann.user_id), other_user_id=ident(bob.user_id))
        await desk.users.link(ident(ann.user_id), user_email="EVE@example.com")
        unlinked = await desk.users.unlink(ident(ann.user_id), other_user_id=ident(bob.user_id))
        twice = await desk.users.unlink(ident(ann.user_id), other_user_id=ident(bob.user_id))
        with pytest.raises(NotFoundError):
            await desk.users.link(ident(ann.user_id), user_email="nobody@example.com")
        with pytest.raises(BadRequestError):
            await desk.users.link(ident(ann.user_id), other_user_id=ident(ann.user_id))
    assert linked.linked_users == [bob.user_id]
    assert again.linked_users == [bob.user_id]  # linking again changes nothing
    assert unlinked.linked_users == [eve.user_id] == twice.linked_users
    assert fake.users[ident(bob.user_id)]["linked_users"] == []
    assert fake.users[ident(eve.user_id)]["linked_users"] == [ann.user_id]


async def test_each_identification_gives_a_new_code() -> None:
    fake = FakeOmnidesk()
    async with fake.async_client() as desk:
        first = await desk.users.identify(user_email="ann@example.com", user_full_name="Ann")
        second = await desk.users.identify(user_email="ann@example.com", user_full_name="Ann")
    assert first.code != second.code
    assert fake.identification_codes[first.code] == {
        "user_email": "ann@example.com",
        "user_full_name": "Ann",
    }
