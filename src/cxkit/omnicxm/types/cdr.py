"""Call detail records."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..._core import CXModel, EpochSeconds
from .common import LocalDateTime

__all__ = ["CDRRecord"]


class CDRRecord(CXModel):
    """One call. ``calldate`` is epoch seconds; ``calldatetime`` the same moment as
    a local display string (``2023-09-01 03:21:11``), both read as aware datetimes.
    Durations (``billsec``, ``talktime``...) are seconds."""

    id: str = Field(alias="_id")
    uniqueid: str | None = None
    src: str | None = None
    dst: str | None = None
    did_number: str | None = None
    calldate: EpochSeconds = None
    calldatetime: LocalDateTime = None
    calltype: str | None = None
    carrier: str | None = None
    in_out: str | None = None
    disposition: str | None = None
    duration: int | None = None
    billsec: int | None = None
    talktime: int | None = None
    holdtime: int | None = None
    moh_time: int | None = None
    waitingtime: int | None = None
    waitingtime_inqueue: int | None = None
    queue: str | None = None
    hangup_by: str | None = None
    hangup_by_text: str | None = None
    user4x: list[Any] | None = None
    collection: str | None = Field(default=None, alias="_collection")
