"""A Thulium webhook receiver on the standard library: checks Basic auth, prints events.

    python examples/thulium_webhook_receiver.py --port 8080 --username hook --password s3cret
    python examples/thulium_webhook_receiver.py --self-test     # offline check, exits 0

In the Thulium Panel (Administracja -> Webhooki) set the receiver's URL and turn on
sending Basic-auth credentials with the same username and password (or set
THULIUM_WEBHOOK_USERNAME and THULIUM_WEBHOOK_PASSWORD). Put it behind HTTPS.

``--self-test`` starts the receiver on a free loopback port, posts a few
documented payloads to it (and a wrong password and a broken body, which it must
refuse), and exits 0 when every answer was right.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cxkit.thulium.webhooks import (
    AgentCompletedEvent,
    AgentStatusChangedEvent,
    OutboundCallEvent,
    ThuliumEvent,
    TicketCreatedEvent,
    UnknownEvent,
    check_basic_auth,
    parse_event,
)

MAX_BODY = 1 << 20
"""Bigger bodies are refused: Thulium's events are a few hundred bytes."""


def describe(event: ThuliumEvent) -> str:
    """One line about an event: what a real receiver would act on."""
    match event:
        case TicketCreatedEvent():
            return f"ticket {event.ticket_id} created ({event.direction}) by {event.agent_login}"
        case AgentCompletedEvent():
            return (
                f"call {event.connection_id} in queue {event.queue_id} ended by "
                f"{event.reason} after {event.duration}, recording {event.filename}"
            )
        case AgentStatusChangedEvent():
            state = "free" if event.pause_id is None else f"on pause {event.pause_id}"
            return f"agent {event.agent_login} is {state}"
        case OutboundCallEvent():
            return f"{event.action}: campaign {event.id} record {event.record_id}"
        case UnknownEvent():
            return f"unknown action {event.action}, kept as {event.to_dict()}"
        case _:
            return f"{event.action} at {event.date}"


class Receiver(ThreadingHTTPServer):
    """The HTTP server, with the credentials it expects and the events it received."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], *, username: str, password: str) -> None:
        super().__init__(address, WebhookHandler)
        self.username = username
        self.password = password
        self.events: list[ThuliumEvent] = []
        self.lock = threading.Lock()


class WebhookHandler(BaseHTTPRequestHandler):
    """Answers Thulium's POSTs: 401 on wrong credentials, 400 on a broken body, else 200."""

    server: Receiver

    def do_POST(self) -> None:
        """Check the credentials, parse the event, print it."""
        auth = self.headers.get("Authorization")
        if not check_basic_auth(auth, username=self.server.username, password=self.server.password):
            self._answer(401, "unauthorized", {"WWW-Authenticate": 'Basic realm="thulium"'})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._answer(413 if length > MAX_BODY else 400, "bad length")
            return
        try:
            event = parse_event(self.rfile.read(length))
        except ValueError as exc:
            self._answer(400, str(exc))
            return
        with self.server.lock:
            self.server.events.append(event)
        print(describe(event), flush=True)
        self._answer(200, "ok")

    def _answer(self, status: int, text: str, headers: dict[str, str] | None = None) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the events are printed instead."""


# -- self-test ---------------------------------------------------------------------

SAMPLES: list[tuple[str, bytes, str]] = [
    (
        "application/json",
        json.dumps(
            {
                "action": "TICKET_CREATED",
                "ticket_id": 12,
                "agent_login": "jkowalski",
                "direction": "in_behalf_of",
                "date": "2016-04-20 09:46:24",
            }
        ).encode(),
        "TICKET_CREATED",
    ),
    (
        "application/json",
        json.dumps(
            {
                "action": "AGENT_COMPLETED",
                "connection_id": "1416225570.341",
                "queue_id": 155,
                "customer_id": 154,
                "agent_login": "jkowalski",
                "source_number": "523993855",
                "destination_number": "162",
                "date": "2016-04-20 09:46:24",
                "duration": 69,
                "billsec": 67,
                "filename": "SOME-QUEUE/2014-11-17/2014-11-17_125932_1416225570.341.wav",
                "reason": "caller",
            }
        ).encode(),
        "AGENT_COMPLETED",
    ),
    (
        "application/x-www-form-urlencoded",
        b"action=AGENT_STATUS_CHANGED&date=2016-04-20+09%3A46%3A24"
        b"&agent_login=jkowalski&pause_id=1&previous_pause_id=",
        "AGENT_STATUS_CHANGED",
    ),
    (
        "application/json",
        json.dumps(
            {"action": "OUTBOUND_BUSY", "id": "00001", "record_id": 162, "attempt": 2}
        ).encode(),
        "OUTBOUND_BUSY",
    ),
    (
        "application/json",
        json.dumps({"action": "SOMETHING_NEW", "foo": "bar"}).encode(),
        "SOMETHING_NEW",
    ),
]


def _post(url: str, body: bytes, content_type: str, user: str, password: str) -> int:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": content_type, "Authorization": f"Basic {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def self_test() -> int:
    """Post documented payloads to a receiver on a free port; 0 when all went right."""
    user, password = "thulium", secrets.token_urlsafe(16)
    server = Receiver(("127.0.0.1", 0), username=user, password=password)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/thulium"
    problems: list[str] = []
    try:
        for content_type, body, action in SAMPLES:
            status = _post(url, body, content_type, user, password)
            if status != 200:
                problems.append(f"{action}: HTTP {status}, expected 200")
        status = _post(url, SAMPLES[0][1], "application/json", user, "wrong")
        if status != 401:
            problems.append(f"wrong password: HTTP {status}, expected 401")
        status = _post(url, b"{not json", "application/json", user, password)
        if status != 400:
            problems.append(f"broken body: HTTP {status}, expected 400")
        got = [event.action for event in server.events]
        want = [action for _, _, action in SAMPLES]
        if got != want:
            problems.append(f"received {got}, expected {want}")
        if server.events and not isinstance(server.events[0], TicketCreatedEvent):
            problems.append(f"first event parsed as {type(server.events[0]).__name__}")
        if len(server.events) == len(SAMPLES) and not isinstance(server.events[-1], UnknownEvent):
            problems.append("an unknown action did not give UnknownEvent")
    finally:
        server.shutdown()
        server.server_close()
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"self-test passed: {len(SAMPLES)} events received, bad credentials and body refused")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the receiver (or its self-test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--username", default=os.environ.get("THULIUM_WEBHOOK_USERNAME"))
    parser.add_argument("--password", default=os.environ.get("THULIUM_WEBHOOK_PASSWORD"))
    parser.add_argument("--self-test", action="store_true", help="check offline and exit")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.username or not args.password:
        parser.error("give --username and --password (the Basic auth set in the Thulium Panel)")
    server = Receiver((args.host, args.port), username=args.username, password=args.password)
    print(f"listening on http://{args.host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
