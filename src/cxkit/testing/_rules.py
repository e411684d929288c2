"""Declarative request checks for the fakes: field specs as data, one checker.

A fake declares each request body once, as a table of field name ->
:class:`Field` (its kind, whether it is required, the values it allows, the
record it must name), and its vendor's error wording once, as a
:class:`Wording`. :func:`read` then finds every problem of a body at once, in
that wording, and gives the values converted by kind; :func:`refuse` raises the
problems as one :class:`~cxkit.testing.Refused` (all of them, or the first, as
the vendor answers); :func:`checked` does both.

```python
from cxkit.testing._rules import Field, Wording, read

THULIUM = Wording(required="{name} is required.", unknown="Unknown field: {name}.")
RULES = {
    "surname": Field(required=True, label="Surname"),
    "email": Field("email", many=True, message="Wrong format of e-mail address."),
    "order": Field("int"),
    "dialer": Field("enum", allowed=("predictive", "preview")),
}
assert read({"email": "x", "colour": 1}, RULES, THULIUM)[1] == [
    "Surname is required.",
    "Unknown field: colour.",
    "Wrong format of e-mail address.",
]
values, problems = read({"surname": "Nowak", "order": "7"}, RULES, THULIUM)
assert values == {"surname": "Nowak", "order": 7} and problems == []
```

Kinds: ``text``, ``int``, ``bool``, ``enum`` (``allowed``), ``email``,
``phone``, ``date`` (``YYYY-MM-DD``), ``datetime``, ``pattern`` (``pattern``),
``list`` (each item of kind ``items``), ``object`` (nested ``fields``, checked
the same way), ``any``. ``many`` takes one value or a list of them (read as a
list of trimmed texts). ``ref`` names a store of the fake (``"companies"``, or
``"ticket_queues:ticket_queue_id"`` for a list of records keyed by a field)
that must hold the value.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ._server import _INTEGER, Refused

__all__ = ["Field", "Rules", "Wording", "apply", "blank", "checked", "read", "refuse", "strict"]

_PATTERNS = {
    "email": r"^[^@\s]+@[^@\s]+$",
    "phone": r"^\+?\d{3,15}$",
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "datetime": r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$",
}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class Field:
    """One field of a request body: its kind and what it must be.

    ``required`` fields must be present and not blank (``None``, ``""`` or
    spaces, or an empty list); others may be blank. ``label`` is the field's name in messages
    (the field name by default); ``message`` replaces the wording's message for
    a bad value, ``missing`` the one for a ``ref`` naming no record (both take
    ``{name}``, ``{value}`` and ``{allowed}``). ``minimum`` and ``maximum``
    bound an ``int``.

    How :func:`apply` stores it: ``plural`` keeps a ``many`` field's list under
    that name and its first item under the field's; ``merge`` merges an object
    into the record's (``""`` clears a key; a new one starts with the
    ``fields`` as ``None``); ``keep`` leaves the record's value when a blank
    one is sent; ``store=False`` leaves it to the fake.
    """

    kind: str = "text"
    required: bool = False
    allowed: Collection[Any] = ()
    pattern: str = ""
    many: bool = False
    items: str = ""
    fields: Mapping[str, Field] | None = None
    ref: str = ""
    minimum: int | None = None
    maximum: int | None = None
    label: str = ""
    message: str = ""
    missing: str = ""
    plural: str = ""
    merge: bool = False
    keep: bool = False
    store: bool = True

    @classmethod
    def each(cls, *names: str, kind: str = "text", **options: Any) -> dict[str, Field]:
        """This field (of ``kind``, with ``options``) for each of ``names``."""
        return dict.fromkeys(names, cls(kind, **options))


Rules = Mapping[str, Field]
"""A request body's declaration: field name -> :class:`Field`."""

_SAYS = MappingProxyType(
    {
        "text": "{name} must be text",
        "int": "{name} must be a number",
        "bool": "{name} must be true or false",
        "enum": "{name} must be one of: {allowed}",
        "email": "{name} must be an email address",
        "phone": "{name} must be a phone number",
        "date": "{name} must be a YYYY-MM-DD date",
        "datetime": "{name} must look like YYYY-MM-DD hh:mm:ss",
        "pattern": "{name} has the wrong format",
        "list": "{name} must be a list",
        "object": "{name} must be an object",
    }
)


@dataclass(frozen=True)
class Wording:
    """A vendor's error messages (templates with ``{name}``, ``{value}``,
    ``{allowed}``); ``unknown`` empty: the vendor ignores fields it does not
    know; ``invalid`` overrides the bad-value message of a kind;
    ``end`` ends every message that does not end with it (``"."``)."""

    required: str = "{name} is required"
    empty: str = "{name} cannot be empty"
    unknown: str = "unknown field {name}"
    missing: str = "{name} {value} not found"
    invalid: Mapping[str, str] = field(default_factory=dict)
    end: str = ""

    def say(self, template: str, name: str, spec: Field | None = None, value: Any = None) -> str:
        """``template`` filled in for field ``name``."""
        allowed = ", ".join(str(a) for a in spec.allowed) if spec else ""
        label = (spec.label if spec else "") or name
        text = template.format(name=label, value=value, allowed=allowed)
        return text if text.endswith(self.end) else text + self.end

    def bad(self, name: str, spec: Field, value: Any) -> str:
        """The message for a bad value of ``name``."""
        template = (
            spec.message or self.invalid.get(spec.kind) or _SAYS.get(spec.kind, _SAYS["text"])
        )
        return self.say(template, name, spec, value)


def blank(value: Any) -> bool:
    """Whether ``value`` is unset: ``None``, or text that is empty or spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _convert(spec: Field, value: Any) -> tuple[bool, Any]:
    """Whether ``value`` is of ``spec``'s kind, and the value read as that kind."""
    kind = spec.kind
    if kind == "int":
        if isinstance(value, bool) or not (
            isinstance(value, int) or (isinstance(value, str) and _INTEGER.fullmatch(value))
        ):
            return False, value
        number = int(value)
        low, high = spec.minimum, spec.maximum
        return (low is None or number >= low) and (high is None or number <= high), number
    if kind == "bool":
        text = str(value).strip().lower()
        if isinstance(value, bool) or text in _TRUE + _FALSE:
            return True, value if isinstance(value, bool) else text in _TRUE
        return False, value
    if kind == "enum":
        return value in spec.allowed, value
    if kind in _PATTERNS or kind == "pattern":
        pattern = spec.pattern or _PATTERNS[kind]
        return isinstance(value, str) and re.match(pattern, value) is not None, value
    if kind == "list":
        items = Field(spec.items) if spec.items else None
        good = isinstance(value, list) and (
            items is None or all(not blank(v) and _convert(items, v)[0] for v in value)
        )
        return good, list(value) if good else value
    if kind == "object":
        return isinstance(value, Mapping), value
    if kind == "text":
        return isinstance(value, (str, int, float)) and not isinstance(value, bool), value
    return True, value


def _in_store(fake: Any, ref: str, value: Any) -> bool:
    name, _, key = ref.partition(":")
    store = getattr(fake, name)
    if key:
        records = store.values() if isinstance(store, Mapping) else store
        return any(str(r.get(key)) == str(value) for r in records)
    return value in store


def read(
    body: Mapping[str, Any],
    rules: Rules,
    wording: Wording,
    *,
    partial: bool = False,
    unknown: bool = True,
    fake: Any = None,
) -> tuple[dict[str, Any], list[str]]:
    """The good values of ``body`` read by kind (blank ones as given, ``many`` ones
    as lists of texts), and every problem: required fields missing (on a
    ``partial`` update, only those sent blank), then fields ``rules`` does not
    name (unless ``unknown`` is false), then bad values and ``ref`` values
    naming no record of ``fake``, each once, in the order ``rules`` lists them."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, spec in rules.items():
        value = body.get(name)
        if spec.required and (name in body or not partial) and (blank(value) or value == []):
            template = wording.empty if partial else wording.required
            problems.append(wording.say(template, name, spec))
    if unknown and wording.unknown:
        problems += [wording.say(wording.unknown, str(k)) for k in body if k not in rules]
    for name, spec in rules.items():
        if name not in body:
            continue
        value = body[name]
        if spec.many:
            value = _texts(value)
            good = all(_convert(spec, v)[0] for v in value)
        elif blank(value) or (spec.kind == "text" and value == ""):
            values[name] = value
            continue
        else:
            good, value = _convert(spec, value)
        if not good:
            problems.append(wording.bad(name, spec, body[name]))
            continue
        if spec.fields is not None and isinstance(value, Mapping):
            value, inner = read(value, spec.fields, wording, partial=partial, fake=fake)
            problems += inner
        if spec.ref and not _in_store(fake, spec.ref, value):
            problems.append(wording.say(spec.missing or wording.missing, name, spec, value))
            continue
        values[name] = value
    return values, list(dict.fromkeys(problems))


def checked(
    body: Mapping[str, Any], rules: Rules, wording: Wording, *, first: bool = False, **options: Any
) -> dict[str, Any]:
    """The values of ``body`` read by ``rules`` (see :func:`read`, which takes
    ``options``); :func:`refuse` with its problems (with ``first``, the first alone)."""
    values, problems = read(body, rules, wording, **options)
    refuse(problems, first=first)
    return values


def strict(
    body: Mapping[str, Any], rules: Rules, wording: Wording, *, partial: bool = False
) -> dict[str, Any]:
    """The fields of ``body`` that ``rules`` names (others are ignored), numbers read as
    numbers and other values as text; :func:`refuse` with every problem, a blank
    value of a kind other than text among them."""
    values, problems = read(body, rules, wording, partial=partial, unknown=False)
    blanks = [k for k, v in values.items() if blank(v) and rules[k].kind != "text"]
    refuse([*problems, *(wording.bad(k, rules[k], values[k]) for k in blanks)])
    return {k: v if rules[k].kind == "int" or v is None else str(v) for k, v in values.items()}


def apply(
    record: dict[str, Any], values: Mapping[str, Any], rules: Rules, *, unset: Any = None
) -> None:
    """Store ``values`` (from :func:`read`) in ``record`` as ``rules`` say, a blank
    one as ``unset``."""
    for name, value in values.items():
        spec = rules.get(name, Field())
        if not spec.store or (spec.keep and blank(value)):
            continue
        if spec.plural:
            record[spec.plural], value = value, value[0] if value else unset
        if spec.merge and isinstance(value, Mapping):
            mine = record.setdefault(name, dict.fromkeys(spec.fields or ()))
            mine.update({str(k): None if v == "" else v for k, v in value.items()})
        else:
            record[name] = unset if value is None else value


def refuse(problems: Iterable[str], *, status: int = 400, first: bool = False) -> None:
    """Raise :class:`~cxkit.testing.Refused` with ``problems`` (each once; only the
    first when the vendor reports one at a time); nothing when there is none."""
    found = list(dict.fromkeys(problems))
    if found:
        raise Refused(status, *(found[:1] if first else found))


def _texts(value: Any) -> list[str]:
    if blank(value):
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [str(v).strip() for v in items if str(v).strip()]
