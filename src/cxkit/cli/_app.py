"""The ``cxkit`` command tree, generated from the vendors' operation registries.

``cxkit <vendor> <resource...> <verb>`` calls the operation ``resource...verb`` of the
vendor's client; its arguments and options are the method's parameters. Nothing
here names an endpoint: a new operation in a vendor package is a new command.
"""

from __future__ import annotations

import enum
import functools
import inspect
import sys
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .._core import APIClient, Operation, paging_of, resolve
from .._core.errors import CXError
from .._version import __version__
from ..testing import FakeServer
from . import _paging
from ._errors import ExitCode, describe
from ._export import CheckpointError, PlainProgress, QuietProgress, RichProgress, export
from ._fake import seeded_fake
from ._output import Format, as_record, dumps_line, render
from ._params import Param, call_kwargs, method_params
from ._vendors import VENDORS, Vendor, vendor

__all__ = ["State", "build_app"]

SINCE_NAMES = (
    "from_time",
    "date_from",
    "startdate",
    "start_date",
    "create_date_from",
    "from_updated_time",
)
"""Parameters ``export --since`` fills, the first one an operation has."""

_REPORTED = (CXError, ValueError, TypeError, OSError)
"""What a command reports as an error message and exit code: the library's errors, the
``ValueError``/``TypeError`` a method raises for a value it refuses, and a file that
cannot be read or written. Anything else is a bug, shown with its traceback."""

_RESERVED = {"ctx", "cx_format", "cx_fake", "cx_all", "cx_max_items", "cx_columns"}


@dataclass
class State:
    """Settings every command sees: the root options, and hooks for tests.

    ``fake_factory(vendor)`` makes the fake behind ``--fake`` (default: a seeded one).
    """

    fake: bool = False
    format: Format | None = None
    throttle: str | None = None
    throttle_storage: str | None = None
    max_retries: int | None = None
    timeout: float | None = None
    fake_factory: Callable[[str], FakeServer] | None = None
    client_options: dict[str, Any] = field(default_factory=dict)
    """Extra client options (tests pass a clock or hooks)."""


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def _out() -> Console:
    return Console(file=sys.stdout, soft_wrap=False)


def _err() -> Console:
    return Console(file=sys.stderr, highlight=False)


def fail(exc: BaseException, env: Sequence[str] = ()) -> typing.NoReturn:
    """Print ``exc`` as the error hierarchy says and exit with its code."""
    code, message = describe(exc, env)
    _err().print(f"[red]Error:[/red] {escape(message)}")
    raise typer.Exit(int(code))


def interrupted(message: str) -> typing.NoReturn:
    """Exit after Ctrl-C."""
    _err().print(f"[yellow]Interrupted:[/yellow] {escape(message)}")
    raise typer.Exit(int(ExitCode.INTERRUPTED))


# -- clients ---------------------------------------------------------------------


def open_client(state: State, info: Vendor, *, fake: bool) -> APIClient:
    """The vendor's sync client: from the environment, or served by a fake."""
    options: dict[str, Any] = dict(state.client_options)
    for key in ("throttle", "throttle_storage", "max_retries", "timeout"):
        value = getattr(state, key)
        if value is not None:
            options[key] = value
    if fake or state.fake:
        server = (state.fake_factory or seeded_fake)(info.name)
        client: APIClient = server.client(**options)  # type: ignore[attr-defined]
        return client
    return info.client_class(**options)


@functools.cache
def _method_of(vendor_name: str, name: str) -> tuple[Callable[..., Any], list[str]]:
    """The method behind operation ``name`` on the vendor's client class, and the
    docstrings of the resources on the way (for group help)."""
    target: Any = vendor(vendor_name).client_class
    docs: list[str] = []
    *parts, verb = name.split(".")
    for part in parts:
        prop = getattr(target, part)
        docs.append((prop.func.__doc__ or "").strip())
        target = typing.get_type_hints(prop.func)["return"]
    return getattr(target, verb), docs


def _cli_name(python_name: str) -> str:
    return python_name.replace("_", "-")


# -- parameters as typer sees them -------------------------------------------------

_ENUMS: dict[tuple[str, tuple[Any, ...]], type[enum.Enum]] = {}


def _typer_type(param: Param) -> Any:
    base: Any
    if param.kind == "choice" and not param.also_int:
        key = (param.name, param.choices)
        if key not in _ENUMS:
            _ENUMS[key] = param.choice_enum()
        base = _ENUMS[key]
    else:
        base = {"int": int, "float": float, "bool": bool}.get(param.kind, str)
    return list[base] if param.multiple else base


def _help(param: Param) -> str:
    text = param.annotation
    if param.multiple:
        text += " (repeat the option for several values)"
    if param.kind == "json":
        text += " as JSON" + (" or text" if param.text_ok else "")
    return escape(text)


def _signature_params(
    params: Sequence[Param], *, skip: Sequence[str] = ()
) -> list[inspect.Parameter]:
    out: list[inspect.Parameter] = []
    for param in params:
        if param.name in skip:
            continue
        if param.name in _RESERVED:
            raise TypeError(f"parameter {param.name!r} clashes with a cxkit option")
        tp = _typer_type(param)
        metavar = param.metavar or None
        info: Any
        if param.argument:
            info = typer.Argument(help=_help(param), metavar=metavar, show_default=False)
            default: Any = inspect.Parameter.empty
            annotation: Any = Annotated[tp, info]
        else:
            info = typer.Option(param.flag, help=_help(param), metavar=metavar, show_default=False)
            default = inspect.Parameter.empty if param.required else None
            annotation = Annotated[tp if param.required else Optional[tp], info]  # noqa: UP045
        out.append(
            inspect.Parameter(
                param.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
        )
    return out


def _option(flags: Sequence[str], tp: Any, default: Any, help: str, name: str) -> inspect.Parameter:
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[tp, typer.Option(*flags, help=help)],
    )


def _context_param() -> inspect.Parameter:
    return inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)


def _command(
    func: Callable[..., None], name: str, params: list[inspect.Parameter], doc: str
) -> Callable[..., None]:
    func.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    func.__name__ = name.replace("-", "_").replace(".", "_")
    func.__doc__ = doc
    return func


def plain(text: str) -> str:
    """A docstring's reST literals (````x````) as Markdown ones (```x```)."""
    return text.replace("``", "`")


def _doc(op: Operation, method: Callable[..., Any]) -> str:
    body = plain(inspect.cleandoc(method.__doc__ or op.summary or op.name))
    return escape(f"{body}\n\n{op.method} {op.path}  (operation {op.name})")


# -- operation commands -------------------------------------------------------------


def _operation_command(info: Vendor, op: Operation) -> tuple[Callable[..., None], str]:
    method, _docs = _method_of(info.name, op.name)
    params = method_params(method)
    returns = str(inspect.signature(method).return_annotation)
    many = op.paged or "list[" in returns or "Page" in returns
    keys = _paging.paging_keys({p.name for p in params}) if op.paged else None

    def command(**values: Any) -> None:
        ctx: typer.Context = values.pop("ctx")
        state = _state(ctx)
        fmt: Format = values.pop("cx_format") or state.format or Format.table
        fake: bool = values.pop("cx_fake")
        every: bool = values.pop("cx_all", False)
        max_items: int | None = values.pop("cx_max_items", None)
        columns_text: str | None = values.pop("cx_columns", None)
        columns = [c.strip() for c in columns_text.split(",")] if columns_text else None
        try:
            kwargs = call_kwargs(params, values)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        try:
            client = open_client(state, info, fake=fake)
        except Exception as exc:
            fail(exc, info.env)
        try:
            with client:
                result = resolve(client, op.name)(**kwargs)
                _show(result, op, fmt, many, every, max_items, columns, keys)
        except KeyboardInterrupt:
            interrupted("stopped")
        except typer.Exit:
            raise
        except Exception as exc:
            if isinstance(exc, _REPORTED):
                fail(exc, info.env)
            raise

    signature = [_context_param(), *_signature_params(params)]
    signature.append(
        _option(
            ("--format", "-f"),
            Format | None,
            None,
            "Output: table (default), json, jsonl or csv.",
            "cx_format",
        )
    )
    signature.append(
        _option(
            ("--fake",),
            bool,
            False,
            "Run against the built-in fake (seeded; no network).",
            "cx_fake",
        )
    )
    if op.paged:
        signature.append(
            _option(
                ("--all",),
                bool,
                False,
                "Follow every page (default: the one page asked for).",
                "cx_all",
            )
        )
        signature.append(
            _option(
                ("--max-items",),
                int | None,
                None,
                "With --all: stop after this many records.",
                "cx_max_items",
            )
        )
    if many:
        signature.append(
            _option(
                ("--columns",),
                str | None,
                None,
                "Table/CSV columns, comma-separated (default: the first filled ones).",
                "cx_columns",
            )
        )
    verb = _cli_name(op.name.rsplit(".", 1)[-1])
    return _command(command, verb, signature, _doc(op, method)), verb


def _show(
    result: Any,
    op: Operation,
    fmt: Format,
    many: bool,
    every: bool,
    max_items: int | None,
    columns: list[str] | None,
    keys: _paging.PagingKeys | None,
) -> None:
    out = _out()
    if not op.paged:
        render(out, result, fmt, many=many, columns=columns, title=op.name)
        return
    if every:
        items = _limited(iter(result), max_items)
        if fmt is Format.jsonl:
            for item in items:  # streamed: a large listing never sits in memory
                out.file.write(dumps_line(as_record(item)))
            return
        render(out, list(items), fmt, many=True, columns=columns, title=op.name)
        return
    render(out, result.items, fmt, many=True, columns=columns, title=op.name)
    if fmt is Format.table:
        total = f" of {result.total}" if result.total is not None else ""
        cursor = _paging.next_cursor(result, keys) if keys is not None else None
        more = ""
        if cursor is not None and keys is not None:
            more = f"; next page: --{keys.position} {cursor[keys.position]} (or --all)"
        elif result.has_next_page():
            more = "; more pages follow (--all)"
        _err().print(f"{_records(len(result.items))}{total}{more}")


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _limited(items: Iterator[Any], limit: int | None) -> Iterator[Any]:
    for count, item in enumerate(items):
        if limit is not None and count >= limit:
            return
        yield item


# -- export commands ----------------------------------------------------------------


def export_name(op: Operation) -> str:
    """The export command of a list operation: its resource path (``cases``,
    ``cases.messages``), or the whole name when the verb is not ``list``."""
    name = op.name[: -len(".list")] if op.name.endswith(".list") else op.name
    return _cli_name(name)


class ProgressMode(str, enum.Enum):
    """How ``export`` shows its progress."""

    auto = "auto"
    bar = "bar"
    plain = "plain"
    none = "none"


def _export_command(info: Vendor, op: Operation) -> Callable[..., None] | None:
    method, _docs = _method_of(info.name, op.name)
    params = method_params(method)
    keys = _paging.paging_keys({p.name for p in params})
    if keys is None:
        return None
    since = next((n for n in SINCE_NAMES if any(p.name == n for p in params)), None)

    def command(**values: Any) -> None:
        ctx: typer.Context = values.pop("ctx")
        state = _state(ctx)
        out: Path = values.pop("cx_out")
        checkpoint: Path = values.pop("cx_checkpoint") or out.with_name(out.name + ".checkpoint")
        restart: bool = values.pop("cx_restart")
        mode: ProgressMode = values.pop("cx_progress")
        fake: bool = values.pop("cx_fake")
        for key in ("throttle", "throttle_storage", "max_retries"):
            value = values.pop(f"cx_{key}")
            if value is not None:
                setattr(state, key, value)
        since_value = values.pop("cx_since", None)
        if since_value is not None:
            assert since is not None
            if values.get(since) is not None:
                raise typer.BadParameter(f"pass --since or {_flag(since)}, not both")
            values[since] = since_value
        try:
            kwargs = call_kwargs(params, values)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        try:
            client = open_client(state, info, fake=fake)
        except Exception as exc:
            fail(exc, info.env)
        label = f"{info.name} {export_name(op)}"
        progress = _progress(mode, label)
        try:
            with client:
                strategy = paging_of(client, op)
                _paging.check_keys(keys, strategy, op.name)
                largest = _paging.max_size(strategy)
                if keys.size is not None and keys.size not in kwargs and largest is not None:
                    kwargs[keys.size] = largest  # fewer pages: less of the quota
                endpoint = resolve(client, op.name)

                def fetch(cursor: dict[str, Any] | None) -> Any:
                    return endpoint(**{**kwargs, **(cursor or {})})

                result = export(
                    vendor=info.name,
                    operation=op.name,
                    arguments=kwargs,
                    fetch=fetch,
                    next_cursor=lambda page: _paging.next_cursor(page, keys),
                    out=out,
                    checkpoint_path=checkpoint,
                    progress=progress,
                    restart=restart,
                    quota=lambda: client.rate_limit.remaining,
                )
        except KeyboardInterrupt:
            _stop(progress)
            interrupted(f"run the same command again to resume from {checkpoint}")
        except CheckpointError as exc:
            _stop(progress)
            _err().print(f"[red]Error:[/red] {escape(str(exc))}")
            raise typer.Exit(int(ExitCode.CONFIG)) from None
        except typer.Exit:
            raise
        except Exception as exc:
            _stop(progress)
            if isinstance(exc, _REPORTED):
                code, message = describe(exc, info.env)
                if checkpoint.exists() and code is not ExitCode.USAGE:
                    message += f"\nRun the same command again to resume from {checkpoint}."
                _err().print(f"[red]Error:[/red] {escape(message)}")
                raise typer.Exit(int(code)) from None
            raise
        word = "resumed, " if result.resumed else ""
        _err().print(
            f"{word}{_records(result.lines)} in {out} ({result.new_lines} new, {result.pages} pages)"
        )

    skip = [keys.position]
    signature = [_context_param(), *_signature_params(params, skip=skip)]
    if since is not None:
        signature.append(
            _option(
                ("--since",),
                str | None,
                None,
                f"Records from this date or time on (sets {_flag(since)}).",
                "cx_since",
            )
        )
    signature += [
        _option(
            ("--out", "-o"),
            Path,
            ...,
            "The JSON Lines file to write (one record a line).",
            "cx_out",
        ),
        _option(
            ("--checkpoint",),
            Path | None,
            None,
            "Where the resume point is kept (default: OUT.checkpoint).",
            "cx_checkpoint",
        ),
        _option(
            ("--restart",),
            bool,
            False,
            "Start over: drop the checkpoint and overwrite OUT.",
            "cx_restart",
        ),
        _option(
            ("--progress",),
            ProgressMode,
            ProgressMode.auto,
            "auto: a bar on a terminal, plain lines otherwise.",
            "cx_progress",
        ),
        _option(
            ("--throttle",),
            str | None,
            None,
            "Pace requests, e.g. 500/hour, 5/second or auto.",
            "cx_throttle",
        ),
        _option(
            ("--throttle-storage",),
            str | None,
            None,
            "Share the throttle's quota through a store, e.g. redis://localhost:6379/0.",
            "cx_throttle_storage",
        ),
        _option(
            ("--max-retries",),
            int | None,
            None,
            "Retries per request on 429/5xx/network errors.",
            "cx_max_retries",
        ),
        _option(
            ("--fake",),
            bool,
            False,
            "Export from the built-in fake (seeded; no network).",
            "cx_fake",
        ),
    ]
    doc = escape(
        f"Every record of {op.name} to a JSON Lines file, resumably: {plain(op.summary)}\n\n"
        f"{op.method} {op.path}. Interrupted (Ctrl-C, a crash, a 5xx storm), the same command "
        "resumes from the checkpoint without losing or repeating a record."
    )
    return _command(command, export_name(op), signature, doc)


def _flag(name: str) -> str:
    return "--" + name.rstrip("_").replace("_", "-")


def _progress(mode: ProgressMode, label: str) -> Any:
    console = _err()
    if mode is ProgressMode.none:
        return QuietProgress()
    if mode is ProgressMode.bar or (mode is ProgressMode.auto and console.is_terminal):
        if mode is ProgressMode.bar and not console.is_terminal:
            console = Console(file=sys.stderr, force_terminal=True)
        return RichProgress(console, label)
    return PlainProgress(lambda line: print(line, file=sys.stderr, flush=True), label)


def _stop(progress: Any) -> None:
    stop = getattr(progress, "stop", None)
    if callable(stop):
        stop()


# -- the tree ---------------------------------------------------------------------------


def _vendor_app(info: Vendor) -> typer.Typer:
    root = typer.Typer(
        help=escape(f"{info.summary.split(':')[0]}: every operation as a command."),
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    groups: dict[str, typer.Typer] = {"": root}
    for op in info.operations:
        *parts, python_verb = op.name.split(".")
        _method, docs = _method_of(info.name, op.name)
        parent = root
        path = ""
        for index, part in enumerate(parts):
            path = f"{path}.{part}" if path else part
            if path not in groups:
                group = typer.Typer(
                    help=escape(plain(docs[index])), no_args_is_help=True, rich_markup_mode="rich"
                )
                parent.add_typer(group, name=_cli_name(part))
                if _cli_name(part) != part:  # the Python spelling works too, unlisted
                    parent.add_typer(group, name=part, hidden=True)
                groups[path] = group
            parent = groups[path]
        func, verb = _operation_command(info, op)
        parent.command(name=verb)(func)
        if verb != python_verb:
            parent.command(name=python_verb, hidden=True)(func)
    return root


def _export_app(names: Sequence[str]) -> typer.Typer:
    app = typer.Typer(
        help="Export every record of a list operation to JSON Lines, with progress; resumable.",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    for name in names:
        info = vendor(name)
        sub = typer.Typer(
            help=escape(f"Export {info.summary.split(':')[0]} records."),
            no_args_is_help=True,
            rich_markup_mode="rich",
        )
        for op in info.operations:
            if op.paged:
                func = _export_command(info, op)
                if func is not None:
                    sub.command(name=export_name(op))(func)
                    python_name = op.name.removesuffix(".list")
                    if python_name != export_name(op):
                        sub.command(name=python_name, hidden=True)(func)
        app.add_typer(sub, name=name)
    return app


class VendorName(str, enum.Enum):
    """A vendor, as ``cxkit ops`` takes it."""

    omnidesk = "omnidesk"
    thulium = "thulium"
    omnicxm = "omnicxm"
    omi = "omi"


def ops(
    vendor_name: Annotated[VendorName, typer.Argument(help="The vendor.", metavar="VENDOR")],
    match: Annotated[
        str | None,
        typer.Argument(help="Only operations whose name contains this.", show_default=False),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output: table, json, jsonl or csv."),
    ] = None,
) -> None:
    """List a vendor's operations: the command, HTTP method and path of each."""
    info = vendor(vendor_name.value)
    rows: list[dict[str, Any]] = []
    for op in info.operations:
        if match and match not in op.name:
            continue
        *parts, verb = op.name.split(".")
        rows.append(
            {
                "operation": op.name,
                "command": " ".join(["cxkit", info.name, *map(_cli_name, parts), _cli_name(verb)]),
                "method": op.method,
                "path": op.path,
                "paged": op.paged,
                "idempotent": op.is_idempotent,
                "summary": plain(op.summary),
            }
        )
    chosen = fmt or Format.table
    if chosen is not Format.table:
        render(_out(), rows, chosen, many=True)
        return
    table = Table(title=f"{info.name}: {len(rows)} operations", title_justify="left")
    for column in ("command", "method", "path", "paged", "summary"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            escape(row["command"]),
            row["method"],
            escape(row["path"]),
            "yes" if row["paged"] else "",
            escape(row["summary"]),
        )
    _out().print(table)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxkit {__version__}")
        raise typer.Exit()


def build_app(vendors: Sequence[str] | None = None) -> typer.Typer:
    """The ``cxkit`` application, with commands for ``vendors`` (default: all)."""
    names = [n for n in VENDORS if vendors is None or n in vendors]
    env = ", ".join(v for n in names for v in vendor(n).env)
    app = typer.Typer(
        name="cxkit",
        help=escape(
            "Call Omnidesk, Thulium, OmniCXM and OMI from the shell: every operation of the "
            f"cxkit clients is a command. Credentials come from the environment ({env}); "
            "--fake runs any command against the built-in fake."
        ),
        no_args_is_help=True,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def root(
        ctx: typer.Context,
        fake: Annotated[
            bool,
            typer.Option("--fake", help="Run against the built-in fakes (seeded; no network)."),
        ] = False,
        fmt: Annotated[
            Format | None, typer.Option("--format", "-f", help="Output: table, json, jsonl or csv.")
        ] = None,
        throttle: Annotated[
            str | None,
            typer.Option("--throttle", help="Pace requests, e.g. 500/hour or auto (Omnidesk)."),
        ] = None,
        throttle_storage: Annotated[
            str | None,
            typer.Option(
                "--throttle-storage",
                help="Share the throttle's quota through a store, e.g. redis://localhost:6379/0.",
            ),
        ] = None,
        max_retries: Annotated[
            int | None,
            typer.Option("--max-retries", help="Retries per request on 429/5xx/network errors."),
        ] = None,
        timeout: Annotated[
            float | None, typer.Option("--timeout", help="Seconds per request attempt.")
        ] = None,
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
        ] = False,
    ) -> None:
        """The cxkit command line."""
        state = _state(ctx)
        state.fake = state.fake or fake
        state.format = fmt or state.format
        state.throttle = throttle if throttle is not None else state.throttle
        state.throttle_storage = throttle_storage or state.throttle_storage
        state.max_retries = max_retries if max_retries is not None else state.max_retries
        state.timeout = timeout if timeout is not None else state.timeout

    app.command("ops")(ops)
    app.add_typer(_export_app(names), name="export")
    for name in names:
        app.add_typer(_vendor_app(vendor(name)), name=name)
    return app
