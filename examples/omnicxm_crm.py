"""Import contacts, find and update them, then list last month's calls: runs offline
against FakeOmniCXM, with the async client.

    python examples/omnicxm_crm.py

With a real OmniCXM account, replace ``fake.async_client()`` by
``AsyncOmniCXM(username=..., password=...)`` (or ``secret_key=...`` for the calls
the docs open to the account's secret key).
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone

from cxkit.omnicxm import AsyncOmniCXM, F, ObjectBasicInfo
from cxkit.testing import FakeClock
from cxkit.testing.omnicxm import FakeOmniCXM

PEOPLE: list[ObjectBasicInfo] = [
    {"first_name": "Nguyễn Văn An", "phone": "0912000001", "email": "an@example.vn"},
    {"first_name": "Trần Thị Bình", "phone": "0912000002"},
    {"first_name": "Lê Văn Cường", "phone": "0912000003"},
]


async def run(cxm: AsyncOmniCXM) -> None:
    """The integration task: keep the CRM's contacts in step with our own list."""
    ids = await asyncio.gather(
        *(
            cxm.objects.create("contacts", basicinfo=person, thongtinkhac={"tags": ["import"]})
            for person in PEOPLE
        )
    )
    print(f"Created {len(ids)} contacts (one login for all of them)")

    found = cxm.objects.read("contacts", where=F("first_name").contains("Văn"), sort="first_name")
    async for contact in found:
        print(f"  {contact.value('first_name')} {contact.value('phone')} (id {contact.id})")

    await cxm.objects.update("contacts", ids[1].id, basicinfo={"last_name": "Trần"})
    changed = await cxm.objects.get(ids[1].id)
    print(
        f"{changed.module}: {changed.value('first_name')}, last name {changed.value('last_name')}"
    )

    end = datetime.now(timezone.utc)
    async for call in cxm.cdr.list(startdate=end - timedelta(days=30), enddate=end, take=100):
        when = f"{call.calldatetime:%d/%m %H:%M}" if call.calldatetime else "?"
        print(f"  call {call.src} -> {call.dst} at {when} (local), {call.billsec}s")


async def main() -> None:
    fake = FakeOmniCXM(clock=FakeClock(time.time()))  # the fake's clock reads now
    now = int(datetime.now(timezone.utc).timestamp())
    fake.add_cdr(src="8001", dst="0912000001", calldate=now - 3600, billsec=95)
    fake.add_cdr(src="0912000002", dst="8002", calldate=now - 7200, billsec=12, in_out="inbound")
    async with fake.async_client() as cxm:
        await run(cxm)
    print(f"{fake.logins} login, {len(fake.calls)} requests served by FakeOmniCXM.")


if __name__ == "__main__":
    asyncio.run(main())
