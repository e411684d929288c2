"""FakeThulium on the wire: documented paths, answer shapes, statuses and the error body."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import httpx
import pytest

from cxkit._core._async.client import ClientOptions
from cxkit.testing import FakeClock
from cxkit.testing.thulium import FakeThulium, ThuliumFakeOptions
from cxkit.thulium import AsyncThulium, Thulium

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "thulium" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {e["id"]: e for e in CATALOG["endpoints"]}


def shape(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path)


def wire(fake: FakeThulium, auth: tuple[str, str] | None = None) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(),
        base_url=fake.base_url + "/",
        auth=auth or (fake.username, fake.password),
    )


def fake_routes() -> set[tuple[str, str]]:
    return set(FakeThulium.route_table())


def test_every_route_is_a_documented_endpoint() -> None:
    documented = {(e["method"], e["path"]) for e in CATALOG["endpoints"]}
    routes = fake_routes()
    assert routes <= documented, routes - documented
    assert len(routes) >= 60


def test_what_is_not_modelled_answers_404_with_the_error_body() -> None:
    modelled = fake_routes()
    with wire(FakeThulium()) as http:
        for endpoint in CATALOG["endpoints"]:
            if (endpoint["method"], endpoint["path"]) in modelled:
                continue
            path = re.sub(r"\{\w+\}", "1", endpoint["path"]).lstrip("/")
            response = http.request(endpoint["method"], path, json={})
            assert response.status_code == 404, endpoint["id"]
            body = response.json()
            assert set(body) == {"request_id", "errors"}
            assert body["errors"][0]["message"]


def test_error_body_is_the_documented_shape() -> None:
    fake = FakeThulium()
    with wire(fake) as http:
        response = http.post("customers", json={"phone_number": "12ab", "email": "x"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"request_id", "errors"}
    assert re.fullmatch(r"[0-9a-f]{13}", body["request_id"])
    assert [set(e) for e in body["errors"]] == [{"message", "code"}] * 3
    assert [e["message"] for e in body["errors"]] == [
        "Surname is required.",
        "Phone number must be numeric.",
        "Wrong format of e-mail address.",
    ]
    assert fake.customers == {} and fake.events == []


def test_wrong_credentials_are_401() -> None:
    with wire(FakeThulium(), auth=("api_user", "nope")) as http:
        response = http.get("agents")
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"].startswith("Authorization failed")


def test_seed_example_requests_get_answers_shaped_like_the_seed() -> None:
    fake = FakeThulium(clock=FakeClock())
    with wire(fake) as http:

        def example(endpoint_id: str, path: str | None = None) -> httpx.Response:
            endpoint = ENDPOINTS[endpoint_id]
            request = endpoint["example_request"]
            return http.request(
                endpoint["method"],
                (path or endpoint["path"]).lstrip("/"),
                params=request["query"],
                json=request["body"],
            )

        def same_keys(endpoint_id: str, response: httpx.Response, *, subset: bool = False) -> None:
            documented = ENDPOINTS[endpoint_id]["example_response"]
            got = response.json()
            if isinstance(documented, list):
                documented, got = documented[0], got[0]
            if subset:  # the seed's get examples show fewer fields than its list examples
                assert set(documented) <= set(got), endpoint_id
            else:
                assert set(got) == set(documented), endpoint_id

        created = example("customers.create")
        assert created.status_code == 201 and created.json() == {"customer_id": "1"}
        assert fake.customers[1]["phone_numbers"] == ["333444555", "123432234"]
        http.put("customers/1", json={"email": "jan.kowalski@foo.bar"})
        same_keys("customers.list", example("customers.list"))
        one = http.get("customers/1", params={"include_custom_fields": "true"})
        same_keys("customers.get", one, subset=True)
        listed = http.get("customers", params={"include_custom_fields": "true"}).json()[0]
        assert one.json() == listed

        company = example("companies.create")
        assert company.status_code == 201 and company.json() == {
            "company_id": "1",
            "customer_id": "2",
        }
        same_keys("companies.list", example("companies.list"))
        same_keys(
            "companies.get",
            http.get(
                "companies/1", params={"include_custom_fields": "true", "include_address": "true"}
            ),
            subset=True,
        )
        assert example("companies.update", "/companies/1").status_code == 204

        duplicate = example("agents.create")  # the fake starts with agent jkowalski
        assert duplicate.status_code == 400
        assert duplicate.json()["errors"][0]["message"] == "Agent with this login already exists."
        agent = http.post(
            "agents",
            json={**ENDPOINTS["agents.create"]["example_request"]["body"], "login": "anowak"},
        )
        assert agent.status_code == 201 and agent.json() == {
            "agent_id": "2",
            "agent_login": "anowak",
        }
        same_keys("agents.list", http.get("agents"))
        same_keys("agents.get", http.get("agents/jkowalski"))
        same_keys("agents.status", http.get("agents/jkowalski/status"))

        outbound = example("outbounds.create")
        assert outbound.status_code == 201 and outbound.json() == {
            "id": "09098",
            "outbound_id": "1",
        }
        same_keys("outbounds.list", http.get("outbounds"))
        assert example("outbounds.update", "/outbounds/09098").status_code == 204
        assert example("outbounds.agents.add", "/outbounds/09098/add_agents").status_code == 201
        assert fake.outbounds["09098"]["_agents"] == ["anowak", "jkowalski"]
        same_keys("outbounds.agents.list", http.get("outbounds/09098/agents"))
        same_keys("outbounds.statuses.list", http.get("outbounds/09098/statuses"))
        same_keys("outbounds.stats.get", http.get("outbounds/09098/stats"))
        clone = example("outbounds.clone", "/outbounds/09098/clone")
        assert clone.status_code == 201 and clone.json() == {"id": "77744"}

        record = http.post("crm_outbounds/09098/records", json={"customer_id": 1, "status_id": 3})
        assert record.status_code == 201 and record.json() == {"record_id": "1"}
        query = ENDPOINTS["crm_outbounds.records.list"]["example_request"]["query"]
        records = http.get("crm_outbounds/09098/records", params=query)
        assert records.json()["count"] == 0  # the example filters on statuses 10 and 15
        records = http.get("crm_outbounds/09098/records")
        assert records.json()["count"] == 1
        documented = ENDPOINTS["crm_outbounds.records.list"]["example_response"]["result"][0]
        assert set(records.json()["result"][0]) == set(documented)
        same_keys("crm_outbounds.records.get", http.get("crm_outbounds/09098/records/1"))

        batch = example("batch.customers.create")
        assert batch.status_code == 207
        assert set(batch.json()) == {"0", "1"}
        assert batch.json()["0"] == {"http_status": 201, "customer_id": "3"}
        assert batch.json()["1"]["http_status"] == 400
        update = http.put(
            "batch/customers",
            json={"customers": [{"customer_id": "3", "surname": "Nowak"}, {"customer_id": "14"}]},
        )
        assert update.status_code == 207
        assert update.json() == {
            "3": {"http_status": 204},
            "14": {"http_status": 404, "message": "Customer not found."},
        }
        deleted = http.delete("batch/customers", params={"customer_id[]": ["3", "14"]})
        assert deleted.status_code == 207
        assert deleted.json() == {
            "3": {"http_status": 204},
            "14": {"http_status": 404, "message": "Customer not found."},
        }
        queued = http.delete("batch/outbounds", params={"id[]": ["09098", "00002", "09098"]})
        assert queued.status_code == 207
        assert queued.json() == [
            {"http_status": 200, "id": "09098", "status": "REMOVAL_QUEUED"},
            {"http_status": 404, "id": "00002", "status": "NOT_EXIST"},
            {"http_status": 400, "id": "09098", "status": "ALREADY_QUEUED"},
        ]


def test_limits_are_the_documented_maxima() -> None:
    fake = FakeThulium()
    with wire(fake) as http:
        assert http.get("customers", params={"limit": 1000}).status_code == 200
        assert http.get("customers", params={"limit": 1001}).status_code == 400
        http.post("outbounds", json={"id": "00001", "name": "C", "dialer": "preview", "crm": True})
        assert http.get("crm_outbounds/00001/records", params={"limit": 100}).status_code == 200
        assert http.get("crm_outbounds/00001/records", params={"limit": 101}).status_code == 400
        assert http.get("customers", params={"order": "email"}).status_code == 400


def test_dates_are_local_to_the_account() -> None:
    fake = FakeThulium(clock=FakeClock(start=1461138384.0))  # 2016-04-20 07:46:24 UTC
    with wire(fake) as http:
        http.post("customers", json={"surname": "Kowalski"})
    assert fake.events[0]["date"] == "2016-04-20 09:46:24"  # Warsaw, summer time
    assert FakeThulium(time_zone="UTC", clock=FakeClock(start=1461138384.0)).now() == (
        "2016-04-20 07:46:24"
    )


def test_client_options_are_the_clients_own() -> None:
    hints = typing.get_type_hints(ThuliumFakeOptions)
    client_options = set(typing.get_type_hints(ClientOptions)) - {
        "http_client",
        "transport",
        "clock",
    }
    assert set(hints) == client_options | {"username", "password", "language", "time_zone"}
    fake = FakeThulium()
    assert isinstance(fake.client(), Thulium)
    assert isinstance(fake.async_client(language="pl"), AsyncThulium)


def test_client_options_reach_the_client() -> None:
    fake = FakeThulium()
    th = fake.client(language="pl", time_zone="UTC", max_retries=0)
    th.agents.list()
    assert fake.calls[-1].headers["accept-language"] == "pl"
    assert str(th.time_zone) == "UTC"
    with pytest.raises(Exception, match="Authorization failed"):
        fake.client(username="other", max_retries=0).agents.list()
