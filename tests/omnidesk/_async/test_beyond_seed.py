"""Operations beyond the documented seed: the request sent, the answer parsed, bad
input refused before sending (async source; the sync twin is generated)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
import respx

from cxkit._core.errors import InternalServerError
from cxkit.omnidesk import (
    AsyncOmnidesk,
    ChangelogEntry,
    IdentificationCode,
    LeaderboardEntry,
    MacroCatalog,
    RatedCase,
    RatedMessage,
    SatisfactionRating,
    StaffRole,
    StaffStatus,
    User,
)
from cxkit.testing import FakeClock

BASE = "https://acme.omnidesk.ru/api"
MSK = timezone(timedelta(hours=3))
HEADERS = {"api_calls_left": "498"}

CASE = {
    "case_id": 2000,
    "case_number": "664-245651",
    "subject": "I need help",
    "user_id": 123,
    "staff_id": 22,
    "status": "waiting",
    "created_at": "Mon, 05 May 2014 00:15:17 +0300",
    "updated_at": "Tue, 23 Dec 2014 10:55:23 +0200",
}
USER = {
    "user_id": 200,
    "user_full_name": "Ann Lee",
    "type": "telegram",
    "telegram_id": 495500001,
    "created_at": "Mon, 05 May 2014 00:15:17 +0300",
    "linked_users": [200, 300],
}


def make(**options: Any) -> AsyncOmnidesk:
    options.setdefault("max_retries", 0)
    return AsyncOmnidesk(domain="acme", email="bot@acme.ru", api_key="k3y", **options)


def ok(data: Any) -> httpx.Response:
    return httpx.Response(200, json=data, headers=HEADERS)


def sent_json(route: respx.Route) -> Any:
    request = route.calls.last.request
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


def query(route: respx.Route) -> list[tuple[str, str]]:
    return sorted(route.calls.last.request.url.params.multi_items())


# -- cases.changelog.list -----------------------------------------------------------


async def test_changelog_sends_the_flags_and_reads_the_entries() -> None:
    answer = {
        "changelog": [
            {
                "created_at": "Fri, 13 Aug 2021 12:57:54 +0300",
                "event": "rules",
                "done_by": "rule_1332",
                "old_value": "Notify on Slack (ID - 1332)",
            },
            {
                "created_at": "Fri, 13 Aug 2021 12:58:07 +0300",
                "event": "status",
                "done_by": "staff_330",
                "old_value": "open",
                "value": "waiting",
                "note": "kept",
            },
        ]
    }
    desk = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases/2000/changelog.json").mock(return_value=ok(answer))
        entries = await desk.cases.changelog.list(
            2000, staff=False, show_chat_activation=True, rules=True
        )
    assert route.calls.last.request.method == "GET"
    assert route.calls.last.request.content == b""
    assert query(route) == [("rules", "true"), ("show_chat_activation", "true"), ("staff", "false")]
    assert [type(e) for e in entries] == [ChangelogEntry, ChangelogEntry]
    first, second = entries
    assert (first.event, first.done_by, first.old_value, first.value) == (
        "rules",
        "rule_1332",
        "Notify on Slack (ID - 1332)",
        None,
    )
    assert second.created_at == datetime(2021, 8, 13, 12, 58, 7, tzinfo=MSK)
    assert (second.old_value, second.value) == ("open", "waiting")
    assert second.model_extra == {"note": "kept"}
    assert desk.rate_limit.remaining == 498


async def test_changelog_without_flags_sends_no_query() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/cases/7/changelog.json").mock(return_value=ok({"changelog": []}))
        assert await make().cases.changelog.list(7) == []
    assert query(route) == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"case_id": 0}, ValueError),
        ({"case_id": "7"}, TypeError),
        ({"case_id": 7, "status": "open"}, TypeError),  # a flag, not a filter value
        ({"case_id": 7, "labels": 1}, TypeError),
    ],
)
async def test_changelog_refuses_bad_input(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        with pytest.raises(error):
            await make().cases.changelog.list(**kwargs)
        assert not mock.calls


# -- cases.rate and cases.messages.rate -----------------------------------------------


async def test_rate_case_wraps_the_body_in_rate_and_reads_the_case() -> None:
    rated = {**CASE, "rating": "high", "rating_comment": "Quick and kind", "rated_staff_id": 22}
    desk = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/cases/2000/rate.json").mock(return_value=ok({"case": rated}))
        case = await desk.cases.rate(
            2000, rating="high", rating_comment="Quick and kind", rated_staff_id=22
        )
    assert sent_json(route) == {
        "rate": {"rating": "high", "rating_comment": "Quick and kind", "rated_staff_id": 22}
    }
    assert type(case) is RatedCase
    assert (case.case_id, case.rating, case.rating_comment, case.rated_staff_id) == (
        2000,
        "high",
        "Quick and kind",
        22,
    )
    assert case.created_at == datetime(2014, 5, 5, 0, 15, 17, tzinfo=MSK)


async def test_rate_case_sends_only_what_is_given() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/cases/2000/rate.json").mock(return_value=ok({"case": CASE}))
        await make().cases.rate(2000, rating="low")
    assert sent_json(route) == {"rate": {"rating": "low"}}


async def test_rate_message_wraps_the_body_and_reads_the_message() -> None:
    message = {
        "message_id": 2001,
        "user_id": 0,
        "staff_id": 123,
        "content": "Fixed it",
        "note": False,
        "created_at": "Tue, 06 May 2014 00:15:17 +0300",
        "rating": "middle",
        "rating_comment": "",
        "rated_staff_id": 123,
    }
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/cases/2000/rate/2001.json").mock(
            return_value=ok({"message": message})
        )
        rated = await make().cases.messages.rate(2000, 2001, rating="middle", rating_comment="")
    assert sent_json(route) == {"rate": {"rating": "middle", "rating_comment": ""}}
    assert type(rated) is RatedMessage
    assert (rated.message_id, rated.rating, rated.rated_staff_id, rated.note) == (
        2001,
        "middle",
        123,
        False,
    )


async def test_ratings_are_retried_like_any_put() -> None:
    clock = FakeClock()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/cases/2000/rate.json").mock(
            side_effect=[httpx.Response(503), ok({"case": CASE})]
        )
        await make(max_retries=1, clock=clock).cases.rate(2000, rating="high")
    assert route.call_count == 2  # a second identical rating is the same state


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda d: d.cases.rate(2000, rating="great"), ValueError),
        (lambda d: d.cases.rate(2000, rating=["high"]), TypeError),
        (lambda d: d.cases.rate(2000, rating="high", rated_staff_id=0), ValueError),
        (lambda d: d.cases.rate(-1, rating="high"), ValueError),
        (lambda d: d.cases.messages.rate(2000, 2001, rating="5"), ValueError),
        (lambda d: d.cases.messages.rate(2000, None, rating="high"), TypeError),
    ],
)
async def test_ratings_refuse_bad_input(call: Any, error: type[Exception]) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        with pytest.raises(error):
            await call(make())
        assert not mock.calls


# -- macros, staff roles and statuses ---------------------------------------------------


MACROS = {
    "common": {
        "0": {
            "title": "No category",
            "sort": 99999,
            "macros_category_id": 0,
            "data": {
                "196529": {
                    "title": "Hand over to billing",
                    "position": 0,
                    "group_name": "General",
                    "actions": [
                        {
                            "macro_action_id": 866678,
                            "action_type": "add_note",
                            "action_display_name": "Add a note",
                            "action_destination": "",
                            "content": "Billing, please have a look.",
                            "subject": "",
                            "position": 1,
                        },
                        {
                            "macro_action_id": 866679,
                            "action_type": "group_id",
                            "action_display_name": "Set the group",
                            "action_destination": "81765",
                            "position": 2,
                        },
                    ],
                }
            },
        }
    },
    "personal": [
        {
            "title": "Thanks",
            "sort": 1,
            "macros_category_id": 12,
            "data": {
                "196528": {
                    "title": "Thank and close",
                    "position": 1,
                    "actions": [
                        {
                            "macro_action_id": 866613,
                            "action_type": "email_to_user",
                            "action_destination": {"1": "Спасибо!", "2": "Thank you!"},
                            "position": 1,
                        }
                    ],
                }
            },
        }
    ],
}


async def test_macros_are_read_from_both_groups_and_any_list_shape() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/macros.json").mock(return_value=ok(MACROS))
        catalog = await make().macros.list()
    assert query(route) == [] and route.calls.last.request.content == b""
    assert type(catalog) is MacroCatalog
    assert catalog.common is not None and catalog.personal is not None
    (common,) = catalog.common
    assert (common.macros_category_id, common.title, common.sort) == (0, "No category", 99999)
    assert common.macros is not None
    (macro,) = common.macros
    assert (macro.macro_id, macro.title, macro.group_name) == (
        196529,
        "Hand over to billing",
        "General",
    )
    assert macro.actions is not None
    assert [(a.macro_action_id, a.action_type, a.action_destination) for a in macro.actions] == [
        (866678, "add_note", ""),
        (866679, "group_id", "81765"),
    ]
    (personal,) = catalog.personal
    assert personal.macros is not None and personal.macros[0].macro_id == 196528
    action = (personal.macros[0].actions or [])[0]
    assert action.action_destination == {"1": "Спасибо!", "2": "Thank you!"}
    assert catalog.to_dict()["common"][0]["data"][0]["title"] == "Hand over to billing"


async def test_no_macros_at_all() -> None:
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/macros.json").mock(return_value=ok({"common": [], "personal": []}))
        catalog = await make().macros.list()
    assert (catalog.common, catalog.personal) == ([], [])


async def test_staff_roles_and_statuses_are_unwrapped() -> None:
    roles = {
        "0": {"staff_roles": {"role_id": 3, "role": "First line"}},
        "1": {"staff_roles": {"role_id": 9, "role": "Second line"}},
        "count": 2,
    }
    statuses = {
        "0": {"staff_statuses": {"status_id": 1, "status": "Online", "active": True}},
        "1": {"staff_statuses": {"status_id": 113808, "status": "Training", "active": False}},
        "count": 2,
    }
    desk = make()
    with respx.mock(assert_all_called=True) as mock:
        mock.get(f"{BASE}/staff_roles.json").mock(return_value=ok(roles))
        mock.get(f"{BASE}/staff_statuses.json").mock(return_value=ok(statuses))
        found_roles = await desk.staff_roles.list()
        found_statuses = await desk.staff_statuses.list()
    assert found_roles == [
        StaffRole(role_id=3, role="First line"),
        StaffRole(role_id=9, role="Second line"),
    ]
    assert [type(s) for s in found_statuses] == [StaffStatus, StaffStatus]
    assert [(s.status_id, s.status, s.active) for s in found_statuses] == [
        (1, "Online", True),
        (113808, "Training", False),
    ]


# -- statistics.leaderboard and statistics.satisfaction ----------------------------------


LEADER = {
    "staff_id": 42047,
    "staff_name": "John Snow",
    "new_cases_in_total": 21,
    "cases_with_a_response": 21,
    "first_response_time": 28,
    "first_response_sla_violated": "0%",
    "response_sla_violated": "0.9%",
    "closed_cases": 19,
    "resolution_time": 516,
    "ratings_of_responses": "-",
}


async def test_leaderboard_sends_the_filters_and_reads_staff_entries() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/stats_leaderboard.json").mock(
            return_value=ok({"0": {"staff": LEADER}, "1": {"staff": {**LEADER, "staff_id": 50482}}})
        )
        entries = await make().statistics.leaderboard(
            period="custom",
            from_time=datetime(2023, 6, 1, tzinfo=MSK),
            to_time="01 Jul 2023 00:00:00 +0300",
            group_id=[123, 124],
            channel=["email", "web"],
            status="open",
            staff_id=456,
            labels=[7],
            initiator="user",
            custom_fields={"cf_25": "vip"},
        )
    assert query(route) == [
        ("channel[]", "email"),
        ("channel[]", "web"),
        ("custom_fields[cf_25]", "vip"),
        ("from_time", "01 Jun 2023 00:00:00 +0300"),
        ("group_id[]", "123"),
        ("group_id[]", "124"),
        ("initiator", "user"),
        ("labels[]", "7"),
        ("period", "custom"),
        ("staff_id", "456"),
        ("status", "open"),
        ("to_time", "01 Jul 2023 00:00:00 +0300"),
    ]
    assert [type(e) for e in entries] == [LeaderboardEntry, LeaderboardEntry]
    first = entries[0]
    assert (first.staff_id, first.staff_name, first.first_response_time) == (42047, "John Snow", 28)
    assert (first.response_sla_violated, first.ratings_of_responses) == ("0.9%", "-")
    assert entries[1].staff_id == 50482


async def test_empty_leaderboard() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/stats_leaderboard.json").mock(return_value=ok([]))
        assert await make().statistics.leaderboard(period="today") == []
    assert query(route) == [("period", "today")]


RATING = {
    "rating_id": 79,
    "rating": "3",
    "rating_comment": "Thanks!",
    "rated_staff_id": 193,
    "case_id": 47232,
    "case_number": "882-935664",
    "user_id": 222760,
    "staff_id": 193,
    "group_id": 318,
    "created_at": "Thu, 16 Jul 2020 15:00:35 +0300",
    "updated_at": "Thu, 16 Jul 2020 15:00:35 +0300",
}


async def test_satisfaction_pages_through_the_ratings() -> None:
    first_page = {
        "0": RATING,
        "1": {**RATING, "rating_id": 78, "rating_comment": ""},
        "total_count": 3,
    }
    second_page = {"0": {**RATING, "rating_id": 77}, "total_count": 3}
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"{BASE}/stats_satisfaction.json").mock(
            side_effect=[ok(first_page), ok(second_page)]
        )
        pager = make().statistics.satisfaction(
            period="last_7_days",
            rating=["high", "middle"],
            rating_comment=True,
            rated_staff_id=[193, 194],
            user_email="ann@example.com",
            status=["open", "closed"],
            priority="high",
            limit=2,
            sort="added_at_asc",
        )
        page = await pager
        ratings = [r async for r in page]
    assert page.total == 3 and len(page.items) == 2
    assert [r.rating_id for r in ratings] == [79, 78, 77]
    assert all(type(r) is SatisfactionRating for r in ratings)
    assert ratings[0].created_at == datetime(2020, 7, 16, 15, 0, 35, tzinfo=MSK)
    assert (ratings[0].rating, ratings[0].case_number, ratings[0].rated_staff_id) == (
        "3",
        "882-935664",
        193,
    )
    requested = [sorted(call.request.url.params.multi_items()) for call in route.calls]
    filters = [
        ("period", "last_7_days"),
        ("priority", "high"),
        ("rated_staff_id[]", "193"),
        ("rated_staff_id[]", "194"),
        ("rating[]", "high"),
        ("rating[]", "middle"),
        ("rating_comment", "true"),
        ("sort", "added_at_asc"),
        ("status[]", "closed"),
        ("status[]", "open"),
        ("user_email", "ann@example.com"),
    ]
    assert requested[0] == sorted([*filters, ("limit", "2"), ("page", "1")])
    assert requested[-1] == sorted([*filters, ("limit", "2"), ("page", "2")])


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"period": ""}, ValueError),
        ({"period": "today", "initiator": "bot"}, ValueError),
        ({"period": "today", "initiator": ["user"]}, TypeError),
        ({"period": "today", "status": "pending"}, ValueError),
        ({"period": "today", "group_id": [0]}, ValueError),
        ({"period": "today", "channel": []}, ValueError),
        ({"period": "today", "from_time": 1685577600}, TypeError),
    ],
)
async def test_leaderboard_refuses_bad_input(
    kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        with pytest.raises(error):
            await make().statistics.leaderboard(**kwargs)
        assert not mock.calls


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"period": "  "}, ValueError),
        ({"period": "today", "limit": 101}, ValueError),
        ({"period": "today", "page": 0}, ValueError),
        ({"period": "today", "sort": "newest"}, ValueError),
        ({"period": "today", "sort": ["added_at_asc"]}, TypeError),
        ({"period": "today", "rating": "great"}, ValueError),
        ({"period": "today", "rating_comment": "yes"}, TypeError),
        ({"period": "today", "user_phone": [""]}, ValueError),
    ],
)
async def test_satisfaction_refuses_bad_input(
    kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        with pytest.raises(error):
            await make().statistics.satisfaction(**kwargs)
        assert not mock.calls


# -- users.identify, users.link and users.unlink -----------------------------------------


async def test_identify_wraps_the_user_and_reads_the_code() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE}/users/identification.json").mock(
            return_value=ok({"code": "o_37BD49_uv"})
        )
        code = await make().users.identify(
            user_email="ann@example.com",
            user_custom_id="ann",
            user_custom_channel="cch481",
            user_full_name="Ann Lee",
            language_id=2,
            custom_fields={"cf_7264": "vip"},
        )
    assert sent_json(route) == {
        "user": {
            "user_email": "ann@example.com",
            "user_custom_id": "ann",
            "user_custom_channel": "cch481",
            "user_full_name": "Ann Lee",
            "language_id": 2,
            "custom_fields": {"cf_7264": "vip"},
        }
    }
    assert code == IdentificationCode(code="o_37BD49_uv")


async def test_identify_is_not_retried_once_it_may_have_reached_omnidesk() -> None:
    clock = FakeClock()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE}/users/identification.json").mock(
            side_effect=[httpx.Response(503), ok({"code": "second"})]
        )
        with pytest.raises(InternalServerError):
            await make(max_retries=2, clock=clock).users.identify(user_phone="+79261234567")
    assert route.call_count == 1  # each call gives a new code


async def test_link_sends_a_flat_body_and_reads_the_user() -> None:
    desk = make()
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/users/200/link.json").mock(return_value=ok({"user": USER}))
        by_email = await desk.users.link(200, user_email="ann@example.com")
        assert sent_json(route) == {"user_email": "ann@example.com"}
        await desk.users.link(200, user_phone="+79261234567")
        assert sent_json(route) == {"user_phone": "+79261234567"}
        await desk.users.link(200, other_user_id=300)
        assert sent_json(route) == {"user_id": 300}
    assert type(by_email) is User
    assert (by_email.user_id, by_email.linked_users) == (200, [200, 300])
    assert by_email.model_extra == {"telegram_id": 495500001}


async def test_unlink_sends_the_other_user_id() -> None:
    with respx.mock(assert_all_called=True) as mock:
        route = mock.put(f"{BASE}/users/200/unlink.json").mock(
            return_value=ok({"user": {**USER, "linked_users": [200]}})
        )
        user = await make().users.unlink(200, other_user_id=300)
    assert sent_json(route) == {"user_id": 300}
    assert user.linked_users == [200]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda d: d.users.identify(user_full_name="Ann"), ValueError),
        (lambda d: d.users.identify(user_email="a@x.io", user_custom_channel="cch1"), ValueError),
        (lambda d: d.users.identify(user_email="a@x.io", language_id=0), ValueError),
        (lambda d: d.users.link(200), ValueError),
        (lambda d: d.users.link(200, user_email="a@x.io", other_user_id=3), ValueError),
        (lambda d: d.users.link(200, other_user_id=0), ValueError),
        (lambda d: d.users.link(0, user_email="a@x.io"), ValueError),
        (lambda d: d.users.unlink(200, other_user_id=-5), ValueError),
        (lambda d: d.users.unlink(200, other_user_id="300"), TypeError),
    ],
)
async def test_user_operations_refuse_bad_input(call: Any, error: type[Exception]) -> None:
    with respx.mock(assert_all_mocked=True) as mock:
        with pytest.raises(error):
            await call(make())
        assert not mock.calls
