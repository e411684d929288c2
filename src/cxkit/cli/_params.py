"""Command-line parameters derived from a resource method's signature.

Each Python parameter becomes one CLI parameter: those before the ``*`` (path
parameters, ids) are arguments, keyword parameters are options. Its annotation
decides the CLI type: ``int``/``float``/``str``/``bool`` as they are, a ``Literal``
as a choice, a ``Sequence[...]`` as a repeated option, anything richer (a mapping,
an input model) as JSON text.
"""

from __future__ import annotations

import builtins
import collections.abc
import enum
import inspect
import json
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

__all__ = ["Param", "call_kwargs", "method_params"]

Kind = Literal["str", "int", "float", "bool", "choice", "json"]

_SEQUENCES = {
    list,
    builtins.list,
    collections.abc.Sequence,
    collections.abc.MutableSequence,
    collections.abc.Iterable,
    collections.abc.Collection,
    set,
    frozenset,
}


@dataclass(frozen=True)
class Param:
    """One CLI parameter standing for one Python parameter of an operation method."""

    name: str
    """The Python parameter name (the keyword the method takes)."""
    argument: bool
    """Positional on the command line (a path parameter) rather than an option."""
    required: bool
    kind: Kind
    multiple: bool
    choices: tuple[Any, ...] = ()
    """The allowed values of a ``choice`` (as the method takes them)."""
    also_int: bool = False
    """A ``choice`` that also takes any integer (``int | Literal["all"]``)."""
    times: bool = False
    """Also takes an aware ``datetime``: ISO 8601 text with an offset is passed as one
    (other text is passed as it is, for the vendor's own formats and epoch numbers)."""
    text_ok: bool = False
    """A ``json`` parameter that also takes plain text: a value that is not JSON stays text."""
    annotation: str = ""
    """The Python annotation, as written, for help texts."""

    @property
    def flag(self) -> str:
        """The option's spelling: ``--user-email`` for ``user_email``, ``--from`` for ``from_``."""
        return "--" + self.name.rstrip("_").replace("_", "-")

    @property
    def metavar(self) -> str:
        """What the value looks like, for help texts."""
        if self.kind == "choice":
            shown = [str(c) for c in self.choices] + (["N"] if self.also_int else [])
            return "[" + "|".join(shown) + "]"
        return {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "json": "JSON"}.get(
            self.kind, ""
        )

    def convert_one(self, raw: Any) -> Any:
        """One command-line value as the method takes it; ``ValueError`` if it cannot be."""
        if self.kind == "json":
            try:
                return json.loads(raw)
            except ValueError as exc:
                if self.text_ok:
                    return raw
                raise ValueError(
                    f'{self.flag} takes JSON, e.g. \'{{"key": "value"}}\': {exc}'
                ) from None
        if self.times and isinstance(raw, str):
            try:
                moment = datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
            return moment if moment.tzinfo is not None else raw
        if self.kind == "choice":
            text = raw.value if isinstance(raw, enum.Enum) else raw
            for choice in self.choices:
                if str(choice) == str(text):
                    return choice
            if self.also_int:
                try:
                    return int(str(text))
                except ValueError:
                    pass
            raise ValueError(f"{self.flag} must be one of {self.metavar}, got {text!r}")
        return raw

    def convert(self, raw: Any) -> Any:
        """The command-line value(s) as the method takes them (``None`` when not given)."""
        if raw is None:
            return None
        if self.multiple:
            values = list(raw)
            if not values:
                return None
            if self.kind == "json" and len(values) == 1:
                single = self.convert_one(values[0])
                return single if isinstance(single, list) else [single]
            return [self.convert_one(v) for v in values]
        return self.convert_one(raw)

    def choice_enum(self) -> type[enum.Enum]:
        """The choices as an Enum (how typer spells a choice)."""
        members = {f"c{i}": str(c) for i, c in enumerate(self.choices)}
        return enum.Enum(f"{self.name}_choice", members)  # type: ignore[return-value]


def _members(tp: Any) -> list[Any]:
    """The members of a union (``None`` left out), else ``[tp]``."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _members(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(_members(arg))
        return out
    return [tp]


def _is_sequence(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return origin in _SEQUENCES and bool(typing.get_args(tp))


def _classify(members: list[Any]) -> tuple[Kind, tuple[Any, ...], bool]:
    """The CLI kind of a parameter taking any of ``members`` (none of them a sequence)."""
    literals: list[Any] = []
    plain: set[Any] = set()
    for member in members:
        if typing.get_origin(member) is Literal:
            literals.extend(typing.get_args(member))
        else:
            plain.add(member)
    if literals and not plain:
        return "choice", tuple(dict.fromkeys(literals)), False
    if str in plain or any(isinstance(m, type) and issubclass(m, str) for m in plain):
        return "str", (), False
    if literals and plain <= {int}:
        return "choice", tuple(dict.fromkeys(literals)), True
    if plain == {bool}:
        return "bool", (), False
    if plain == {int}:
        return "int", (), False
    if plain and plain <= {int, float}:
        return "float", (), False
    if plain and plain <= {date, datetime, int, float}:
        return "str", (), False  # the methods read ISO dates and epoch numbers from text
    return "json", (), False


def _annotation(func: Callable[..., Any], raw: Any) -> Any:
    """A parameter's annotation evaluated in the method's module (``None`` if it cannot be)."""
    if not isinstance(raw, str):
        return raw
    namespace = dict(vars(builtins))
    namespace.update(getattr(inspect.unwrap(func), "__globals__", {}))
    try:
        return eval(raw, namespace)
    except Exception:
        return None  # a name imported for type checking only: read the value as JSON


def param_of(func: Callable[..., Any], parameter: inspect.Parameter) -> Param:
    """The CLI parameter for one Python parameter of ``func``."""
    tp = _annotation(func, parameter.annotation)
    members = _members(tp) if tp is not None else [object]
    sequences = [m for m in members if _is_sequence(m)]
    multiple = bool(sequences)
    text_ok = str in members
    if multiple:
        # The elements decide (``str | Sequence[int]`` repeats integers); a lone value
        # is sent as a list of one, which every such method takes.
        members = [e for seq in sequences for e in _members(typing.get_args(seq)[0])]
        text_ok = text_ok or str in members
    kind, choices, also_int = _classify(members)
    if kind == "bool" and multiple:
        kind = "json"
    positional = parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    required = parameter.default is parameter.empty
    annotation = parameter.annotation
    return Param(
        name=parameter.name,
        argument=positional and required,
        required=required,
        kind=kind,
        multiple=multiple,
        choices=choices,
        also_int=also_int,
        times=kind == "str" and datetime in members,
        text_ok=text_ok,
        annotation=annotation if isinstance(annotation, str) else getattr(tp, "__name__", str(tp)),
    )


def method_params(func: Callable[..., Any]) -> list[Param]:
    """The CLI parameters of an operation method (``self`` and ``**options`` left out)."""
    out: list[Param] = []
    for parameter in inspect.signature(func, eval_str=False).parameters.values():
        if parameter.name == "self" or parameter.kind in (
            parameter.VAR_KEYWORD,
            parameter.VAR_POSITIONAL,
        ):
            continue
        out.append(param_of(func, parameter))
    return out


def call_kwargs(params: list[Param], values: Mapping[str, Any]) -> dict[str, Any]:
    """The method's keyword arguments from the parsed CLI values (those not given left
    out, so the method's defaults apply); ``ValueError`` names a value it cannot take."""
    kwargs: dict[str, Any] = {}
    for param in params:
        value = param.convert(values.get(param.name))
        if value is not None:
            kwargs[param.name] = value
    return kwargs
