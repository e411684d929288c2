"""The seed's example responses (tests/fixtures/<vendor>/catalog.json), record by record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import AliasChoices

from cxkit import CXModel
from cxkit.unified.models import UnifiedModel

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@cache
def catalog(vendor: str) -> dict[str, Any]:
    """The vendor's catalog fixture."""
    data: dict[str, Any] = json.loads((FIXTURES / vendor / "catalog.json").read_text("utf-8"))
    return data


def examples(vendor: str, *endpoint_ids: str) -> list[tuple[str, Any]]:
    """(endpoint id, example response) of the endpoints named that have one."""
    wanted = set(endpoint_ids)
    out = [
        (e["id"], e["example_response"])
        for e in catalog(vendor)["endpoints"]
        if e["id"] in wanted and e.get("example_response") is not None
    ]
    missing = wanted - {name for name, _ in out}
    assert not missing, f"no example response for {sorted(missing)}"
    return out


def under(data: Any, key: str) -> Iterator[dict[str, Any]]:
    """Every object found under ``key`` anywhere in ``data``."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key and isinstance(v, dict):
                yield v
            else:
                yield from under(v, key)
    elif isinstance(data, list):
        for item in data:
            yield from under(item, key)


def records(vendor: str, key: str, *endpoint_ids: str) -> list[tuple[str, dict[str, Any]]]:
    """(endpoint id, record) for every object under ``key`` in those endpoints' examples."""
    out = [(name, rec) for name, ex in examples(vendor, *endpoint_ids) for rec in under(ex, key)]
    assert out, f"no {key!r} records in {endpoint_ids}"
    return out


def assert_lossless(raw: CXModel, record: dict[str, Any], mapped: UnifiedModel) -> None:
    """``mapped`` is valid, holds ``raw``, and every field of the vendor's record is in its
    ``raw``: in ``to_dict()`` or, for a value that did not parse, kept as sent in
    ``unparsed``."""
    assert mapped.raw is raw  # type: ignore[attr-defined]
    assert_built(mapped)
    assert_as_validated(mapped)
    dumped = mapped.to_dict()
    assert dumped["raw"] == raw.to_dict(), "to_dict()['raw'] is the vendor record"
    unparsed = raw.unparsed
    for key, value in record.items():
        if key in unparsed:
            assert unparsed[key] == value
            continue
        assert _dumped_name(raw, key) in dumped["raw"], f"{key} lost"
    json.dumps(mapped.to_dict(mode="json"))


def _dumped_name(raw: CXModel, key: str) -> str:
    """The name ``to_dict()`` gives the field the vendor sent as ``key`` (``_id`` -> ``id``
    where the model reads either spelling)."""
    for name, info in type(raw).model_fields.items():
        alias = info.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias, info.alias]
        if key in choices or key == name:
            return info.serialization_alias or info.alias or name
    return key


def assert_built(mapped: UnifiedModel) -> None:
    """``mapped`` and the common models in it hold every field of their class, in field
    order, and nothing else (the mappings give the values without validation)."""
    assert list(vars(mapped)) == list(type(mapped).model_fields), type(mapped).__name__
    for value in vars(mapped).values():
        if isinstance(value, UnifiedModel):
            assert_built(value)


def assert_as_validated(mapped: UnifiedModel) -> None:
    """``mapped`` (built without validation) is what validating its own values gives:
    field by field of the same type and value, the same fields-set, dicts and JSON."""
    data = {**mapped.to_dict(), "raw": getattr(mapped, "raw", None)}
    if "raw" not in type(mapped).model_fields:
        del data["raw"]
    validated = type(mapped).model_validate(data)
    _same_fields(mapped, validated)
    assert mapped.model_fields_set == validated.model_fields_set == set(type(mapped).model_fields)
    assert mapped == validated and validated == mapped
    assert repr(mapped) == repr(validated)
    assert mapped.to_dict() == validated.to_dict()
    assert mapped.to_json() == validated.to_json()
    assert mapped.model_dump_json(exclude={"raw"}) == validated.model_dump_json(exclude={"raw"})
    json.dumps(mapped.to_dict(mode="json"))


def _same_fields(fast: UnifiedModel, validated: UnifiedModel) -> None:
    assert type(fast) is type(validated)
    assert list(vars(fast)) == list(vars(validated)), "fields in field order"
    for name, value in vars(fast).items():
        twin = vars(validated)[name]
        assert type(value) is type(twin), f"{type(fast).__name__}.{name}"
        if isinstance(value, UnifiedModel):
            _same_fields(value, twin)
            assert value.model_fields_set == twin.model_fields_set
        else:
            assert value == twin, f"{type(fast).__name__}.{name}: {value!r} != {twin!r}"
