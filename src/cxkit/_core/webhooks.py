"""Typed webhook payloads: one parser, discriminated on a key of the payload."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from .errors import CXError, WebhookError
from .models import CXModel, parse_model

__all__ = ["WebhookError", "WebhookParser", "load_payload"]

E = TypeVar("E", bound=CXModel)


def load_payload(body: bytes | str | Mapping[str, Any], *, vendor: str) -> Mapping[str, Any]:
    """The JSON object of a webhook body (raw bytes, text or an already parsed mapping)."""
    if isinstance(body, Mapping):
        return body
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            body = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise WebhookError(f"{vendor}: webhook body is not UTF-8") from None
    if not isinstance(body, str):
        raise TypeError("a webhook body is bytes, str or a mapping")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise WebhookError(f"{vendor}: webhook body is not valid JSON") from None
    if not isinstance(data, Mapping):
        raise WebhookError(f"{vendor}: webhook body is not a JSON object")
    return data


class WebhookParser(Generic[E]):
    """Reads a payload's discriminator and validates it into that event's model.

    ``discriminator`` names the key (``"action"``) or reads the event name from the
    payload; ``events`` maps event names to models; a name not in it gives
    ``unknown`` (the payload kept whole), so a new vendor event never breaks a
    receiver.
    """

    def __init__(
        self,
        *,
        vendor: str,
        discriminator: str | Callable[[Mapping[str, Any]], str | None],
        events: Mapping[str, type[E]],
        unknown: type[E],
    ) -> None:
        self.vendor = vendor
        self._discriminator = discriminator
        self.events = dict(events)
        self.unknown = unknown

    def event_name(self, payload: Mapping[str, Any]) -> str | None:
        """The payload's event name, if it has one."""
        if callable(self._discriminator):
            return self._discriminator(payload)
        value = payload.get(self._discriminator)
        return value if isinstance(value, str) else None

    def parse(
        self,
        body: bytes | str | Mapping[str, Any],
        *,
        strict: bool = False,
        context: dict[str, Any] | None = None,
    ) -> E:
        """The typed event of a webhook body; an unknown event gives the ``unknown`` model.

        ``context`` reaches the models' validators (e.g. the account's time zone for
        local dates). An event this version does not know is never an error, even
        in strict mode.
        """
        payload = load_payload(body, vendor=self.vendor)
        model = self.events.get(self.event_name(payload) or "", self.unknown)
        strict = strict and model is not self.unknown
        try:
            return parse_model(
                model, dict(payload), strict=strict, vendor=self.vendor, context=context
            )
        except CXError as exc:
            raise WebhookError(str(exc)) from None
