"""Create, search, note and update OMI contacts: runs offline against FakeOmi.

    python examples/omi_contacts.py

With a real OMI account, replace ``fake.client()`` by
``Omi(base_url="https://<your OMI API host>", token="<token from the OMI web console>")``
(or set OMI_BASE_URL and OMI_TOKEN and call ``Omi()``).
"""

from __future__ import annotations

from cxkit import NotFoundError
from cxkit.omi import ContactFilter, ContactInput, ContactPhone, Omi
from cxkit.testing.omi import FakeOmi


def run(omi: Omi) -> None:
    """The integration task: import a few customers, then work with them."""
    omi.contacts.create(
        full_name="Nguyễn Văn An",
        phones=["0912000001"],
        emails=["an@example.vn"],
        ref_id="crm-1001",
        tags=["Khách lẻ"],
        user_owner_email="sales@example.vn",
    )
    omi.contacts.create_many(
        [
            ContactInput(
                full_name="Trần Thị Bình",
                phones=[ContactPhone(data="0912000002", type="personal")],
                ref_id="crm-1002",
            ),
            {"full_name": "Lê Văn Cường", "phones": ["0912000003"], "ref_id": "crm-1003"},
        ]
    )

    print("Unassigned contacts:")
    for contact in omi.contacts.list(filters=[ContactFilter.owner("unassigned")], size=1):
        print(f"  {contact.full_name} (created {contact.created_date:%Y-%m-%d %H:%M} UTC)")

    an = omi.contacts.find(phone="0912000001")
    assert an is not None  # find() returns None when no contact has that phone
    omi.contacts.add_note(
        phone="0912000001", content="Hẹn gọi lại thứ Hai", note_by="sales@example.vn"
    )
    omi.contacts.update(ref_id="crm-1001", note="VIP", gender="male")
    updated = omi.contacts.get(an.id)  # by id: NotFoundError when there is none
    print(f"Updated: {updated.full_name}, gender={updated.gender}, note={updated.note}")

    omi.contacts.delete(an.id)
    try:
        omi.contacts.get(an.id)
    except NotFoundError as exc:  # OMI answers HTTP 200 with status_code != 9999
        print(f"Deleted; OMI now says: [{exc.code}] {exc.message}")


def main() -> None:
    fake = FakeOmi()
    with fake.client() as omi:
        run(omi)
    print(f"{len(fake.calls)} requests served by FakeOmi, no network used.")


if __name__ == "__main__":
    main()
