"""FakeOmnidesk's routes beyond the documented seed, at the wire level."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from cxkit.testing.omnidesk import FakeOmnidesk

DATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$")


def wire(fake: FakeOmnidesk) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(), base_url=fake.base_url + "/", auth=(fake.email, fake.api_key)
    )


def new_case(http: httpx.Client) -> dict[str, Any]:
    body = {"subject": "Help", "content": "Help", "user_email": "user@domain.ru"}
    case: dict[str, Any] = http.post("cases.json", json={"case": body}).json()["case"]
    return case


def test_changelog_answer_shape() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        case = new_case(http)
        http.put(f"cases/{case['case_id']}.json", json={"case": {"custom_fields": {"cf_1": "x"}}})
        answer = http.get(f"cases/{case['case_id']}/changelog.json").json()
        hidden = http.get(
            f"cases/{case['case_id']}/changelog.json", params={"custom_fields": "false"}
        ).json()
    (entry,) = answer["changelog"]
    assert set(entry) == {"created_at", "event", "done_by", "old_value", "value"}
    assert (entry["event"], entry["old_value"], entry["value"]) == (
        "custom_fields",
        "{}",
        '{"cf_1": "x"}',
    )
    assert DATE.match(entry["created_at"])
    assert hidden == {"changelog": []}


def test_role_and_status_lists_are_wrapped_with_a_count() -> None:
    fake = FakeOmnidesk()
    fake.add_staff_role("Managers")
    with wire(fake) as http:
        roles = http.get("staff_roles.json").json()
        statuses = http.get("staff_statuses.json").json()
    assert roles == {"0": {"staff_roles": {"role_id": 1, "role": "Managers"}}, "count": 1}
    assert statuses["count"] == 3
    assert statuses["0"] == {"staff_statuses": {"status_id": 1, "status": "Online", "active": True}}


def test_macros_answer_shape() -> None:
    fake = FakeOmnidesk()
    macro = fake.add_macro("Close", [{"action_type": "status", "action_destination": "3"}])
    with wire(fake) as http:
        answer = http.get("macros.json").json()
    assert answer["personal"] == []  # an empty group is an empty array
    category = answer["common"]["0"]
    assert (category["macros_category_id"], category["sort"]) == (0, 99999)
    stored = category["data"][str(macro["macro_id"])]
    assert stored["title"] == "Close"
    assert stored["actions"][0]["action_destination"] == "3"
    assert stored["actions"][0]["position"] == 1


def test_satisfaction_needs_a_period_and_lists_unwrapped_ratings() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        case = new_case(http)
        http.put(f"cases/{case['case_id']}/rate.json", json={"rate": {"rating": "high"}})
        refused = http.get("stats_satisfaction.json")
        answer = http.get("stats_satisfaction.json", params={"period": "today"}).json()
        bad_sort = http.get("stats_satisfaction.json", params={"period": "today", "sort": "x"})
    assert refused.status_code == 400
    assert bad_sort.status_code == 400
    assert answer["total_count"] == 1
    assert answer["0"]["case_id"] == case["case_id"]
    assert answer["0"]["rating"] == "high" and answer["0"]["rating_comment"] == ""


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("PUT", "cases/{case}/rate.json", {"rating": "high"}, 400),  # not wrapped in "rate"
        ("PUT", "cases/{case}/rate.json", {"rate": {"rating": "superb"}}, 400),
        ("PUT", "cases/{case}/rate.json", {"rate": {"rating": "high", "rating_comment": 5}}, 400),
        ("PUT", "cases/999/rate.json", {"rate": {"rating": "high"}}, 404),
        ("PUT", "cases/{case}/rate/999.json", {"rate": {"rating": "high"}}, 404),
        ("POST", "users/identification.json", {"user": {"user_full_name": "Ann"}}, 400),
        ("PUT", "users/{user}/link.json", {"user_email": "a@x.io", "user_id": 1}, 400),
        ("PUT", "users/{user}/link.json", {"user": {"user_email": "a@x.io"}}, 400),
        ("PUT", "users/{user}/unlink.json", {}, 400),
        ("PUT", "users/{user}/unlink.json", {"user_id": 999}, 404),
    ],
)
def test_bad_requests_are_refused(
    method: str, path: str, body: dict[str, Any], status: int
) -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        case = new_case(http)
        url = path.format(case=case["case_id"], user=case["user_id"])
        response = http.request(method, url, json=body)
    assert response.status_code == status, response.text
    assert "error" in response.json()
    assert response.headers["api_calls_left"]


def test_identification_is_post_only() -> None:
    with wire(FakeOmnidesk()) as http:
        response = http.get("users/identification.json")
    assert response.status_code == 404  # read as /users/{user_id}.json: no such user
