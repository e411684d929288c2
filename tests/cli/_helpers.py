"""Running ``cxkit`` in-process (typer's runner) against fakes the test builds."""

from __future__ import annotations

import copy
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner, Result

from cxkit.cli import State, build_app
from cxkit.testing import FakeClock, FakeRequest, FakeServer
from cxkit.testing.omnidesk import FakeOmnidesk

START = 1_793_520_000.0
Record = dict[str, Any]


@functools.cache
def command(vendors: tuple[str, ...] | None = None) -> Any:
    """The click command for ``vendors`` (built once: building is the slow part)."""
    return typer.main.get_command(build_app(list(vendors) if vendors else None))


class _Runner(CliRunner):
    """typer's runner, reusing one built command instead of rebuilding it per call."""

    def __init__(self, cli: Any) -> None:
        super().__init__()
        self._cli = cli

    def run(self, args: Sequence[str], obj: State | None, width: int) -> Result:
        env = {"COLUMNS": str(width), "TERMINAL_WIDTH": str(width)}
        with self.isolation(env=env) as streams:
            code = 0
            exception: BaseException | None = None
            try:
                self._cli.main(args=list(args), prog_name="cxkit", obj=obj)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except Exception as exc:
                exception = exc
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            stdout, stderr, output = (s.getvalue() for s in streams)
        result = Result(self, stdout, stderr, output, None, code, exception)
        if exception is not None:
            raise exception
        return result


def run(
    args: Sequence[str],
    *,
    fake: FakeServer | Callable[[str], FakeServer] | None = None,
    state: State | None = None,
    vendors: tuple[str, ...] | None = None,
    width: int = 200,
) -> Result:
    """Run ``cxkit args``; ``fake`` serves ``--fake`` (a server, or a factory by vendor).

    The terminal is ``width`` columns wide: by default wide enough that help panels
    never shorten an option's name."""
    state = state or State()
    if isinstance(fake, FakeServer):
        server = fake
        state.fake_factory = lambda _vendor: server
    elif fake is not None:
        state.fake_factory = fake
    if vendors is None:
        named = [a for a in args if a in ("omnidesk", "thulium", "omnicxm", "omi")]
        vendors = (named[0],) if named else None
    return _Runner(command(vendors)).run(args, state, width)


class BigOmnidesk(FakeOmnidesk):
    """A fake Omnidesk for thousands of cases: without the case changelog, which
    compares every case before and after each request."""

    def _log_case_changes(self, done_by: str) -> None:
        pass

    @staticmethod
    def _custom_fields(request: FakeRequest, items: Iterable[Record]) -> list[Record]:
        if not any(key.startswith("custom_fields[") for key in request.query):
            return list(items)  # the fake checks every record against no filter otherwise
        return FakeOmnidesk._custom_fields(request, items)


def omnidesk_with_cases(count: int, **options: Any) -> FakeOmnidesk:
    """A fake Omnidesk holding ``count`` cases (ids 2001...), made fast by copying the
    wire record of one case created through the client."""
    fake = BigOmnidesk(clock=FakeClock(start=START), calls_per_hour=1_000_000, **options)
    with fake.client() as desk:
        desk.cases.create(subject="Case 1", user_email="ann@example.com", content="Hi")
    template = next(iter(fake.cases.values()))
    for n in range(2, count + 1):
        record = copy.deepcopy(template)
        record["case_id"] = 2000 + n
        record["case_number"] = f"{n:06d}"
        record["subject"] = f"Case {n}"
        fake.cases[2000 + n] = record
    fake.__dict__.setdefault("_counters", {})["case"] = 2000 + count
    fake.calls.clear()
    fake.call_times.clear()
    return fake


def jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (each line must parse)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
