"""The same kind of call answers in the same shape, in every vendor.

Read from the operations registries and the methods' return annotations:

* a paged operation returns the page type (``AsyncPager`` / ``SyncPage``), and only
  paged operations do; no model returned anywhere is a page in disguise (a
  ``total`` next to a list of records);
* a ``list`` that is not paged returns ``list[...]``;
* ``create`` returns the created record (the model the resource's ``get``/``list``
  give), or the shared ``cxkit.Created`` when the vendor answers with the id alone,
  or ``None``; never a bare ``str``/``int``; ``update`` returns the record or ``None``.

The few exceptions are listed here, each with its reason: adding one is a choice.
"""

from __future__ import annotations

import inspect
import types
import typing
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from cxkit import AsyncPager, Created, CXModel, SyncPage, _vendors
from tests.core.test_public_types import methods
from tests.core.test_vocabulary import vendors

VENDORS = [v for v, _ in vendors()]

# Non-paged lists whose answer is not a list of one kind of record.
NOT_A_LIST = {
    ("omnidesk", "macros.list"): "two groups of macro categories: common and personal",
    ("omnicxm", "omnichat.pages.list"): "the channels in use and the connected pages",
    ("omnicxm", "users.pbx.list"): "a PBX's users next to its user counts and version",
}

# Creates that return neither their resource's record, nor Created, nor None.
OTHER_CREATES = {
    ("thulium", "batch.customers.create"): "one result per item of the batch (HTTP 207)",
    ("thulium", "sms_messages.create"): "a send acknowledgement the seed leaves undocumented",
    ("thulium", "temporary_files.create"): "the stored file's token (no get or list exists)",
    ("thulium", "todos.create"): "the seed shows no answer: Created, or None when empty",
    ("omi", "contacts.create"): "the seed shows no answer: the contact, or None when empty",
    ("omnidesk", "cases.notes.create"): "a note is a case message (Message)",
}
OTHER_UPDATES = {
    ("thulium", "batch.customers.update"): "one result per item of the batch (HTTP 207)",
    ("omi", "contacts.update"): "the seed shows no answer: the contact, or None when empty",
    ("omnidesk", "cases.idea.update"): "the idea's case, sent back whole",
    ("omnidesk", "cases.notes.update"): "a note is a case message (Message)",
}


def returns(vendor: str) -> list[tuple[str, bool, Any]]:
    """(operation name, async?, resolved return type) of every endpoint method."""
    out = []
    for name, method in methods(vendor):
        func = inspect.unwrap(method)
        text = inspect.signature(func).return_annotation
        resolved = eval(text, func.__globals__) if isinstance(text, str) else text
        is_async = name.startswith("Async")
        out.append((name.removeprefix("Async"), is_async, resolved))
    return out


def paged(vendor: str) -> set[str]:
    module = _vendors.get(vendor).module()
    return {op.name for op in module.OPERATIONS if op.paged}


def models_in(tp: Any) -> list[type[BaseModel]]:
    """Every model class a type mentions (inside unions, lists, pages)."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in get_args(tp) for m in models_in(arg)]


def is_created(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Created)


def optional_parts(tp: Any) -> list[Any]:
    if get_origin(tp) in (Union, types.UnionType):
        return list(get_args(tp))
    return [tp]


@pytest.mark.parametrize("vendor", VENDORS)
def test_paged_operations_return_pages_and_only_they_do(vendor: str) -> None:
    names = paged(vendor)
    assert names, vendor
    for name, is_async, tp in returns(vendor):
        page = AsyncPager if is_async else SyncPage
        if name in names:
            assert get_origin(tp) is page, f"{vendor} {name}: {tp}"
        else:
            origin = get_origin(tp)
            assert origin not in (AsyncPager, SyncPage), f"{vendor} {name} is not paged: {tp}"


def _looks_paged(model: type[BaseModel]) -> bool:
    fields = model.model_fields
    if "total" not in fields and "total_pages" not in fields:
        return False
    for field in ("data", "items", "results", "records"):
        info = fields.get(field)
        if info is not None and get_origin(optional_parts(info.annotation)[0]) is list:
            return True
    return False


@pytest.mark.parametrize("vendor", VENDORS)
def test_no_model_is_a_page_in_disguise(vendor: str) -> None:
    for name, _, tp in returns(vendor):
        for model in models_in(tp):
            assert not _looks_paged(model), f"{vendor} {name}: {model.__name__} is a page"


@pytest.mark.parametrize("vendor", VENDORS)
def test_unpaged_lists_return_lists(vendor: str) -> None:
    names = paged(vendor)
    for name, _, tp in returns(vendor):
        if name.rsplit(".", 1)[-1] != "list" or name in names:
            continue
        if (vendor, name) in NOT_A_LIST:
            assert get_origin(tp) is not list, f"{vendor} {name} is a list now: drop the exception"
            continue
        assert get_origin(tp) is list, f"{vendor} {name}: {tp}"


def _records(vendor: str, resource: str) -> set[type[BaseModel]]:
    """The models the resource's own reads (``get``, ``list``, ``find``) give."""
    found: set[type[BaseModel]] = set()
    for name, _, tp in returns(vendor):
        parent, _, verb = name.rpartition(".")
        if parent == resource and verb in ("get", "list", "find"):
            found.update(models_in(tp))
    return found


def _fits(vendor: str, name: str, tp: Any) -> bool:
    """Whether a create/update returns the record its resource reads, Created
    (creates only) or None, in one shape."""
    resource, _, verb = name.rpartition(".")
    if tp is None or tp is type(None):
        return True
    if len(optional_parts(tp)) != 1:
        return False
    if is_created(tp):
        return verb == "create"
    return isinstance(tp, type) and issubclass(tp, CXModel) and tp in _records(vendor, resource)


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("verb", ["create", "update"])
def test_writes_return_the_record_created_or_none(vendor: str, verb: str) -> None:
    others = OTHER_CREATES if verb == "create" else OTHER_UPDATES
    seen = 0
    for name, _, tp in returns(vendor):
        if name.rpartition(".")[2] != verb:
            continue
        seen += 1
        parts = optional_parts(tp)
        assert not any(p in (str, int) for p in parts), f"{vendor} {name} returns a bare id"
        if (vendor, name) in others:
            assert not _fits(vendor, name, tp), f"{vendor} {name} fits now: drop the exception"
            continue
        assert _fits(vendor, name, tp), f"{vendor} {name} returns {tp}"
    assert seen, f"{vendor} has no {verb}"


def test_created_is_one_model_for_every_vendor() -> None:
    kinds: dict[str, set[Any]] = {}
    for vendor in VENDORS:
        for _, _, tp in returns(vendor):
            for part in optional_parts(tp):
                if is_created(part):
                    kinds.setdefault(vendor, set()).add(part)
    assert {"thulium", "omnicxm"} <= set(kinds)
    for found in kinds.values():
        for tp in found:
            # A parametrisation of the one shared class, never a vendor's own subclass.
            assert tp.__pydantic_generic_metadata__["origin"] is Created, tp
            (id_type,) = tp.__pydantic_generic_metadata__["args"]
            assert id_type in (int, str)


def test_the_exceptions_name_operations() -> None:
    names = {(v, n) for v in VENDORS for n, _, _ in returns(v)}
    for key in (*NOT_A_LIST, *OTHER_CREATES, *OTHER_UPDATES):
        assert key in names, f"{key} is no operation"


# Id parameters whose type differs between operations of one vendor, on purpose.
ID_TYPE_EXCEPTIONS = {
    ("omnidesk", "language_id"): "knowledge-base reads also take the text 'all'",
}


def _scalars(tp: Any) -> frozenset[Any]:
    """The scalar types an id parameter's annotation admits (inside unions, sequences
    and literals), ``None`` left out."""
    if tp is type(None):
        return frozenset()
    if isinstance(tp, type) and tp in (int, str):
        return frozenset({tp})
    if get_origin(tp) is typing.Literal:
        return frozenset(type(v) for v in get_args(tp))
    return frozenset().union(*(_scalars(arg) for arg in get_args(tp)))


def _id_params(vendor: str) -> dict[tuple[str, str], dict[str, frozenset[Any]]]:
    """(group, parameter) -> {operation: scalar types}; ``id`` is grouped by the
    operation's top resource (a customer id and a campaign id are different things),
    other id parameters by vendor."""
    found: dict[tuple[str, str], dict[str, frozenset[Any]]] = {}
    for name, method in methods(vendor):
        if name.startswith("Async"):
            continue
        func = inspect.unwrap(method)
        for param in inspect.signature(func).parameters.values():
            p = param.name
            if not (p == "id" or p.endswith("_id") or p.startswith("id_") or p.endswith("_ids")):
                continue
            text = param.annotation
            tp = eval(text, func.__globals__) if isinstance(text, str) else text
            group = name.split(".")[0] if p == "id" else ""
            found.setdefault((group, p), {})[name] = _scalars(tp)
    return found


@pytest.mark.parametrize("vendor", VENDORS)
def test_id_parameters_have_one_type_per_vendor(vendor: str) -> None:
    for (group, param), by_op in _id_params(vendor).items():
        kinds = set(by_op.values())
        if (vendor, param) in ID_TYPE_EXCEPTIONS:
            assert len(kinds) > 1, f"{vendor} {param} is consistent now: drop the exception"
            continue
        assert len(kinds) == 1, f"{vendor} {group or ''}{param}: {by_op}"
