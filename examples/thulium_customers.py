"""Import, search, note, update and delete Thulium CRM customers: runs offline against FakeThulium.

    python examples/thulium_customers.py

With a real Thulium system, replace ``fake.client()`` by
``Thulium(system="<your system name>", username="<API user>", password="<its password>")``
(or set THULIUM_SYSTEM, THULIUM_USERNAME and THULIUM_PASSWORD and call ``Thulium()``).
"""

from __future__ import annotations

from cxkit import APIError, NotFoundError
from cxkit.testing.thulium import FakeThulium
from cxkit.thulium import CustomerInput, Thulium
from cxkit.thulium.webhooks import parse_event


def run(th: Thulium) -> None:
    """The integration task: import customers from another system, then work with them."""
    company = th.companies.create(
        name="Zlota Jesien sp. z o.o.",
        nip="6783144527",
        address={"street": "Zlotej Jesieni", "building": "7", "city": "Krakow"},
    )
    jan = th.customers.create(
        name="Jan",
        surname="Kowalski",
        email="jan.kowalski@example.org",
        phone_number=["523993855", "601200300"],
        company_id=company.id,
        custom_fields={"Kraj": "POLSKA"},
    )
    print(f"Created company {company.id} and customer {jan.id}")

    # Many at once: each item succeeds or fails on its own (HTTP 207), nothing is raised.
    result = th.batch.customers.create(
        [
            CustomerInput(name="Anna", surname="Nowak", phone_number="523000111"),
            {"surname": "Wiśniewski", "email": "p.wisniewski@example.org"},
            {"name": "No surname"},  # refused by the server, alone
        ]
    )
    for item in result.items:
        outcome = item.object if item.ok else item.message
        print(f"  batch item {item.index}: HTTP {item.http_status} {outcome}")
    print(f"{len(result.succeeded)} imported, {len(result.failed)} refused")

    print("Customers in Poland, by surname:")
    for customer in th.customers.list(
        custom_fields={"Kraj": "POLSKA"}, include_custom_fields=True, order="surname", limit=50
    ):
        print(
            f"  {customer.customer_id} {customer.name} {customer.surname} {customer.custom_fields}"
        )

    th.customers.notes.create(jan.id, message="Oddzwonić w poniedziałek")
    th.customers.update(jan.id, email=["jan.kowalski@example.org", "jk@example.org"])
    again = th.customers.get(jan.id, include_custom_fields=True)
    print(f"Updated: {again.surname} <{again.email}> {again.emails}, updated at {again.updated_at}")

    th.customers.delete(jan.id)
    try:
        th.customers.get(jan.id)
    except NotFoundError as exc:
        print(f"Deleted; Thulium now says: {exc.message} (request {exc.request_id})")
    try:
        th.customers.create(surname="Kowalski", phone_number="not a number")
    except APIError as exc:
        print(
            f"Refused: {exc.message}; every error: {[e.message for e in getattr(exc, 'errors', [])]}"
        )


def main() -> None:
    fake = FakeThulium()
    with fake.client() as th:
        run(th)
    actions = [parse_event(event).action for event in fake.events]
    print(f"Webhook events the fake would send: {', '.join(actions)}")


if __name__ == "__main__":
    main()
