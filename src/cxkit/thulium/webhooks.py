"""Receive Thulium webhooks: typed events and the Basic-auth check.

```python
from cxkit.thulium.webhooks import TicketCreatedEvent, check_basic_auth, parse_event

if not check_basic_auth(request.headers.get("Authorization"), username="hook", password=pw):
    return 401
event = parse_event(request.body)          # bytes, str or an already parsed mapping
match event:
    case TicketCreatedEvent(ticket_id=ticket_id):
        ...
```

Thulium POSTs one flat object per event; its ``action`` picks the model. An
action this version does not know gives an :class:`UnknownEvent` with every
field kept, never an error; a body that is not an object with an ``action``
raises :class:`~cxkit._core.WebhookError` (a ``ValueError``).
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from datetime import tzinfo
from typing import Any
from urllib.parse import parse_qsl

from .._core import TIME_ZONE, Secret, WebhookError, WebhookParser, load_payload, zone_of
from .types.events import *  # noqa: F403
from .types.events import EVENT_TYPES, ThuliumEvent, UnknownEvent
from .types.events import __all__ as _events_all

__all__ = ["WebhookError", "check_basic_auth", "parse_event", *_events_all]

VENDOR = "thulium"


_PARSER = WebhookParser[ThuliumEvent](
    vendor=VENDOR, discriminator="action", events=EVENT_TYPES, unknown=UnknownEvent
)


def _form_payload(body: bytes | str | Mapping[str, Any]) -> dict[str, str] | None:
    """A form-encoded body (``action=TICKET_CREATED&ticket_id=12``), if it is one."""
    # The docs say the data is POSTed but not how it is encoded; a receiver
    # gets the same events either way.
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            body = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(body, str) or "=" not in body:
        return None
    try:
        pairs = parse_qsl(body.strip(), keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    form = dict(pairs)
    return form if "action" in form else None


def _payload(body: bytes | str | Mapping[str, Any]) -> Mapping[str, Any]:
    try:
        payload = load_payload(body, vendor=VENDOR)
    except WebhookError:
        form = _form_payload(body)
        if form is None:
            raise
        payload = form
    action = payload.get("action")
    if not isinstance(action, str) or not action.strip():
        raise WebhookError(f'{VENDOR}: webhook body has no "action" naming its event')
    return payload


def parse_event(
    body: bytes | str | Mapping[str, Any],
    *,
    strict: bool = False,
    time_zone: str | tzinfo | None = None,
) -> ThuliumEvent:
    """The typed event of a Thulium webhook body.

    ``body`` is the raw request body (JSON, or a form-encoded body) or an
    already parsed mapping. The ``action`` picks the model; an unknown action
    gives :class:`UnknownEvent` with every field kept. Dates are read in
    ``time_zone`` (an IANA name or a ``tzinfo``; default ``Europe/Warsaw``).
    By default an odd value leaves its field ``None`` and is kept, as sent, in the
    event's ``unparsed``; ``strict=True`` raises instead.

    Raises :class:`~cxkit._core.WebhookError` (a ``ValueError``) when the body is
    not an object with an ``action`` (or, in strict mode, does not fit its event).
    """
    payload = _payload(body)
    context = None if time_zone is None else {TIME_ZONE: zone_of(time_zone, vendor=VENDOR)}
    return _PARSER.parse(payload, strict=strict, context=context)


def check_basic_auth(
    authorization_header: str | bytes | None, *, username: str, password: str | Secret
) -> bool:
    """Whether an ``Authorization`` header carries the Basic credentials the receiver expects.

    Thulium can send Basic-auth credentials with each webhook call (configured in
    the Panel next to the receiver's URL). The comparison takes the same time
    however much of the credentials match. A missing or malformed header is
    ``False``.
    """
    secret = password.get() if isinstance(password, Secret) else password
    if not isinstance(username, str) or not username or not isinstance(secret, str) or not secret:
        raise ValueError("check_basic_auth: username and password must be non-empty strings")
    if isinstance(authorization_header, bytes):
        authorization_header = authorization_header.decode("latin-1")
    if not isinstance(authorization_header, str):
        return False
    scheme, _, token = authorization_header.strip().partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        decoded = base64.b64decode(token.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    user, sep, given = decoded.partition(b":")
    user_ok = hmac.compare_digest(user, username.encode("utf-8"))
    password_ok = hmac.compare_digest(given, secret.encode("utf-8"))
    return bool(sep) and user_ok and password_ok
