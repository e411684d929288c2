"""Temporary files, customer custom-field groups, conversation topics, tags and SMS.

The seed lists these endpoints in its index only; the shapes are inferred from the
rest of the API: every field is optional and anything else the API sends is kept.
"""

from __future__ import annotations

from typing import Any

from .common import ThuliumModel

__all__ = [
    "CustomerFieldGroup",
    "SmsMessageSent",
    "TemporaryFile",
    "Topic",
]


class TemporaryFile(ThuliumModel):
    """A file stored on the server for a while; pass its ``token`` as an attachment
    (``tickets.create(attachments=[file.token])``)."""

    token: str
    filename: str | None = None
    size: int | None = None
    """Size in bytes."""


class CustomerFieldGroup(ThuliumModel):
    """A group of customer custom fields."""

    id: int | None = None
    name: str | None = None
    fields: list[Any] | None = None


class Topic(ThuliumModel):
    """An active conversation topic."""

    id: int | None = None
    name: str | None = None


class SmsMessageSent(ThuliumModel):
    """The answer of ``sms_messages.create``; no field is documented, all are kept."""
