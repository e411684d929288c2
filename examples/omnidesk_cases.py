"""Create an Omnidesk case with an attachment, reply to it, and list open cases.

python examples/omnidesk_cases.py          # against the in-memory fake, no network
python examples/omnidesk_cases.py --live   # against your account, from the
                                           # OMNIDESK_DOMAIN / _EMAIL / _API_KEY env vars
"""

from __future__ import annotations

import sys

from cxkit.omnidesk import Omnidesk
from cxkit.testing.omnidesk import FakeOmnidesk


def connect(live: bool) -> Omnidesk:
    """A client for the real account (``--live``) or one served by FakeOmnidesk."""
    if live:
        return Omnidesk()  # reads OMNIDESK_DOMAIN, OMNIDESK_EMAIL, OMNIDESK_API_KEY
    return FakeOmnidesk().client()


def main(live: bool = False) -> None:
    """Run the example."""
    with connect(live) as desk:
        case = desk.cases.create(
            subject="Invoice 1043 is wrong",
            user_email="ann@example.com",
            user_full_name="Ann Lee",
            content="The total should be 1,200, not 12,000. Scan attached.",
            # Paths, bytes, binary file objects or (name, bytes[, content type]).
            attachments=[("invoice-1043.txt", b"Total: 12,000\n")],
        )
        print(f"created case #{case.case_id} {case.case_number}: {case.subject}")
        case_id = case.case_id  # ids are always set; the other fields may be None

        reply = desk.cases.messages.create(
            case_id, content="Thanks Ann, a corrected invoice is on its way."
        )
        print(f"replied with message #{reply.message_id} at {reply.created_at}")

        desk.cases.update(case_id, status="waiting", priority="high")

        print("open and waiting cases:")
        for item in desk.cases.list(status=["open", "waiting"], limit=50):  # pages lazily
            print(f"  #{item.case_id} [{item.status}] {item.subject} ({item.created_at:%Y-%m-%d})")
        print(f"API calls left this hour: {desk.rate_limit.remaining}")


if __name__ == "__main__":
    main(live="--live" in sys.argv[1:])
