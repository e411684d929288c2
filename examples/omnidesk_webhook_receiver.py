"""Receive Omnidesk webhooks with the standard library and typed cxkit events.

    python examples/omnidesk_webhook_receiver.py                 # listen on :8080
    python examples/omnidesk_webhook_receiver.py --port 9000 --path /hooks/s3cret-token
    python examples/omnidesk_webhook_receiver.py --self-test     # offline check, exits 0

Omnidesk posts ``{"type": "<event>", "object": {...}}``. Each body is parsed with
``cxkit.omnidesk.webhooks.parse_event``: a message, case or user event comes out
typed, any other event as an ``UnknownEvent`` (answered 200 too, so a new event
type never makes Omnidesk retry), and a malformed body gets 400. Requests to
another path get 404: put an unguessable token in ``--path`` and serve it behind
HTTPS. ``--self-test`` starts the server on a free local port, posts sample
payloads to it and exits 0 when every answer is the expected one.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cxkit.omnidesk.webhooks import (
    CaseEvent,
    MessageEvent,
    OmnideskEvent,
    UnknownEvent,
    UserEvent,
    parse_event,
)

MAX_BODY = 1_000_000
"""Larger bodies are refused (413) before they are read."""


def describe(event: OmnideskEvent) -> str:
    """One line about an event; this is where a real receiver does its work."""
    if isinstance(event, MessageEvent):
        message = event.object
        author = f"staff {message.staff_id}" if message.staff_id else f"user {message.user_id}"
        kind = "note" if message.note else "message"
        return f"{event.type}: {kind} {message.message_id} in case {message.case_id} from {author}: {message.content!r}"
    if isinstance(event, CaseEvent):
        case = event.object
        return f"{event.type}: case {case.case_id} {case.subject!r} is {case.status}"
    if isinstance(event, UserEvent):
        user = event.object
        return f"{event.type}: user {user.user_id} {user.user_full_name or user.user_email or ''}".rstrip()
    assert isinstance(event, UnknownEvent)
    return f"{event.type}: not handled here (fields: {', '.join(sorted(event.object)) or 'none'})"


class WebhookServer(ThreadingHTTPServer):
    """An HTTP server that hands every parsed event to ``on_event``."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        path: str,
        on_event: Callable[[OmnideskEvent], None],
        quiet: bool = False,
    ) -> None:
        super().__init__(address, WebhookHandler)
        self.webhook_path = path
        self.on_event = on_event
        self.quiet = quiet


class WebhookHandler(BaseHTTPRequestHandler):
    """Answers ``POST <path>``: 200 for any event, 400 malformed, 404 elsewhere."""

    server: WebhookServer

    def do_POST(self) -> None:
        if self.path.split("?", 1)[0] != self.server.webhook_path:
            self._reply(404, {"error": "not found"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._reply(411, {"error": "Content-Length required"})
            return
        if length < 0 or length > MAX_BODY:
            self._reply(413, {"error": f"body over {MAX_BODY} bytes"})
            return
        body = self.rfile.read(length)
        try:
            event = parse_event(body)
        except ValueError as exc:  # cxkit.WebhookError is a ValueError
            self._reply(400, {"error": str(exc)})
            return
        self.server.on_event(event)
        self._reply(200, {"result": "ok"})

    def do_GET(self) -> None:
        self._reply(405, {"error": "POST webhooks here"})

    def _reply(self, status: int, data: dict[str, Any]) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


SAMPLES: list[tuple[str, bytes, int]] = [
    (
        "message_new",
        json.dumps(
            {
                "type": "message_new",
                "object": {
                    "message_id": 42577887,
                    "case_id": 985687,
                    "staff_id": 7235,
                    "user_id": 0,
                    "custom_user_id": "",
                    "content": "Help is coming!",
                    "note": 0,
                    "sent_via_rule": 0,
                },
            }
        ).encode(),
        200,
    ),
    (
        "a case event",
        json.dumps(
            {
                "type": "case_updated",
                "object": {"case_id": 985687, "subject": "Printer on fire", "status": "waiting"},
            }
        ).encode(),
        200,
    ),
    (
        "a user event",
        json.dumps(
            {"type": "user_new", "object": {"user_id": 200, "user_email": "ann@example.com"}}
        ).encode(),
        200,
    ),
    (
        "an event unknown to cxkit",
        json.dumps({"type": "rating_new", "object": {"rating_id": 7}}).encode(),
        200,
    ),
    ("a body that is not JSON", b"<html>oops</html>", 400),
    ("a body without a type", json.dumps({"object": {}}).encode(), 400),
]


def post(url: str, body: bytes) -> int:
    """POST ``body`` as JSON; the HTTP status of the answer."""
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def self_test() -> int:
    """Serve on a free local port, post the samples, check every answer."""
    received: list[OmnideskEvent] = []
    server = WebhookServer(
        ("127.0.0.1", 0), path="/omnidesk/webhook", on_event=received.append, quiet=True
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    failures = 0
    try:
        checks = [(name, f"{base}/omnidesk/webhook", body, want) for name, body, want in SAMPLES]
        checks.append(("another path", f"{base}/elsewhere", SAMPLES[0][1], 404))
        for name, url, body, want in checks:
            got = post(url, body)
            mark = "ok  " if got == want else "FAIL"
            failures += got != want
            print(f"{mark} {name}: HTTP {got} (expected {want})")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    kinds = [type(event).__name__ for event in received]
    expected = ["MessageEvent", "CaseEvent", "UserEvent", "UnknownEvent"]
    if kinds != expected:
        print(f"FAIL events received: {kinds} (expected {expected})")
        failures += 1
    for event in received:
        print("     " + describe(event))
    print("self-test passed" if not failures else f"self-test failed: {failures} problem(s)")
    return 0 if not failures else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Receive Omnidesk webhooks.")
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--path", default="/omnidesk/webhook", help="the webhook URL's path")
    parser.add_argument("--self-test", action="store_true", help="check offline and exit")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()

    def show(event: OmnideskEvent) -> None:
        print(describe(event), flush=True)

    server = WebhookServer((args.host, args.port), path=args.path, on_event=show)
    print(f"listening on http://{args.host}:{args.port}{args.path} (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
