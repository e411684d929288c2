"""Identity fields the vendors always send are typed non-optional.

Each field below is the key other calls take (``th.agents.status.get(agent.login)``),
and every example of its answer in the vendor's docs carries it. Non-optional, a
user's code needs no narrowing; a record that lacks one anyway is a
``ResponseValidationError`` in tolerant mode too (the tolerance property test
covers the rest of the guarantee).
"""

from __future__ import annotations

import typing
from typing import Any

import pytest

from cxkit import ResponseValidationError
from cxkit._core.models import parse_model
from cxkit.omi.types.call_center import Extension, InternalPhone
from cxkit.thulium.types.agents import Agent, WorkReportAgent, WorkReportPause

# (model, field, its type, a record as the docs' example sends it)
IDENTITY: list[tuple[type[Any], str, type, dict[str, Any]]] = [
    (Agent, "login", str, {"agent_id": 1, "login": "jkowalski", "name": "Jan"}),
    (WorkReportAgent, "login", str, {"login": "jkowalski", "name": "Janko"}),
    (WorkReportPause, "id", str, {"id": 1, "count": 0, "sum": "00:00:00"}),
    (InternalPhone, "sip_user", str, {"sip_user": "147", "full_name": "Vy"}),
    (Extension, "extension", str, {"extension": "6349", "full_name": "Nguyen Tien"}),
]


@pytest.mark.parametrize(("model", "field", "tp", "record"), IDENTITY)
def test_identity_field_is_typed_without_none(
    model: type[Any], field: str, tp: type, record: dict[str, Any]
) -> None:
    assert typing.get_type_hints(model)[field] is tp
    parsed = parse_model(model, record, strict=False, vendor="test")
    assert isinstance(getattr(parsed, field), tp)


@pytest.mark.parametrize(("model", "field", "tp", "record"), IDENTITY)
@pytest.mark.parametrize("strict", [False, True])
def test_a_record_without_its_identity_is_refused(
    model: type[Any], field: str, tp: type, record: dict[str, Any], strict: bool
) -> None:
    missing = {k: v for k, v in record.items() if k != field}
    with pytest.raises(ResponseValidationError, match=field):
        parse_model(model, missing, strict=strict, vendor="test")


def test_a_pause_id_sent_as_a_number_reads_as_text() -> None:
    # The docs' work report mixes "all", "free" and numeric pause ids.
    pause = parse_model(WorkReportPause, {"id": 3}, strict=True, vendor="thulium")
    assert pause.id == "3"


def test_a_blank_login_is_kept_as_sent_not_turned_into_none() -> None:
    # The docs' agents.list shows a system "Automat" agent whose login is "".
    robot = parse_model(Agent, {"agent_id": 1, "login": "", "email": ""}, strict=True, vendor="t")
    assert robot.login == "" and robot.email is None
