"""CXModel, vendor date types and tolerant parsing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cxkit import CXModel, ResponseValidationError
from cxkit._core import EpochMillis, EpochSeconds, RFC2822DateTime, local_datetime
from cxkit._core.models import parse_model

Warsaw = local_datetime(ZoneInfo("Europe/Warsaw"))


class Stamped(CXModel):
    rfc: RFC2822DateTime = None
    secs: EpochSeconds = None
    millis: EpochMillis = None
    local: Warsaw = None  # type: ignore[valid-type]


def test_rfc2822_with_offset_is_aware() -> None:
    m = Stamped(rfc="Mon, 05 May 2014 00:15:17 +0300")
    assert m.rfc == datetime(2014, 5, 5, 0, 15, 17, tzinfo=timezone(timedelta(hours=3)))


def test_epoch_seconds_and_millis_are_utc() -> None:
    m = Stamped(secs=1700000000, millis="1700000000123")
    assert m.secs == datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)
    assert m.millis is not None and m.millis.microsecond == 123000
    assert m.millis.tzinfo is timezone.utc


def test_local_naive_date_gets_the_vendor_zone() -> None:
    m = Stamped(local="2016-04-20 09:46:24")
    assert m.local == datetime(2016, 4, 20, 9, 46, 24, tzinfo=ZoneInfo("Europe/Warsaw"))
    assert m.local.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("empty", ["", "-", 0, "0", None, "0000-00-00 00:00:00"])
def test_empty_markers_become_none(empty: object) -> None:
    m = Stamped(rfc=empty, secs=empty, millis=empty, local=empty)
    assert (m.rfc, m.secs, m.millis, m.local) == (None, None, None, None)


def test_dates_serialise_to_iso_in_json_mode() -> None:
    m = Stamped(secs=0, millis=1700000000000)
    assert m.model_dump(mode="json")["millis"] == "2023-11-14T22:13:20+00:00"


class Child(CXModel):
    when: EpochSeconds = None
    n: int | None = None


class Parent(CXModel):
    children: list[Child] | None = None
    title: str | None = None


def test_tolerant_parse_keeps_odd_values_and_extras() -> None:
    data = {
        "title": "t",
        "children": [{"when": "soon", "n": 1}, {"when": 1, "n": "two", "new": True}],
        "added_later": {"x": 1},
    }
    parsed = parse_model(Parent, data, strict=False, vendor="demo")
    assert parsed.title == "t"
    assert parsed.children is not None
    # An odd value leaves its field at the default and is kept, as sent, in .unparsed.
    assert parsed.children[0].when is None
    assert parsed.children[0].unparsed == {"when": "soon"}
    assert parsed.children[0].n == 1
    assert parsed.children[1].n is None
    assert parsed.children[1].unparsed == {"n": "two"}
    assert parsed.children[1].when == datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc)
    assert parsed.unparsed == {}
    assert parsed.children[1].new is True  # type: ignore[attr-defined]
    assert parsed.added_later == {"x": 1}  # type: ignore[attr-defined]
    assert data["children"][0]["when"] == "soon"  # input untouched


def test_strict_parse_raises_response_validation_error() -> None:
    with pytest.raises(ResponseValidationError) as info:
        parse_model(Parent, {"children": [{"n": "two"}]}, strict=True, vendor="demo")
    assert "children.0.n" in str(info.value)
    assert info.value.vendor == "demo"


def test_list_of_models() -> None:
    parsed = parse_model(list[Child], [{"n": 1}, {"n": 2}], strict=False, vendor="demo")
    assert [c.n for c in parsed] == [1, 2]


def test_to_dict_uses_vendor_names() -> None:
    m = Child.model_validate({"n": 3, "cf_44": "x"})
    assert m.to_dict() == {"n": 3, "cf_44": "x"}


@pytest.mark.parametrize(
    "text",
    [
        "Mon, 05 May 2014 00:15:17 +0300",
        "Tue, 5 May 2014 23:59:59 -0530",
        "05 Dec 2021 10:00:00 +0000",
        "Mon, 05 May 2014 00:15:17 GMT",
        "Sun, 29 Feb 2032 12:00:00 +1245",
    ],
)
def test_rfc2822_matches_the_standard_library(text: str) -> None:
    import email.utils

    assert Stamped(rfc=text).rfc == email.utils.parsedate_to_datetime(text)


def test_bad_rfc2822_is_kept_raw_when_tolerant() -> None:
    parsed = parse_model(
        Stamped, {"rfc": "Mon, 05 Mai 2014 00:15:17 +0300"}, strict=False, vendor="d"
    )
    assert parsed.rfc is None
    assert parsed.unparsed == {"rfc": "Mon, 05 Mai 2014 00:15:17 +0300"}


def test_tolerant_parsing_keeps_nothing_alive() -> None:
    import gc
    import logging

    class Stamp(CXModel):
        t: EpochSeconds = None

    logging.getLogger("cxkit").disabled = True
    try:
        for _ in range(50):
            parse_model(list[Stamp], [{"t": "x"}] * 20, strict=False, vendor="v")
    finally:
        logging.getLogger("cxkit").disabled = False
    gc.collect()
    assert sum(isinstance(o, Stamp) for o in gc.get_objects()) == 0


def test_json_output_is_json_ready_and_masks_credentials() -> None:
    import json
    from datetime import datetime, timezone

    class Account(CXModel):
        name: str | None = None
        created: EpochSeconds = None
        api_key: str | None = None

    account = parse_model(
        Account,
        {"name": "a", "created": 1700000000, "api_key": "k-secret"},
        strict=False,
        vendor="v",
    )
    assert account.created == datetime.fromtimestamp(1700000000, tz=timezone.utc)
    data = account.to_dict(mode="json")
    assert data == {"name": "a", "created": "2023-11-14T22:13:20+00:00", "api_key": "***"}
    assert json.loads(account.to_json()) == data
    assert account.to_dict()["api_key"] == "k-secret"  # python mode keeps the value
