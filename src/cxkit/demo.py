"""A short Omnidesk tour against the in-memory fake: ``python -m cxkit.demo``.

No network and no account: :class:`~cxkit.testing.omnidesk.FakeOmnidesk` plays
the server, so this is also a template for testing your own integration.
"""

from __future__ import annotations

from cxkit.testing import FakeClock
from cxkit.testing.omnidesk import FakeOmnidesk

__all__ = ["main"]


def main() -> int:
    """Run the tour and print what happens."""
    clock = FakeClock(start=1_746_000_000)  # virtual time: nothing here sleeps
    fake = FakeOmnidesk(staff_count=3, clock=clock)
    print(f"cxkit demo: Omnidesk at {fake.base_url} (in-memory fake, no network)")

    with fake.client() as desk:
        user = desk.users.create(user_email="ann@example.com", user_full_name="Ann Lee")
        print(f"user   #{user.user_id} {user.user_full_name} <{user.user_email}>")

        case = desk.cases.create(
            subject="Printer on fire",
            user_email="ann@example.com",
            content="Smoke is coming out of the office printer.",
            priority="high",
        )
        print(f'case   #{case.case_id} "{case.subject}" ({case.status}, {case.priority})')
        assert case.case_id is not None  # models type every field as optional

        reply = desk.cases.messages.create(
            case.case_id,
            content="Unplug it, please; a technician is on the way. Checklist attached.",
            attachments=[("checklist.txt", b"1. Unplug\n2. Open a window\n3. Wait\n")],
        )
        for file in reply.attachments or []:
            print(f"reply  #{reply.message_id} with {file.file_name} ({file.file_size} bytes)")

        for n in range(1, 10):
            clock.advance(90)
            desk.cases.create(
                subject=f"Question {n}",
                user_email=f"customer{n}@example.com",
                content="How do I reset my password?",
                status="closed" if n % 4 == 0 else "open",
            )

        print("open cases, 3 per page, fetched page by page:")
        first = desk.cases.list(status="open", limit=3)
        for number, page in enumerate(first.iter_pages(), start=1):
            for item in page.items:
                when = item.created_at.strftime("%Y-%m-%d %H:%M %z") if item.created_at else "?"
                print(f"  page {number}  #{item.case_id}  {item.subject:<16} {when}")
        print(f"  {first.total} open cases in all")

        left = desk.rate_limit.remaining
        print(f"quota: {left} of {fake.calls_per_hour} API calls left this hour (api_calls_left)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
