"""Typed Omnidesk webhook events (beyond the documented seed).

Omnidesk posts ``{"type": "<event>", "object": {...}}``; :func:`parse_event`
turns a body into a typed event:

```python
from cxkit.omnidesk.webhooks import MessageEvent, parse_event

event = parse_event(request_body)          # bytes, str or an already parsed dict
if isinstance(event, MessageEvent):
    print(event.type, event.object.case_id, event.object.content)
```

* ``message_new``, and any other ``message_...`` event whose object has a
  ``message_id``, gives a :class:`MessageEvent`;
* a ``case_...`` event whose object has a ``case_id`` gives a :class:`CaseEvent`
  (the object shaped like ``cases.get``), a ``user_...`` event whose object has a
  ``user_id`` a :class:`UserEvent`;
* anything else gives an :class:`UnknownEvent` with the ``type`` and the raw
  ``object``, never an error, so a new Omnidesk event never breaks a receiver.

A body that is not a JSON object, has no ``type`` or whose ``object`` is not an
object raises :class:`cxkit.WebhookError` (a ``ValueError``); so does a
``message_new`` without its ``message_id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from .._core import WebhookError, WebhookParser
from .types.webhooks import *  # noqa: F403
from .types.webhooks import (
    CaseEvent,
    MessageEvent,
    OmnideskEvent,
    UnknownEvent,
    UserEvent,
    WebhookEvent,
)
from .types.webhooks import __all__ as _events_all

__all__ = ["WebhookError", "parse_event", *_events_all]

_VENDOR = "omnidesk"

KNOWN_TYPES = ("message_new",)
"""Event names whose shape is known; their object must fit (a missing id is an error)."""

_FAMILIES = {"message": "message_id", "case": "case_id", "user": "user_id"}
"""Event name prefix -> the identity its object must carry to be typed."""


def _has_id(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())


def _kind(payload: Mapping[str, Any]) -> str | None:
    """The model key of a payload, or ``None`` for an event kept as unknown."""
    name = payload.get("type")
    if not isinstance(name, str) or not name.strip():
        raise WebhookError(f'{_VENDOR}: webhook body has no "type" (the event name)')
    obj = payload.get("object")
    if not isinstance(obj, Mapping):
        raise WebhookError(f'{_VENDOR}: webhook "object" of a {name!r} event is not a JSON object')
    if name in KNOWN_TYPES:
        return name.partition("_")[0]
    family = name.partition("_")[0]
    identity = _FAMILIES.get(family)
    if identity is not None and _has_id(obj.get(identity)):
        return family
    return None


_PARSER: WebhookParser[WebhookEvent] = WebhookParser(
    vendor=_VENDOR,
    discriminator=_kind,
    events={"message": MessageEvent, "case": CaseEvent, "user": UserEvent},
    unknown=UnknownEvent,
)


def parse_event(body: bytes | str | Mapping[str, Any], *, strict: bool = False) -> OmnideskEvent:
    """The typed event of an Omnidesk webhook body (bytes, text or a parsed mapping).

    Values that do not fit their field are kept as sent, unless ``strict`` is
    true (then they raise :class:`cxkit.WebhookError`).
    """
    return cast(OmnideskEvent, _PARSER.parse(body, strict=strict))
