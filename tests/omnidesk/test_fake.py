"""FakeOmnidesk at the wire level: shapes, dates, paging, forms, errors and quota headers."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk

DATE = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$")


def wire(fake: FakeOmnidesk, *, auth: tuple[str, str] | None = None) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(),
        base_url=fake.base_url + "/",
        auth=auth or (fake.email, fake.api_key),
    )


def new_case(http: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {"subject": "I need help", "content": "Help", "user_email": "user@domain.ru", **fields}
    response = http.post("cases.json", json={"case": body})
    assert response.status_code == 200, response.text
    case: dict[str, Any] = response.json()["case"]
    return case


def test_case_create_answer_has_the_documented_shape() -> None:
    fake = FakeOmnidesk(clock=FakeClock(start=1399238117))  # Mon, 05 May 2014 00:15:17 +0300
    with wire(fake) as http:
        case = new_case(
            http,
            user_full_name="User's full name",
            language_id=2,
            custom_fields={"cf_25": "some text"},
            labels=[101, 102],
            cc_emails=["a@x.io", "b@x.io"],
        )
    assert case["created_at"] == "Mon, 05 May 2014 00:15:17 +0300"
    assert case["updated_at"] == case["created_at"]
    assert DATE.match(case["created_at"])
    expected = {
        "subject": "I need help",
        "status": "open",
        "priority": "normal",
        "channel": "web",
        "recipient": "user@domain.ru",
        "cc_emails": "a@x.io,b@x.io",
        "bcc_emails": "",
        "deleted": False,
        "spam": False,
        "language_id": 2,
        "custom_fields": {"cf_25": "some text"},
        "labels": [101, 102],
        "staff_id": 0,
        "group_id": 0,
    }
    assert {k: case[k] for k in expected} == expected
    assert isinstance(case["case_id"], int) and re.match(r"^\d+-\d+$", case["case_number"])
    user = fake.users[case["user_id"]]
    assert (user["user_email"], user["user_full_name"]) == ("user@domain.ru", "User's full name")


def test_ids_are_incremental() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        ids = [new_case(http, user_email=f"u{n}@x.io")["case_id"] for n in range(3)]
        labels = [
            http.post("labels.json", json={"label": {"label_title": t}}).json()["label"]["label_id"]
            for t in "ab"
        ]
    assert ids == [ids[0], ids[0] + 1, ids[0] + 2]
    assert labels[1] == labels[0] + 1


def test_list_shape_paging_and_limits() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        for n in range(5):
            new_case(http, user_email=f"u{n}@x.io", subject=f"Case {n}")
        page2 = http.get("cases.json", params={"page": 2, "limit": 2}).json()
        beyond = http.get("cases.json", params={"page": 9, "limit": 2}).json()
        default = http.get("cases.json").json()
        bad = [
            http.get("cases.json", params=params)
            for params in ({"limit": 0}, {"limit": 101}, {"page": 0}, {"page": "x"})
        ]
    assert set(page2) == {"0", "1", "total_count"}
    assert [page2[k]["case"]["subject"] for k in ("0", "1")] == ["Case 2", "Case 3"]
    assert page2["total_count"] == 5
    assert beyond == {"total_count": 5}
    assert len(default) == 6  # 5 entries (first 100) and total_count
    assert [r.status_code for r in bad] == [400] * 4
    assert "limit must be from 1 to 100" in bad[0].json()["error"]


def test_case_list_filters() -> None:
    fake = FakeOmnidesk(staff_count=2)
    agent = list(fake.staff)[1]
    with wire(fake) as http:
        group = http.post("groups.json", json={"group": {"group_title": "L2"}}).json()["group"]
        a = new_case(http, user_email="ann@acme.io", subject="Printer jam", staff_id=agent)
        b = new_case(http, user_email="bob@other.io", status="waiting", group_id=group["group_id"])
        c = new_case(http, user_email="ann@acme.io", status="closed", priority="critical")

        def ids(query: str) -> list[int]:
            body = http.get("cases.json?" + query).json()
            return [body[k]["case"]["case_id"] for k in body if k != "total_count"]

        assert ids("status=open") == [a["case_id"]]
        assert ids("status[]=open&status[]=closed") == [a["case_id"], c["case_id"]]
        assert ids(f"user_id={a['user_id']}") == [a["case_id"], c["case_id"]]
        assert ids(f"staff_id={agent}") == [a["case_id"]]
        assert ids("staff_id=0") == [b["case_id"], c["case_id"]]
        assert ids(f"group_id[]={group['group_id']}") == [b["case_id"]]
        assert ids("user_email=acme.io") == [a["case_id"], c["case_id"]]
        assert ids("user_email=^bob@") == [b["case_id"]]
        assert ids("subject=er jam^") == [a["case_id"]]
        assert ids("priority=critical") == [c["case_id"]]
        assert ids("sort=created_at_desc") == [c["case_id"], b["case_id"], a["case_id"]]
        assert http.get("cases.json?user_email=ab").status_code == 400  # at least 4 characters
        assert http.get("cases.json?status=lost").status_code == 400


def test_multipart_case_with_bracket_fields_like_the_curl_example() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        response = http.post(
            "cases.json",
            data={
                "case[content]": "I need help",
                "case[subject]": "I need help",
                "case[user_email]": "user@domain.ru",
                "case[user_full_name]": "FullName",
                "case[language_id]": "2",
                "case[custom_fields][cf_44]": "3",
            },
            files=[
                ("case[attachments][0]", ("file1.ext", b"one", "application/octet-stream")),
                ("case[attachments][1]", ("file2.png", b"two", "image/png")),
            ],
        )
    assert response.status_code == 200, response.text
    case = response.json()["case"]
    assert case["language_id"] == 2 and case["custom_fields"] == {"cf_44": "3"}
    first = fake.messages[case["case_id"]][0]
    assert [(a["file_name"], a["file_size"]) for a in first["attachments"]] == [
        ("file1.ext", 3),
        ("file2.png", 3),
    ]
    assert first["attachments"][1]["mime_type"] == "image/png"
    assert [f.content for f in fake.files.values()] == [b"one", b"two"]


def test_messages_edit_delete_and_order() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        case = new_case(http)
        path = f"cases/{case['case_id']}"
        reply = http.post(f"{path}/messages.json", json={"message": {"content": "Hi"}}).json()
        message_id = reply["message"]["message_id"]
        edited = http.put(
            f"{path}/messages/{message_id}.json", json={"message": {"content": "Edited content"}}
        )
        desc = http.get(f"{path}/messages.json", params={"order": "desc"}).json()
        as_note = http.put(f"{path}/note/{message_id}.json", json={"message": {"content": "x"}})
        deleted = http.delete(f"{path}/messages/{message_id}.json")
        again = http.delete(f"{path}/messages/{message_id}.json")
        empty = http.post(f"{path}/messages.json", json={"message": {"staff_id": 1}})
        unwrapped = http.post(f"{path}/messages.json", json={"content": "no wrapper"})
    assert edited.json()["message"]["content"] == "Edited content"
    assert [desc[k]["message"]["content"] for k in ("0", "1")] == ["Edited content", "Help"]
    assert desc["total_count"] == 2
    assert as_note.status_code == 404  # a reply is not a note
    assert (deleted.status_code, deleted.content) == (200, b"")
    assert again.status_code == 404
    assert empty.json() == {"error": "content or content_html is required"}
    assert unwrapped.status_code == 400 and '"message"' in unwrapped.json()["error"]


def test_messages_without_paging_are_the_last_100() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        case = new_case(http)
        path = f"cases/{case['case_id']}/messages.json"
        for n in range(104):
            http.post(path, json={"message": {"content": f"m{n}"}})
        last = http.get(path).json()
        first = http.get(path, params={"page": 1, "limit": 100}).json()
    assert last["total_count"] == 105
    assert (last["0"]["message"]["content"], last["99"]["message"]["content"]) == ("m4", "m103")
    assert first["0"]["message"]["content"] == "Help"


def test_bulk_case_operations_answer_success_ids() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        ids = [new_case(http, user_email=f"u{n}@x.io")["case_id"] for n in range(2)]
        joined = f"{ids[0]},{ids[1]},999999"
        trash = http.put(f"cases/{joined}/trash.json")
        spam = http.put(f"cases/{joined}/spam.json")
        restore = http.put(f"cases/{joined}/restore.json")
        update = http.put(f"cases/{joined}.json", json={"case": {"status": "closed"}})
    assert trash.json() == {"case_success_id": ids}
    assert spam.json() == restore.json() == update.json() == {"case_success_id": ids}
    assert [(c["status"], c["deleted"], c["spam"]) for c in fake.cases.values()] == [
        ("closed", False, False)
    ] * 2


def test_errors_and_quota_header_on_every_answer() -> None:
    fake = FakeOmnidesk(calls_per_hour=5)
    with wire(fake) as http:
        unknown = http.get("cases/123.json")
        no_route = http.get("nothing.json")
        missing = http.post("users.json", json={"user": {"user_full_name": "Nobody"}})
        ok = http.get("staff.json")
    with wire(fake, auth=(fake.email, "bad-key")) as bad:
        refused = bad.get("staff.json")
    assert (unknown.status_code, unknown.json()) == (404, {"error": "case 123 not found"})
    assert no_route.status_code == 404
    assert missing.status_code == 400 and "user_email" in missing.json()["error"]
    assert [r.headers["api_calls_left"] for r in (unknown, no_route, missing, ok)] == [
        "4",
        "3",
        "2",
        "1",
    ]
    assert refused.status_code == 401 and refused.headers["api_calls_left"] == "1"
    assert "error" in refused.json()


def test_quota_runs_out_and_refills_after_an_hour() -> None:
    clock = FakeClock()
    fake = FakeOmnidesk(calls_per_hour=1, clock=clock)
    with wire(fake) as http:
        assert http.get("labels.json").headers["api_calls_left"] == "0"
        spent = http.get("labels.json")
        clock.advance(3599)
        still = http.get("labels.json")
        clock.advance(1)
        refilled = http.get("labels.json")
    assert spent.status_code == still.status_code == 429
    assert "limit" in spent.json()["error"]
    assert spent.headers["api_calls_left"] == "0"
    assert refilled.status_code == 200 and refilled.headers["api_calls_left"] == "0"


def test_quota_default_and_bad_staff_count() -> None:
    assert FakeOmnidesk().calls_per_hour == 1000
    assert FakeOmnidesk(staff_count=15).calls_per_hour == 7500
    assert FakeOmnidesk(staff_count=15, calls_per_hour=10).calls_per_hour == 10
    with pytest.raises(ValueError):
        FakeOmnidesk(staff_count=0)


def test_labels_accept_both_documented_wrappers() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        a = http.post("labels.json", json={"label": {"label_title": "Test title"}})
        b = http.post("labels.json", json={"labels": {"label_title": "Curl style"}})
        empty = http.post("labels.json", json={"label": {}})
    assert a.json()["label"]["label_title"] == "Test title"
    assert b.json()["label"]["label_title"] == "Curl style"
    assert empty.status_code == 400


def test_company_users_in_both_spellings_and_states() -> None:
    fake = FakeOmnidesk()
    with wire(fake) as http:
        users = [
            http.post("users.json", json={"user": {"user_email": f"u{n}@acme.io"}}).json()["user"]
            for n in range(3)
        ]
        ids = [u["user_id"] for u in users]
        created = http.post(
            "companies.json",
            json={
                "company": {
                    "company_name": "New Company",
                    "company_domains": "company.ru",
                    "\u0441ompany_users": f"{ids[0]},{ids[1]}",  # Cyrillic "с", as documented
                }
            },
        ).json()["company"]
        path = f"companies/{created['company_id']}"
        http.put(
            f"{path}.json",
            json={
                "company": {
                    "add_company_users": str(ids[2]),
                    "remove_company_users": str(ids[0]),
                    "add_company_domains": "newcompany.ru",
                    "remove_company_domains": "company.ru",
                }
            },
        )
        listed = http.get("companies.json", params={"amount_of_users": "true"}).json()
        states = [
            http.put(f"{path}/{action}.json").json()["company"]
            for action in ("disable", "block", "restore")
        ]
        bad = http.post("companies.json", json={"company": {"company_users": "1"}})
    assert fake.company_users[created["company_id"]] == [ids[1], ids[2]]
    assert listed["0"]["company"]["amount_of_users"] == 2
    assert listed["0"]["company"]["company_domains"] == "newcompany.ru"
    assert [(s["active"], s["deleted"]) for s in states] == [
        (True, True),
        (False, True),
        (True, False),
    ]
    assert bad.status_code == 400


def test_group_and_staff_replacement() -> None:
    fake = FakeOmnidesk(staff_count=2)
    first, second = list(fake.staff)
    with wire(fake) as http:
        g1 = http.post("groups.json", json={"group": {"group_title": "A"}}).json()["group"]
        g2 = http.post("groups.json", json={"group": {"group_title": "B"}}).json()["group"]
        case = new_case(http, group_id=g1["group_id"], staff_id=second)
        closed = new_case(http, user_email="z@x.io", staff_id=second, status="closed")
        in_use = http.put(f"groups/{g1['group_id']}/disable.json")
        disabled = http.put(
            f"groups/{g1['group_id']}/disable.json",
            json={"group": {"replace_group_id": str(g2["group_id"])}},
        )
        to_disabled = http.put(
            f"cases/{case['case_id']}.json", json={"case": {"group_id": g1["group_id"]}}
        )
        staff_off = http.put(
            f"staff/{second}/disable.json", json={"staff": {"replace_staff_id": first}}
        )
        deleted = http.request("DELETE", f"staff/{second}.json")
    assert in_use.status_code == 400 and "replace_group_id" in in_use.json()["error"]
    assert disabled.json()["group"]["active"] is False
    assert fake.cases[case["case_id"]]["group_id"] == g2["group_id"]
    assert to_disabled.status_code == 400  # the group must be active
    assert staff_off.json()["staff"]["active"] is False
    assert fake.cases[case["case_id"]]["staff_id"] == first  # open case reassigned
    assert deleted.status_code == 200 and second not in fake.staff
    assert fake.cases[closed["case_id"]]["staff_id"] == 0  # deleting unassigns every case


def test_a_fake_client_used_after_close_fails_like_a_real_one() -> None:
    from cxkit._core.errors import ClientClosedError

    fake = FakeOmnidesk()
    desk = fake.client()
    desk.labels.list()
    desk.close()
    calls = len(fake.calls)
    with pytest.raises(ClientClosedError):
        desk.labels.list()
    assert len(fake.calls) == calls
