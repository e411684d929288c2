"""A misspelt keyword is named first, with a suggestion, before any other check.

For every operation of every vendor (sync and async clients, served by the fakes),
one of the method's own keywords is misspelt and passed alone: the call must fail
with a ``TypeError`` naming the misspelt keyword and suggesting the right one,
before the method's own checks (missing arguments, "nothing to send"...) and
before anything is sent.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest

from cxkit import _vendors
from cxkit._core import resolve
from cxkit._core.options import REQUEST_OPTIONS
from cxkit.testing.omnicxm import FakeOmniCXM
from cxkit.testing.omnidesk import FakeOmnidesk
from cxkit.testing.thulium import FakeThulium
from tests.core.test_vocabulary import vendors


def misspell(word: str) -> str:
    """``word`` with two neighbouring letters swapped (``status`` -> ``stauts``)."""
    if len(word) < 4:
        return word + word[-1]
    i = len(word) // 2
    swapped = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return swapped if swapped != word else word[:-1]


def keyword(method: Any) -> str:
    """The method's first keyword-only parameter, else its first named one, else a
    per-call option."""
    params = [
        p
        for p in inspect.signature(method).parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    ]
    for param in params:
        if param.kind is param.KEYWORD_ONLY:
            return param.name
    return params[0].name if params else "timeout"


def call(method: Any, **kwargs: Any) -> Any:
    result = method(**kwargs)
    if inspect.isawaitable(result):
        return asyncio.run(result)
    return result


@pytest.mark.parametrize("vendor", [v for v, _ in vendors()])
@pytest.mark.parametrize("flavour", ["client", "async_client"])
def test_every_operation_names_a_misspelt_keyword_first(vendor: str, flavour: str) -> None:
    fake = _vendors.get(vendor).fake_class()()
    client = getattr(fake, flavour)()
    module = _vendors.get(vendor).module()
    checked = 0
    for op in module.OPERATIONS:
        method = resolve(client, op.name)
        good = keyword(method)
        bad = misspell(good)
        known = set(inspect.signature(method).parameters) | REQUEST_OPTIONS
        assert bad not in known, (op.name, bad)
        with pytest.raises(TypeError) as info:
            call(method, **{bad: "x"})
        text = str(info.value)
        assert text.startswith(f"{op.name}() got an unexpected keyword argument '{bad}'"), text
        assert f"did you mean '{good}'?" in text, text
        checked += 1
    assert checked == len(module.OPERATIONS)
    assert fake.calls == []  # nothing was sent


def test_the_issue_example_names_the_keyword_not_a_missing_field() -> None:
    desk = FakeOmnidesk().client()
    with pytest.raises(TypeError) as info:
        desk.cases.update(7, stauts="closed")
    assert str(info.value) == (
        "cases.update() got an unexpected keyword argument 'stauts' (did you mean 'status'?)"
    )
    # Without the typo the same call is refused for having nothing to send.
    with pytest.raises(ValueError, match="nothing to send"):
        desk.cases.update(7)


def test_several_unknown_keywords_are_all_named() -> None:
    desk = FakeOmnidesk().client()
    with pytest.raises(TypeError) as info:
        desk.cases.list(limt=5, zzz=1, timeot=3)
    assert str(info.value) == (
        "cases.list() got an unexpected keyword arguments 'limt' (did you mean 'limit'?), "
        "'timeot' (did you mean 'timeout'?), 'zzz'"
    )


def test_an_unknown_keyword_comes_before_a_missing_positional() -> None:
    th = FakeThulium().client()
    with pytest.raises(TypeError, match=r"'surnme' \(did you mean 'surname'\?\)"):
        th.customers.update(surnme="Nowak")  # the id is missing too


def test_an_unknown_keyword_on_an_async_call_is_refused_when_awaited() -> None:
    fake = FakeOmniCXM()
    cxm = fake.async_client()
    with pytest.raises(TypeError, match=r"'subjet' \(did you mean 'subject'\?\)"):
        asyncio.run(cxm.tickets.create(subjet="Hi"))
    assert fake.calls == []
