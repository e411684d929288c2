"""``cxkit export``: every record of a list operation to a JSON Lines file, resumable.

The output and a checkpoint file move forward together, one page at a time:

1. the page's records are appended to the output and flushed to disk;
2. the checkpoint is replaced (write a temporary file, fsync, rename) by one that
   holds the position of the *next* page and the output's length in bytes and
   lines after this page.

A kill between any two steps leaves a checkpoint that describes a prefix of the
output: on the next run the output is cut back to the checkpointed length (a
page written but not yet checkpointed is dropped) and paging resumes at the
checkpointed position, so no record is lost and none is written twice. The
checkpoint is written before the first page and removed only after the last page
is on disk; an empty output without a checkpoint is a fresh start. While an export
runs it holds a lock on the output, so two exports never write one file.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ._output import as_record, dumps_line

__all__ = ["Checkpoint", "CheckpointError", "ExportResult", "Progress", "export"]

VERSION = 1


class CheckpointError(Exception):
    """The checkpoint cannot be used for this export (another command, a changed output)."""


@dataclass
class Checkpoint:
    """How far an export got: the next page's position and what is already written."""

    vendor: str
    operation: str
    arguments: dict[str, Any]
    cursor: dict[str, Any] | None
    """Method arguments that fetch the next page; ``None``: the first page."""
    lines: int = 0
    bytes: int = 0
    pages: int = 0
    total: int | None = None
    version: int = VERSION

    def save(self, path: Path) -> None:
        """Replace the checkpoint file atomically and durably."""
        temporary = path.with_name(path.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(asdict(self), handle, default=str)
            handle.flush()
            os.fsync(handle.fileno())
        # The directory is not synced: should the rename be lost to a power cut, the
        # previous checkpoint still describes a prefix of the output, so resuming from
        # it repeats a page's fetch but never a record.
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> Checkpoint:
        """The checkpoint saved at ``path``."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                raise CheckpointError(f"{path}: unknown checkpoint version {data.get('version')!r}")
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise CheckpointError(f"{path}: not a cxkit export checkpoint ({exc})") from None


class Progress(Protocol):
    """What an export reports as it goes (a progress bar, plain lines, or nothing)."""

    def start(self, done: int, pages: int, total: int | None) -> None:
        """Before the first page: where a resumed export starts."""

    def advance(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """After each page is on disk."""

    def finish(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """After the last page (or when the export stops)."""


@dataclass
class ExportResult:
    """What an export did."""

    lines: int
    pages: int
    resumed: bool
    new_lines: int
    total: int | None = None
    checkpoint: Path | None = field(default=None)


def _fingerprint(arguments: Mapping[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(as_record(dict(arguments)), default=str))
    return loaded


def export(
    *,
    vendor: str,
    operation: str,
    arguments: Mapping[str, Any],
    fetch: Callable[[dict[str, Any] | None], Any],
    next_cursor: Callable[[Any], dict[str, Any] | None],
    out: Path,
    checkpoint_path: Path,
    progress: Progress,
    restart: bool = False,
    quota: Callable[[], int | None] = lambda: None,
) -> ExportResult:
    """Write every record of ``operation`` to ``out``, resuming from ``checkpoint_path``.

    ``fetch(cursor)`` returns the page at ``cursor`` (``None``: the first page), whose
    ``iter_pages()`` goes on from there; ``next_cursor(page)`` gives the position of
    the page after ``page``. ``arguments`` (the operation's filters) must match the
    checkpoint's when resuming.
    """
    identity = _fingerprint(arguments)
    if restart:
        for path in (checkpoint_path, out):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    # Append mode: every write lands at the end, which is where the checkpoint says
    # the next page goes once the file is cut back to it.
    with open(out, "ab") as handle:
        _lock(handle, out)
        state, resumed = _starting_point(
            Checkpoint(vendor=vendor, operation=operation, arguments=identity, cursor=None),
            checkpoint_path,
            out,
            os.fstat(handle.fileno()).st_size,
        )
        start_lines = state.lines
        progress.start(state.lines, state.pages, state.total)
        handle.truncate(state.bytes)  # drop a page written after the last checkpoint
        for page in _pages(fetch, state.cursor):
            data = b"".join(dumps_line(as_record(item)).encode("utf-8") for item in page.items)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            state.cursor = next_cursor(page)
            state.lines += len(page.items)
            state.bytes += len(data)
            state.pages += 1
            state.total = page.total if page.total is not None else state.total
            if state.cursor is None:
                break  # the last page: ``finish`` reports it
            state.save(checkpoint_path)
            progress.advance(state.lines, state.pages, state.total, quota())
        checkpoint_path.unlink()  # the output is complete and on disk
    progress.finish(state.lines, state.pages, state.total, quota())
    return ExportResult(
        lines=state.lines,
        pages=state.pages,
        resumed=resumed,
        new_lines=state.lines - start_lines,
        total=state.total,
    )


def _lock(handle: Any, out: Path) -> None:
    """Hold ``out`` for this process: a second export to it (an overlapping cron run)
    stops at once. The system drops the lock when the process dies, so a kill never
    leaves it behind."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): one export per output, please
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise CheckpointError(f"another export is writing {out} right now") from None


def _starting_point(
    fresh: Checkpoint, checkpoint_path: Path, out: Path, size: int
) -> tuple[Checkpoint, bool]:
    """Where the export starts (``fresh``, or the checkpoint), and whether it resumes."""
    if checkpoint_path.exists():
        state = Checkpoint.load(checkpoint_path)
        if state.pages == 0 and state.bytes == 0:
            state = fresh  # stopped before its first page: nothing to keep
        elif (state.vendor, state.operation, state.arguments) != (
            fresh.vendor,
            fresh.operation,
            fresh.arguments,
        ):
            raise CheckpointError(
                f"{checkpoint_path} is for another export ({state.vendor} {state.operation} "
                f"with {json.dumps(state.arguments)}); pass --restart to start this one over"
            )
        elif size < state.bytes:
            raise CheckpointError(
                f"{out} is shorter than its checkpoint says ({size} < {state.bytes} "
                "bytes); pass --restart to start over"
            )
    elif size > 0:
        raise CheckpointError(
            f"{out} exists and no checkpoint says how far it got; pass --restart to overwrite it"
        )
    else:
        state = fresh
    state.save(checkpoint_path)  # rewrites the same state on resume: also checks it is writable
    with contextlib.suppress(FileNotFoundError):
        checkpoint_path.with_name(checkpoint_path.name + ".tmp").unlink()
    return state, state.pages > 0


def _pages(
    fetch: Callable[[dict[str, Any] | None], Any], cursor: dict[str, Any] | None
) -> Iterator[Any]:
    first = fetch(cursor)
    yield from first.iter_pages()


class PlainProgress:
    """Progress as plain lines (for logs and pipes), at most one per ``every`` seconds,
    plus the first and the last."""

    def __init__(
        self,
        write: Callable[[str], None],
        label: str,
        *,
        every: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write
        self._label = label
        self._every = every
        self._clock = clock
        self._started = clock()
        self._last: float | None = None
        self._base = 0

    def start(self, done: int, pages: int, total: int | None) -> None:
        """Say where the export starts."""
        self._base = done
        self._started = self._clock()
        where = f"resuming after {done} records ({pages} pages)" if done or pages else "starting"
        self._write(f"{self._label}: {where}")

    def _line(self, done: int, pages: int, total: int | None, quota: int | None) -> str:
        elapsed = max(self._clock() - self._started, 1e-9)
        rate = (done - self._base) / elapsed
        parts = [f"{done}/{total}" if total is not None else f"{done}", "records", f"{pages} pages"]
        text = f"{self._label}: {parts[0]} {parts[1]}, {parts[2]}, {rate:.0f} records/s"
        if total is not None and rate > 0 and total > done:
            text += f", ETA {_duration((total - done) / rate)}"
        if quota is not None:
            text += f", quota {quota} left"
        return text

    def advance(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Print a line if the last one is old enough."""
        now = self._clock()
        if self._last is not None and now - self._last < self._every:
            return
        self._last = now
        self._write(self._line(done, pages, total, quota))

    def finish(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Print the final line."""
        self._write(self._line(done, pages, total, quota) + ", done")


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class QuietProgress:
    """No progress output."""

    def start(self, done: int, pages: int, total: int | None) -> None:
        """Nothing."""

    def advance(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Nothing."""

    def finish(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Nothing."""


class RichProgress:
    """A live progress bar on a terminal: records, pages, rate, ETA (when the vendor
    says how many there are) and the quota left."""

    def __init__(self, console: Any, label: str) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("records"),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[quota]}"),
            console=console,
            transient=False,
        )
        self._label = label
        self._task: Any = None
        self._base = 0
        self._started = time.monotonic()

    def start(self, done: int, pages: int, total: int | None) -> None:
        """Show the bar, already filled up to a resumed export's records."""
        self._progress.start()
        self._base = done
        self._started = time.monotonic()
        self._task = self._progress.add_task(
            self._label, total=total, completed=done, pages=pages, rate="", quota=""
        )

    def _rate(self, done: int) -> str:
        elapsed = max(time.monotonic() - self._started, 1e-9)
        return f"{(done - self._base) / elapsed:.0f} records/s"

    def advance(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Move the bar."""
        self._progress.update(
            self._task,
            completed=done,
            total=total,
            pages=pages,
            rate=self._rate(done),
            quota="" if quota is None else f"quota {quota} left",
        )

    def finish(self, done: int, pages: int, total: int | None, quota: int | None) -> None:
        """Fill the bar and leave it on screen."""
        self.advance(done, pages, total if total is not None else done, quota)
        self.stop()

    def stop(self) -> None:
        """Stop redrawing (also after a failure, so the terminal is left tidy)."""
        self._progress.stop()
