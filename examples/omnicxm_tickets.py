"""Open a ticket, work it through comments, find it again with a filter: runs offline
against FakeOmniCXM, including a login token that expires half-way.

    python examples/omnicxm_tickets.py

With a real OmniCXM account, replace ``fake.client()`` by
``OmniCXM(username="<user>.<customer code>", password="...")`` (or set
OMNICXM_USERNAME and OMNICXM_PASSWORD and call ``OmniCXM()``).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from cxkit import NotFoundError
from cxkit.omnicxm import F, OmniCXM
from cxkit.testing import FakeClock
from cxkit.testing.omnicxm import FakeOmniCXM


def run(cxm: OmniCXM, fake: FakeOmniCXM) -> None:
    """The integration task: file tickets, answer them, report the urgent ones."""
    started = datetime.now(timezone.utc)
    first = cxm.tickets.create(
        subject="Máy in bị kẹt giấy",
        content="Tầng 3, phòng kế toán",
        priority="high",
        tags=["#hardware"],
        duedate=started + timedelta(days=1),
        files=[("error.txt", b"E-31 paper jam")],
    ).id
    cxm.tickets.create(subject="Đổi mật khẩu email", content="Quên mật khẩu", priority="low")
    print(f"Logged in as {cxm.userinfo.name if cxm.userinfo else '?'}; ticket {first} filed")

    comment = cxm.tickets.comments.create(first, content="Đang kiểm tra", notetype="public")
    fake.expire_tokens()  # the server drops the token: the next call logs in again, once
    cxm.tickets.comments.update(first, idcomment=comment.id, content="Đã thay hộp mực")
    cxm.tickets.update(first, priority="normal")
    print(f"Logins so far: {fake.logins}")

    urgent = cxm.tickets.read(
        where=(F("created.time") >= started - timedelta(minutes=5))
        & (F("basicinfo.priority").in_(["normal", "high"])),
        sort=("created.time", "desc"),
        take=50,
    )
    for ticket in urgent:
        info = ticket.basicinfo
        if info is None:
            continue
        due = f"{info.duedate:%Y-%m-%d %H:%M} UTC" if info.duedate else "none"
        print(f"  [{info.priority}] {info.subject} (due {due})")
        for note in cxm.tickets.comments.list(info.id, take=10):
            print(f"    - {note.raw_content or ''}".rstrip())

    try:
        cxm.tickets.get("000000000000000000000000")
    except NotFoundError as exc:
        print(f"Missing ticket: {exc.status_code} {exc.message}")
    cxm.logout()


def main() -> None:
    fake = FakeOmniCXM(clock=FakeClock(time.time()))  # the fake's clock reads now
    with fake.client() as cxm:
        run(cxm, fake)
    print(f"{len(fake.calls)} requests served by FakeOmniCXM, no network used.")


if __name__ == "__main__":
    main()
