"""Tolerant parsing, property-tested over every response model of every vendor.

For each ``CXModel`` of ``cxkit.<vendor>.types`` (webhook events included, request
models excluded) a valid payload is built from the field annotations, then mutated
(a value anywhere replaced by one of another JSON type or by an odd one of the same
type, a field dropped, unknown keys added). In non-strict mode:

* parsing raises only when an identity field (required, reached through required
  fields only) was dropped or broken, and then only ``ResponseValidationError``;
* every attribute, at any depth, holds a value of its declared type;
* nothing sent is lost: each key is a parsed field, an extra, or in ``unparsed`` of
  the model that owns it, with the raw value as sent.

Strict mode agrees: it succeeds only where non-strict parsing kept nothing aside.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import math
import pkgutil
import random
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import AliasChoices, BaseModel, SecretStr, TypeAdapter
from pydantic.fields import FieldInfo

from cxkit import ResponseValidationError, _vendors
from cxkit._core import CXInput, CXModel, Duration, RFC2822DateTime
from cxkit._core.models import parse_model
from tests.profiles import examples

PACKAGES = {v.name: v.package for v in _vendors.vendors()}
VENDORS = tuple(PACKAGES)
WEBHOOK_MODULES = ("cxkit.thulium.types.events", "cxkit.omnidesk.types.webhooks")
MAX_DEPTH = 3
NoneType = type(None)

# -- discovery ----------------------------------------------------------------------


def _vendor_modules(vendor: str) -> Iterator[types.ModuleType]:
    package = importlib.import_module(f"{PACKAGES[vendor]}.types")
    yield package
    for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
        yield importlib.import_module(info.name)


def _discover() -> dict[type[CXModel], str]:
    found: dict[type[CXModel], str] = {}
    modules = [(v, m) for v in VENDORS for m in _vendor_modules(v)]
    for name in WEBHOOK_MODULES:
        modules.append((name.split(".")[1], importlib.import_module(name)))
    for vendor, module in modules:
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, CXModel)
                and not issubclass(obj, CXInput)
                and obj.__module__.startswith(f"{PACKAGES[vendor]}.")
            ):
                found[obj] = vendor
    return found


MODELS = _discover()


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    # Tolerant parsing logs each kept value; thousands of examples need no log.
    logger = logging.getLogger("cxkit")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


ORDERED = sorted(MODELS, key=lambda c: (MODELS[c], c.__module__, c.__qualname__))


def test_every_vendor_and_webhook_module_is_covered() -> None:
    counts = {v: sum(1 for c in MODELS.values() if c == v) for v in VENDORS}
    assert all(counts.values()), counts
    names = {c.__module__ for c in MODELS}
    assert set(WEBHOOK_MODULES) <= names
    assert not any(issubclass(c, CXInput) for c in MODELS)


# -- the schema as the test reads it -------------------------------------------------


def _strip(ann: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, *meta]`` -> ``(T, meta)``."""
    meta: tuple[Any, ...] = ()
    while get_origin(ann) is Annotated:
        ann, *extra = get_args(ann)
        meta = (*meta, *extra)
    return ann, meta


def _is_union(ann: Any) -> bool:
    return get_origin(ann) in (Union, types.UnionType)


def _model_class(ann: Any) -> bool:
    return inspect.isclass(ann) and issubclass(ann, BaseModel)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    keys: tuple[str, ...]  # the wire names it is read from
    annotation: Any  # for generation: with its validators (Annotated)
    declared: Any  # for conformance: plain type hint
    required: bool
    default: Any


@cache
def fields_of(cls: type[BaseModel]) -> tuple[FieldSpec, ...]:
    try:
        hints = typing.get_type_hints(cls, include_extras=False)
    except NameError:
        hints = {}
    out = []
    for name, info in cls.model_fields.items():
        out.append(
            FieldSpec(
                name=name,
                keys=_keys(name, info),
                annotation=Annotated[(info.annotation, *info.metadata)]
                if info.metadata
                else info.annotation,
                declared=hints.get(name, info.annotation),
                required=info.is_required(),
                default=None if info.is_required() else info.get_default(call_default_factory=True),
            )
        )
    return tuple(out)


def _keys(name: str, info: FieldInfo) -> tuple[str, ...]:
    keys = [name]
    alias = info.validation_alias if info.validation_alias is not None else info.alias
    if isinstance(alias, str):
        keys.append(alias)
    elif isinstance(alias, AliasChoices):
        keys.extend(c for c in alias.choices if isinstance(c, str))
    return tuple(dict.fromkeys(keys))


@cache
def key_map(cls: type[BaseModel]) -> dict[str, FieldSpec]:
    out: dict[str, FieldSpec] = {}
    for spec in fields_of(cls):
        for key in spec.keys:
            assert key not in out, f"{cls.__name__}: wire key {key!r} names two fields"
            out[key] = spec
    return out


# -- valid payloads -------------------------------------------------------------------

_WIRE_FORMS: dict[type, tuple[Any, ...]] = {
    datetime: (
        "2024-03-05 10:20:30",
        "2024-03-05 10:20:30.250",
        "2024/03/05 10:20:30",
        "Tue, 05 Mar 2024 10:20:30 +0100",
        "2024-03-05T10:20:30+01:00",
        1709630430,
        "1709630430",
        1709630430250,
        "05/03/2024",
        "2024-03-05",
    ),
    date: ("2024-03", "2024-03-05"),
    timedelta: ("01:02:03", "00:05", 75, "75"),
}


@cache
def wire_forms(leaf: type, meta: tuple[Any, ...]) -> tuple[Any, ...]:
    """The documented wire forms this field's validators read as a ``leaf`` value."""
    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[(leaf | None, *meta)] if meta else leaf)
    good = []
    for candidate in _WIRE_FORMS[leaf]:
        try:
            value = adapter.validate_python(candidate)
        except Exception:
            continue
        if not isinstance(value, leaf):
            continue
        if isinstance(value, datetime) and (value.tzinfo is None or value.year != 2024):
            continue
        good.append(candidate)
    return tuple(good)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)

# Values vendors really send when something is off, and the edges of each reader.
ODD_STRINGS = (
    "",
    " ",
    "0",
    "-",
    "null",
    "NULL",
    "None",
    "true",
    "12",
    "-5",
    "1.5",
    "1e400",
    "-1e400",
    "inf",
    "nan",
    "Infinity",
    "0000-00-00 00:00:00",
    "2024-03-05 10:20:30",
    "2024-13-45 99:99:99",
    "2024-03-05T10:20:30+25:00",
    "99999999999-01",
    "2024-13",
    "99999999999:00:00",
    "-01:02:03",
    "Mon, 05 May 99999999999 00:15:17 +0300",
    "Mon, 05 May 2014 00:15:17 +9999",
    "1709630430",
    "Tue, 05 Mar 2024 10:20:30 +0100",
    "2024-03-05T10:20:30+01:00",
    "05/03/2024",
    "01:02:03",
    "2024-03",
    "\x00",
    "zażółć",
)
ODD_NUMBERS = (0, 1, -1, 2**31, 2**63, -(2**63) - 1, 10**20, 10**400, 253402300800, -62135596801)
ODD_FLOATS = (0.0, -0.0, 0.5, -1.5, 1e20, 1e308, -1e308, 5e-324)

SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "bool": st.booleans(),
    "int": st.sampled_from(ODD_NUMBERS) | st.integers(-(10**6), 10**12),
    "float": st.sampled_from(ODD_FLOATS) | st.floats(allow_nan=False, allow_infinity=False),
    "str": st.sampled_from(ODD_STRINGS) | TEXT,
}
JSON = st.recursive(
    st.one_of(*SCALARS.values()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    return "dict"


# Built once: strategies made inside a test are validated again at each draw.
_KINDS: dict[str, st.SearchStrategy[Any]] = {
    **SCALARS,
    "list": st.lists(JSON, max_size=3),
    "dict": st.dictionaries(TEXT, JSON, max_size=3),
}
_OTHER = {kind: st.one_of(*(s for k, s in _KINDS.items() if k != kind)) for kind in _KINDS}
UNKNOWN_KEY = st.integers(0, 999).map("x_{}".format)
MUTATIONS = st.integers(1, 4)
SEED = st.integers(0, 2**32)
# "retype": a value of another JSON type; "revalue": an odd value of the same type
# (a date in another format, an out-of-range number); "drop": the key removed.
FIELD_ACTIONS = st.sampled_from(["retype", "retype", "revalue", "drop"])
ITEM_ACTIONS = st.sampled_from(["retype", "retype", "revalue"])


def rng_json(rng: random.Random, depth: int = 0) -> Any:
    """A small JSON value for ``Any`` fields (the base payload is built without hypothesis
    draws: hundreds of draws per example would make the file slow)."""
    kind = rng.randrange(7 if depth < 2 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice(ODD_NUMBERS)
    if kind == 3:
        return rng.choice((0.5, -1.5, 1e20))
    if kind == 4:
        return rng.choice(ODD_STRINGS)
    if kind == 5:
        return [rng_json(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {f"k{i}": rng_json(rng, depth + 1) for i in range(rng.randrange(3))}


def rng_word(rng: random.Random) -> str:
    return rng.choice("abcdefgh") + str(rng.randrange(1000))


def gen(rng: random.Random, ann: Any, depth: int, meta: tuple[Any, ...] = ()) -> Any:
    """A valid wire value for ``ann``."""
    ann, more = _strip(ann)
    meta = (*meta, *more)
    origin = get_origin(ann)
    if ann is Any or ann is object:
        return rng_json(rng)
    if ann is NoneType:
        return None
    if _is_union(ann):
        options = [a for a in get_args(ann) if a is not NoneType]
        if len(options) < len(get_args(ann)) and (depth > MAX_DEPTH or rng.random() < 0.1):
            return None
        return gen(rng, rng.choice(options), depth, meta)
    if origin is Literal:
        return rng.choice(get_args(ann))
    if origin is list:
        (item,) = get_args(ann) or (Any,)
        size = 0 if depth > MAX_DEPTH else rng.randrange(3)
        return [gen(rng, item, depth + 1) for _ in range(size)]
    if origin is dict:
        _, value = get_args(ann) or (str, Any)
        size = 0 if depth > MAX_DEPTH else rng.randrange(3)
        return {rng_word(rng): gen(rng, value, depth + 1) for _ in range(size)}
    if _model_class(ann):
        return gen_model(rng, ann, depth + 1)
    if ann in _WIRE_FORMS:
        forms = wire_forms(ann, meta)
        assert forms, f"no documented wire form of {ann} reads through {meta}"
        return rng.choice(forms)
    if ann is bool:
        return rng.random() < 0.5
    if ann is int:
        return rng.randrange(1, 10**9)
    if ann is float:
        return rng.uniform(-1e6, 1e6)
    if ann is str or ann is SecretStr:
        return rng_word(rng)
    raise TypeError(f"no generator for annotation {ann!r}")


def gen_model(rng: random.Random, cls: type[BaseModel], depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in fields_of(cls):
        if spec.required or depth <= MAX_DEPTH:
            out[rng.choice(spec.keys)] = gen(rng, spec.annotation, depth)
    return out


# -- mutation --------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    path: tuple[Any, ...]
    kind: Literal["model", "field", "item"]
    critical: bool  # reached through required fields only
    model: type[BaseModel] | None = None


def _branch(ann: Any, value: Any) -> Any:
    """The branch of ``ann`` the walk follows for ``value`` (``None``: stop)."""
    ann, _ = _strip(ann)
    if not _is_union(ann):
        return ann
    for option in get_args(ann):
        option, _ = _strip(option)
        origin = get_origin(option)
        if isinstance(value, dict) and (_model_class(option) or origin is dict):
            return option
        if isinstance(value, list) and origin is list:
            return option
    return None


def walk(value: Any, ann: Any, path: tuple[Any, ...], critical: bool) -> Iterator[Position]:
    ann = _branch(ann, value)
    origin = get_origin(ann)
    if _model_class(ann) and isinstance(value, dict):
        yield Position(path, "model", critical, ann)
        keys = key_map(ann)
        for key, item in value.items():
            spec = keys.get(key)
            if spec is None:
                continue
            inner = critical and spec.required
            yield Position((*path, key), "field", inner, ann)
            yield from walk(item, spec.annotation, (*path, key), inner)
    elif origin is list and isinstance(value, list):
        (item_ann,) = get_args(ann) or (Any,)
        for i, item in enumerate(value):
            yield Position((*path, i), "item", critical)
            yield from walk(item, item_ann, (*path, i), critical)
    elif origin is dict and isinstance(value, dict):
        _, item_ann = get_args(ann) or (str, Any)
        for key, item in value.items():
            yield Position((*path, key), "item", critical)
            yield from walk(item, item_ann, (*path, key), critical)


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    node = root
    for step in path[:-1]:
        node = node[step]
    return node


def missing_identity(value: Any, cls: type[BaseModel]) -> bool:
    """Whether a required field is absent along a chain of required fields."""
    if not isinstance(value, dict):
        return False
    for spec in fields_of(cls):
        if not spec.required:
            continue
        present = [k for k in spec.keys if k in value]
        if not present:
            return True
        inner = _branch(spec.annotation, value[present[0]])
        if _model_class(inner) and missing_identity(value[present[0]], inner):
            return True
    return False


@dataclass
class Case:
    cls: type[CXModel]
    sent: dict[str, Any]
    may_raise: bool
    must_raise: bool
    log: list[str]


@st.composite
def cases(draw: st.DrawFn, cls: type[CXModel]) -> Case:
    payload = gen_model(random.Random(draw(SEED)), cls, 1)
    may_raise = False
    log: list[str] = []
    for _ in range(draw(MUTATIONS)):
        spots = list(walk(payload, cls, (), True))
        spot = spots[draw(st.integers(0, len(spots) - 1))]
        if spot.kind == "model":
            parent = payload
            for step in spot.path:
                parent = parent[step]
            known = key_map(spot.model) if spot.model else {}
            key = draw(UNKNOWN_KEY)
            if key in known:
                continue
            parent[key] = draw(JSON)
            log.append(f"add {(*spot.path, key)}")
            continue
        parent = _parent(payload, spot.path)
        action = draw(FIELD_ACTIONS if spot.kind == "field" else ITEM_ACTIONS)
        current = parent[spot.path[-1]]
        if action == "drop":
            del parent[spot.path[-1]]
        elif action == "retype":
            parent[spot.path[-1]] = draw(_OTHER[json_kind(current)])
        else:
            parent[spot.path[-1]] = draw(_KINDS[json_kind(current)])
        may_raise = may_raise or spot.critical
        log.append(f"{action} {spot.path}")
    return Case(cls, payload, may_raise, missing_identity(payload, cls), log)


# -- the properties ---------------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Equal, with JSON types told apart (``1`` is not ``True`` nor ``1.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def conforms(value: Any, ann: Any) -> bool:
    """Whether ``value`` is of the declared type ``ann``."""
    ann, _ = _strip(ann)
    origin = get_origin(ann)
    if ann is Any or ann is object:
        return True
    if ann is NoneType or ann is None:
        return value is None
    if _is_union(ann):
        return any(conforms(value, option) for option in get_args(ann))
    if origin is Literal:
        return any(type(value) is type(a) and value == a for a in get_args(ann))
    if origin is list:
        (item,) = get_args(ann) or (Any,)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if origin is dict:
        key, item = get_args(ann) or (Any, Any)
        return isinstance(value, dict) and all(
            conforms(k, key) and conforms(v, item) for k, v in value.items()
        )
    if _model_class(ann):
        return isinstance(value, ann)
    if ann is datetime:
        return isinstance(value, datetime) and value.tzinfo is not None
    if ann is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if ann is int:
        return type(value) is int
    if ann is bool:
        return type(value) is bool
    if ann in (float, str, timedelta, SecretStr):
        return isinstance(value, ann)
    raise TypeError(f"no conformance rule for {ann!r}")


def models_in(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from models_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from models_in(item)


def check_types(model: BaseModel, where: str) -> None:
    """Every declared attribute, recursively, holds a value of its declared type."""
    unparsed = model.unparsed if isinstance(model, CXModel) else {}
    for spec in fields_of(type(model)):
        value = getattr(model, spec.name)
        assert conforms(value, spec.declared), (
            f"{where}.{spec.name}: {value!r} is not {spec.declared}"
        )
        if spec.name in unparsed:
            assert same(value, spec.default) or value == spec.default, (
                f"{where}.{spec.name} is in unparsed but holds {value!r}"
            )
        for i, inner in enumerate(models_in(value)):
            check_types(inner, f"{where}.{spec.name}[{i}]")


_BLANKS = ("", "-", "0", "null", "NULL", "None", "0000-00-00 00:00:00", "0000-00-00")


def _means_nothing(value: Any) -> bool:
    """Values a field may read as "not set" (documented empty markers)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() in _BLANKS
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0


def _blank_normalised(cls: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    # Thulium models read an empty string as "no value" before anything else.
    from cxkit.thulium.types.common import ThuliumModel

    if issubclass(cls, ThuliumModel):
        return {k: (None if v == "" else v) for k, v in data.items()}
    return data


def check_kept(sent: Any, got: Any, where: str) -> None:
    """Every key sent is a parsed field, an extra, or unparsed (raw, as sent)."""
    if isinstance(got, BaseModel) and isinstance(sent, dict):
        cls = type(got)
        sent = _blank_normalised(cls, sent)
        keys = key_map(cls)
        unparsed = got.unparsed if isinstance(got, CXModel) else {}
        extra = got.model_extra or {}
        assert set(unparsed) <= set(cls.model_fields), f"{where}: unparsed {set(unparsed)}"
        for key, value in sent.items():
            spec = keys.get(key)
            if spec is None:
                assert key in extra, f"{where}: unknown key {key!r} was dropped"
                assert same(extra[key], value), f"{where}.{key}: extra {extra[key]!r} != {value!r}"
            elif spec.name in unparsed:
                kept = unparsed[spec.name]
                assert same(kept, value), f"{where}.{key}: unparsed {kept!r} != sent {value!r}"
            else:
                assert spec.name in got.model_fields_set, f"{where}.{key}: not read"
                parsed = getattr(got, spec.name)
                lost = parsed is None or (not spec.required and same(parsed, spec.default))
                assert not (lost and not _means_nothing(value) and not same(value, spec.default)), (
                    f"{where}.{key}: {value!r} was sent, the field holds {parsed!r} "
                    "and nothing is in unparsed"
                )
                check_kept(value, parsed, f"{where}.{key}")
    elif isinstance(got, list) and isinstance(sent, list):
        assert len(got) == len(sent), f"{where}: {len(sent)} items sent, {len(got)} parsed"
        for i, (s, g) in enumerate(zip(sent, got, strict=True)):
            check_kept(s, g, f"{where}[{i}]")
    elif isinstance(got, dict) and isinstance(sent, dict):
        for key, value in sent.items():
            if key in got:
                check_kept(value, got[key], f"{where}[{key!r}]")


def has_unparsed(model: BaseModel) -> bool:
    if isinstance(model, CXModel) and model.unparsed:
        return True
    return any(
        has_unparsed(inner)
        for spec in fields_of(type(model))
        for inner in models_in(getattr(model, spec.name))
    )


def run_case(case: Case) -> None:
    cls, sent = case.cls, case.sent
    note = f"{cls.__qualname__} after {case.log}"
    try:
        model = parse_model(cls, sent, strict=False, vendor="test")
    except ResponseValidationError:
        assert case.may_raise or case.must_raise, f"{note}: raised, no identity field was broken"
        model = None
    else:
        assert not case.must_raise, f"{note}: an identity field is missing, yet it parsed"
    try:
        strict = parse_model(cls, sent, strict=True, vendor="test")
    except ResponseValidationError:
        strict = None
    if model is None:
        assert strict is None, f"{note}: strict parsed what non-strict refused"
        return
    assert isinstance(model, cls)
    check_types(model, cls.__name__)
    check_kept(sent, model, cls.__name__)
    if has_unparsed(model):
        assert strict is None, f"{note}: strict mode accepted values that did not fit"
    if strict is not None:
        assert not has_unparsed(strict)
        # same(): a "nan" string is a valid float, and nan != nan.
        assert same(strict.model_dump(), model.model_dump()), f"{note}: strict and tolerant differ"


@pytest.mark.parametrize("cls", ORDERED, ids=lambda c: f"{MODELS[c]}.{c.__qualname__}")
# Seeds, deadlines and health checks come from the profile (tests/profiles.py).
@settings(max_examples=examples(fast=8, long=100))
@given(data=st.data())
def test_tolerant_parsing_keeps_types_and_values(cls: type[CXModel], data: st.DataObject) -> None:
    run_case(data.draw(cases(cls), label="case"))


@pytest.mark.parametrize("cls", ORDERED, ids=lambda c: f"{MODELS[c]}.{c.__qualname__}")
def test_valid_payload_parses_in_both_modes(cls: type[CXModel]) -> None:
    # The unmutated payload is valid: strict and tolerant agree and keep nothing aside.
    @settings(max_examples=examples(fast=3, long=12))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        payload = data.draw(_valid(cls))
        model = parse_model(cls, payload, strict=True, vendor="test")
        check_types(model, cls.__name__)
        check_kept(payload, model, cls.__name__)
        assert not has_unparsed(model)

    check()


@st.composite
def _valid(draw: st.DrawFn, cls: type[CXModel]) -> dict[str, Any]:
    return gen_model(random.Random(draw(SEED)), cls, 1)


# -- what the property found, pinned ---------------------------------------------------


class _Timed(CXModel):
    id: int
    took: Duration = None
    sent: RFC2822DateTime = None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("took", 10**400),
        ("took", 1e20),
        ("took", "1e400"),
        ("took", "inf"),
        ("took", "99999999999:00:00"),
        ("sent", "Mon, 05 May 99999999999 00:15:17 +0300"),
    ],
)
def test_an_out_of_range_value_is_unparsed_not_fatal(name: str, value: Any) -> None:
    # Core: timedelta() and datetime() raise OverflowError, which pydantic does not
    # turn into a validation error, so the whole record failed ("unreadable value").
    model = parse_model(_Timed, {"id": 1, name: value}, strict=False, vendor="test")
    assert getattr(model, name) is None
    assert model.unparsed == {name: value}
    with pytest.raises(ResponseValidationError):
        parse_model(_Timed, {"id": 1, name: value}, strict=True, vendor="test")
