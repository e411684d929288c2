"""Base model, vendor date/time types and tolerant response parsing."""

from __future__ import annotations

import email.utils
import functools
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Annotated, Any, Generic, Literal, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import SchemaValidator

from .config import TIME_ZONE
from .errors import ResponseValidationError
from .secrets import redact_value
from .shapes import Answer, json_object

__all__ = [
    "CXInput",
    "CXModel",
    "Created",
    "Duration",
    "EpochMillis",
    "EpochSeconds",
    "RFC2822DateTime",
    "YearMonth",
    "created",
    "local_datetime",
    "parse_model",
    "single_pass",
]

log = logging.getLogger("cxkit")

_EMPTY = ("", "-", "0", "null", "None", "0000-00-00 00:00:00", "0000-00-00")


class CXModel(BaseModel):
    """Base of every vendor model.

    Unknown fields are kept (``extra="allow"``), so a vendor adding a field never
    breaks a user; fields can be filled by name or alias.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
        # A model builds its validator when first used, not when its module is imported:
        # a script that reads one resource builds the models it meets, not all of them.
        defer_build=True,
    )

    @property
    def unparsed(self) -> dict[str, Any]:
        """Values the vendor sent that did not fit their fields, as sent (field -> value).

        Each such field was left at its default, so every attribute holds a value of
        its declared type; empty in strict mode, which raises instead.
        """
        private = self.__pydantic_private__
        found = private.get(_UNPARSED) if private else None
        return dict(found) if found else {}

    def to_dict(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The model as a plain dict with the vendor's field names; ``mode="json"`` gives
        JSON-ready values (ISO 8601 datetimes, credential fields masked)."""
        data = self.model_dump(by_alias=True, exclude_unset=True, mode=mode)
        return redact_value(data) if mode == "json" else data

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as JSON text (see :meth:`to_dict` with ``mode="json"``)."""
        return json.dumps(self.to_dict(mode="json"), ensure_ascii=False, indent=indent)


IdT = TypeVar("IdT", int, str)


class Created(CXModel, Generic[IdT]):
    """What ``create`` returns when the vendor answers with the new record's id alone
    (not the record): ``id`` is that id, typed as the vendor's ids are (``Created[int]``,
    ``Created[str]``). Anything else the answer carries is kept as an extra field.
    """

    model_config = ConfigDict(coerce_numbers_to_str=True)

    id: IdT


def created(id_type: type[IdT], key: str) -> type[Created[IdT]]:
    """The ``cast_to`` reading a create's answer ``{key: <new id>, ...}`` (or the bare id)
    as ``Created[id_type]``: ``key`` becomes ``id``, the answer's other fields stay
    beside it."""
    # Typed as the model it parses to, so ``_call`` types the result; the value is
    # an ``Annotated`` alias pydantic reads the same way.
    return cast("type[Created[IdT]]", _created(cast("object", id_type), key))


@functools.cache  # one type per (id type, key), so parsers are built once
def _created(id_type: Any, key: str) -> Any:
    def lift(value: Any) -> Any:
        if isinstance(value, Mapping) and key in value:
            out = {k: v for k, v in value.items() if k != key}
            out["id"] = value[key]
            return out
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return {"id": value}
        return value

    return Annotated[Created[id_type], BeforeValidator(lift)]


IN = TypeVar("IN", bound="CXInput")


class CXInput(BaseModel):
    """Base of request models.

    The constructor takes the documented Python names (plain mypy sees them, no
    plugin needed); the vendor's spelling is used on the wire only (declare it
    with :func:`wire`). Unknown keys are refused, so a typo fails before sending.
    """

    model_config = ConfigDict(
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        protected_namespaces=(),
    )

    def to_body(self) -> dict[str, Any]:
        """The request body: the vendor's field names, unset and ``None`` values left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    @classmethod
    def coerce(cls: type[IN], value: Any, *, name: str = "value") -> IN:
        """``value`` as this model: the model itself, or a mapping validated against it
        (Python or wire names; unknown keys refused with a clear ``ValueError``)."""
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise TypeError(f"{name} must be a {cls.__name__} or a mapping")
        try:
            return cls.model_validate(dict(value))
        except ValidationError as exc:
            raise ValueError(f"{name}: {_summary(exc)}") from None


def wire(name: str, default: Any = None) -> Any:
    """An optional input field sent as ``name`` (the vendor's spelling)."""
    return Field(default, validation_alias=name, serialization_alias=name)


def _is_empty(value: Any) -> bool:
    if value is None or (value == 0 and not isinstance(value, bool)):
        return True
    return isinstance(value, str) and value.strip() in _EMPTY


def _from_epoch(value: Any, scale: float) -> Any:
    if _is_empty(value):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ValueError(f"not an epoch time: {value!r}") from None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / scale, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"epoch time out of range: {value!r}") from None
    raise ValueError(f"not an epoch time: {value!r}")


_RFC2822 = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+"
    r"(\d{2}):(\d{2}):(\d{2})\s+([+-])(\d{2})(\d{2})\s*$"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_ZONES: dict[str, timezone] = {}
_MONTH_DIGITS = {
    name: f"{number:02d}"
    for month, number in _MONTHS.items()
    for name in (month, month.capitalize(), month.upper())
}


def _zone(offset: str) -> timezone:
    """``+0300`` as a timezone (cached: a vendor sends few distinct offsets)."""
    zone = _ZONES.get(offset)
    if zone is None:
        minutes = int(offset[1:3]) * 60 + int(offset[3:5])
        zone = timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))
        _ZONES[offset] = zone
    return zone


def _fast_rfc2822(text: str) -> datetime | None:
    """The common shape, parsed without email.utils (it runs once per date field)."""
    # "Mon, 05 May 2014 00:15:17 +0300": fixed positions, the shape vendors send,
    # rearranged into ISO 8601 for the C parser.
    if len(text) == 31 and text[3:5] == ", " and text[26] in "+-":
        month = _MONTH_DIGITS.get(text[8:11])
        if month is not None:
            try:
                return datetime.fromisoformat(
                    f"{text[12:16]}-{month}-{text[5:7]}T{text[17:25]}{text[26:29]}:{text[29:31]}"
                )
            except ValueError:
                pass
    m = _RFC2822.match(text)
    if m is None:
        return None
    day, mon, year, hh, mm, ss, sign, oh, om = m.groups()
    number = _MONTHS.get(mon.lower())
    if number is None:
        return None
    try:
        return datetime(
            int(year), number, int(day), int(hh), int(mm), int(ss), tzinfo=_zone(sign + oh + om)
        )
    except ValueError:
        return None


def _from_rfc2822(value: Any) -> Any:
    if type(value) is str and len(value) == 31:
        fast = _fast_rfc2822(value)
        if fast is not None:
            return fast
    if _is_empty(value):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        fast = _fast_rfc2822(value)
        if fast is not None:
            return fast
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            raise ValueError(f"not an RFC 2822 date: {value!r}") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    raise ValueError(f"not an RFC 2822 date: {value!r}")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


_SERIALIZE = PlainSerializer(_iso, return_type=str | None, when_used="json")

RFC2822DateTime = Annotated[datetime | None, BeforeValidator(_from_rfc2822), _SERIALIZE]
"""A date like ``Mon, 05 May 2014 00:15:17 +0300`` as an aware datetime."""

EpochSeconds = Annotated[datetime | None, BeforeValidator(lambda v: _from_epoch(v, 1)), _SERIALIZE]
"""Seconds since the epoch as an aware (UTC) datetime."""

EpochMillis = Annotated[
    datetime | None, BeforeValidator(lambda v: _from_epoch(v, 1000)), _SERIALIZE
]
"""Milliseconds since the epoch as an aware (UTC) datetime."""


def local_datetime(tz: tzinfo, formats: tuple[str, ...] = ("%Y-%m-%d %H:%M:%S",)) -> Any:
    """A naive ``YYYY-MM-DD HH:MM:SS`` style date read in the vendor's zone.

    The zone is the client's (its ``time_zone`` option, passed in the validation
    context), else ``tz``; ISO 8601 strings are accepted too.
    """

    def parse(value: Any, info: ValidationInfo) -> Any:
        if _is_empty(value):
            return None
        context = info.context
        zone = context.get(TIME_ZONE, tz) if isinstance(context, dict) else tz
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=zone)
        if isinstance(value, str):
            text = value.strip()
            for fmt in formats:
                try:
                    return datetime.strptime(text, fmt).replace(tzinfo=zone)
                except ValueError:
                    continue
            try:
                parsed = datetime.fromisoformat(text)
            except ValueError:
                raise ValueError(f"not a date: {value!r}") from None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
        raise ValueError(f"not a date: {value!r}")

    return Annotated[datetime | None, BeforeValidator(parse), _SERIALIZE]


_DURATION = re.compile(r"^\s*(-)?(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?\s*$")


def _to_duration(value: Any) -> Any:
    try:
        return _read_duration(value)
    except (OverflowError, ArithmeticError):
        raise ValueError(f"duration out of range: {value!r}") from None


def _read_duration(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, timedelta):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return timedelta(seconds=value)
    if isinstance(value, str):
        m = _DURATION.match(value)
        if m is not None:
            sign, hours, minutes, seconds = m.groups()
            total = timedelta(hours=int(hours), minutes=int(minutes), seconds=float(seconds or 0))
            return -total if sign else total
        try:
            return timedelta(seconds=float(value.strip()))
        except ValueError:
            pass
    raise ValueError(f"not a duration: {value!r}")


def _duration_json(value: timedelta | None) -> float | None:
    return value.total_seconds() if value is not None else None


Duration = Annotated[
    timedelta | None,
    BeforeValidator(_to_duration),
    PlainSerializer(_duration_json, return_type=float | None, when_used="json"),
]
"""``HH:MM:SS`` (or ``HH:MM``, or a number of seconds) as a ``timedelta``."""

_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _to_year_month(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return date(value.year, value.month, 1)
    if isinstance(value, str):
        m = _YEAR_MONTH.match(value)
        if m is not None:
            return date(int(m.group(1)), int(m.group(2)), 1)
    raise ValueError(f"not a YYYY-MM month: {value!r}")


YearMonth = Annotated[date | None, BeforeValidator(_to_year_month)]
"""A ``YYYY-MM`` month as the ``date`` of its first day."""


M = TypeVar("M")


def parse_model(
    cast_to: Callable[..., M] | type[M],
    data: Any,
    *,
    strict: bool,
    vendor: str,
    context: dict[str, Any] | None = None,
) -> M:
    """Validate ``data`` into ``cast_to``.

    In strict mode a mismatch raises :class:`ResponseValidationError`. Otherwise a
    value that does not fit its field leaves the field at its default and is kept,
    as sent, in the model's ``unparsed`` (logged once per response), so one odd
    value never breaks a listing and no attribute holds a value of another type.
    A record missing a required (identity) field fails in both modes.
    """
    adapter = _adapter(cast_to)
    try:
        return adapter.validate_python(data, context=context)  # type: ignore[no-any-return]
    except ValidationError as exc:
        if strict:
            raise ResponseValidationError(_summary(exc), vendor=vendor, body=data) from None
        # Keep the text, not the error: an error raised by a Python validator sits in
        # a reference cycle that would keep the whole page alive.
        first = _summary(exc)
    except RecursionError:
        raise ResponseValidationError("response is nested too deeply", vendor=vendor) from None
    except Exception as exc:  # a validator that let a foreign error out
        raise ResponseValidationError(
            f"unreadable value ({type(exc).__name__})", vendor=vendor, body=data
        ) from None
    # The fast path failed: validate once more with every optional field tolerant.
    kept: list[str] = []
    token = _KEPT.set(kept)
    try:
        result = _tolerant_validator(cast_to, adapter).validate_python(data, context=context)
    except ValidationError:
        raise ResponseValidationError(first, vendor=vendor, body=data) from None
    except RecursionError:
        raise ResponseValidationError("response is nested too deeply", vendor=vendor) from None
    except Exception as exc:  # a validator that let a foreign error out
        raise ResponseValidationError(
            f"unreadable value ({type(exc).__name__})", vendor=vendor, body=data
        ) from None
    finally:
        _KEPT.reset(token)
    if kept:
        shown = ", ".join(sorted(set(kept))[:10])
        log.warning(
            "%s: %d value(s) did not fit their fields; kept as sent in .unparsed: %s",
            vendor,
            len(kept),
            shown,
        )
    return result  # type: ignore[no-any-return]


def single_pass(
    cast_to: Any, answer: Answer
) -> Callable[[bytes, dict[str, Any] | None], Any] | None:
    """A decoder from an answer's bytes straight to ``cast_to`` in one pydantic-core
    call, the object found where ``answer`` says; ``None`` when ``answer`` cannot be
    typed (fields beside an object that is the whole body). The decoder raises
    ``ValueError`` (pydantic's ``ValidationError`` included) whenever the body is not
    exactly that, so the caller falls back to the tolerant path. Building one costs a
    schema: the caller keeps it (``reader.Decoders``)."""
    path = answer.path
    if not path and answer.fields:
        return None
    shape = cast_to
    if answer.adapt is not None:
        shape = Annotated[cast_to, BeforeValidator(answer.adapt)]
    for depth in range(len(path) - 1, -1, -1):
        fields = dict(answer.fields) if depth == 0 else {}
        shape = json_object(**fields, **{path[depth]: shape})
    # The body itself is cast_to: share the tolerant parse's adapter. An envelope is a
    # type built here, which no other caller asks for.
    validate = (
        _adapter(shape).validate_json
        if shape is cast_to and not path
        else TypeAdapter(shape).validate_json
    )

    def decode(content: bytes, context: dict[str, Any] | None) -> Any:
        value = validate(content, context=context)
        for key in path:
            value = value[key]
        return value

    return decode


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}
_TOLERANT: dict[Any, SchemaValidator] = {}
_PENDING: ContextVar[dict[str, Any] | None] = ContextVar("cxkit_unparsed", default=None)
_KEPT: ContextVar[list[str] | None] = ContextVar("cxkit_kept", default=None)


def _adapter(tp: Any) -> TypeAdapter[Any]:
    try:
        return _ADAPTERS[tp]
    except (KeyError, TypeError):
        pass
    adapter: TypeAdapter[Any] = TypeAdapter(tp)
    try:
        _ADAPTERS[tp] = adapter
    except TypeError:
        pass
    return adapter


def _tolerant_validator(tp: Any, adapter: TypeAdapter[Any]) -> SchemaValidator:
    """A validator for ``tp`` whose optional model fields never fail (built once per type)."""
    try:
        return _TOLERANT[tp]
    except (KeyError, TypeError):
        pass
    classes: list[type] = []
    schema = _tolerant_schema(adapter.core_schema, classes)
    with _BUILD_LOCK:
        # pydantic-core reuses a complete model's own (intolerant) validator for a model
        # schema; marking the classes incomplete while building makes it compile ours.
        flipped = [c for c in classes if c.__dict__.get("__pydantic_complete__") is True]
        for cls in flipped:
            type.__setattr__(cls, "__pydantic_complete__", False)
        try:
            validator = SchemaValidator(schema)
        finally:
            for cls in flipped:
                type.__setattr__(cls, "__pydantic_complete__", True)
    try:
        _TOLERANT[tp] = validator
    except TypeError:
        pass
    return validator


def _tolerant_schema(node: Any, classes: list[type]) -> Any:
    """A copy of a core schema with each optional model field wrapped by :func:`_field_guard`
    and each model by :func:`_model_scope`; the model classes met go to ``classes``."""
    if isinstance(node, list):
        return [_tolerant_schema(item, classes) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _tolerant_schema(value, classes) for key, value in node.items()}
    kind = out.get("type")
    if kind == "model-fields":
        model = str(out.get("model_name", "model"))
        for name, field in out["fields"].items():
            inner = field.get("schema")
            if isinstance(inner, dict) and inner.get("type") == "default":
                inner["schema"] = {
                    "type": "function-wrap",
                    "function": {"type": "no-info", "function": _field_guard(model, name, inner)},
                    "schema": inner["schema"],
                }
    elif kind == "model":
        if isinstance(out.get("cls"), type):
            classes.append(out["cls"])
        wrapper: dict[str, Any] = {
            "type": "function-wrap",
            "function": {"type": "no-info", "function": _model_scope},
            "schema": out,
        }
        if "ref" in out:
            # References (recursive and shared models) must reach the wrapper.
            wrapper["ref"] = out.pop("ref")
        return wrapper
    return out


def _field_guard(model: str, name: str, default_schema: dict[str, Any]) -> Callable[..., Any]:
    factory = default_schema.get("default_factory")

    def guard(value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except (ValidationError, ArithmeticError, OSError, RecursionError):
            default = factory() if factory is not None else default_schema.get("default")
            if isinstance(value, str) and not value.strip():
                return default  # "" for a number, bool or date means "not set"
            pending = _PENDING.get()
            if pending is not None:
                pending[name] = value
            kept = _KEPT.get()
            if kept is not None:
                kept.append(f"{model}.{name}")
            return default

    return guard


def _model_scope(value: Any, handler: Callable[[Any], Any]) -> Any:
    pending: dict[str, Any] = {}
    token = _PENDING.set(pending)
    try:
        result = handler(value)
    finally:
        _PENDING.reset(token)
    if pending and isinstance(result, BaseModel):
        private = result.__pydantic_private__ or {}
        object.__setattr__(result, "__pydantic_private__", {**private, _UNPARSED: pending})
    return result


_UNPARSED = "_cx_unparsed"
_BUILD_LOCK = threading.Lock()


def _summary(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    shown = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:3])
    more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
    return shown + more
