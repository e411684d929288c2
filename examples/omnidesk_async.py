"""List Omnidesk cases and users concurrently with the async client.

python examples/omnidesk_async.py          # against the in-memory fake, no network
python examples/omnidesk_async.py --live   # against your account (OMNIDESK_* env vars)
"""

from __future__ import annotations

import asyncio
import sys

from cxkit.omnidesk import AsyncOmnidesk
from cxkit.testing.omnidesk import FakeOmnidesk


async def seeded_fake() -> AsyncOmnidesk:
    """An async client served by FakeOmnidesk, with a few cases to list."""
    fake = FakeOmnidesk()
    desk = fake.async_client()
    for n in range(1, 8):
        await desk.cases.create(
            subject=f"Order #{1000 + n} is late",
            user_email=f"customer{n}@example.com",
            content="Where is my parcel?",
            status="closed" if n % 3 == 0 else "open",
        )
    return desk


async def open_subjects(desk: AsyncOmnidesk) -> list[str]:
    """Subjects of every open case, following pages lazily."""
    return [case.subject or "" async for case in desk.cases.list(status="open", limit=2)]


async def user_emails(desk: AsyncOmnidesk) -> list[str]:
    """Email addresses of every user."""
    return [user.user_email or "" async for user in desk.users.list(limit=100)]


async def main(live: bool = False) -> None:
    """Run the example."""
    desk = AsyncOmnidesk() if live else await seeded_fake()
    async with desk:
        subjects, emails = await asyncio.gather(open_subjects(desk), user_emails(desk))
        first_page = await desk.cases.list(limit=5)  # await a pager for one page
    print(f"{len(subjects)} open cases:")
    for subject in subjects:
        print(f"  {subject}")
    print(
        f"{len(emails)} users; first page of all cases has {len(first_page.items)}"
        f" of {first_page.total}"
    )
    print(f"API calls left this hour: {desk.rate_limit.remaining}")


if __name__ == "__main__":
    asyncio.run(main(live="--live" in sys.argv[1:]))
