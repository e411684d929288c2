"""A small framework for stateful in-memory fake vendor servers.

A fake is an object with route handlers; it is exposed to a client as an httpx
transport (sync and async), records every request, and can be told to misbehave
(scripted statuses, ``Retry-After``, latency, malformed JSON, HTML error pages,
connection errors) before it answers normally.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import httpx

from ._clock import FakeClock

__all__ = ["FakeRequest", "FakeServer", "FakeTransport", "Fault", "route"]

H = TypeVar("H", bound=Callable[..., Any])
_ROUTE = "__cx_fake_route__"


def route(method: str, path: str) -> Callable[[H], H]:
    """Mark a fake server method as the handler of ``method path``.

    ``path`` is a template relative to the fake's base path, e.g.
    ``/cases/{case_id}.json``; placeholders become ``request.path_params``.
    """

    def mark(func: H) -> H:
        setattr(func, _ROUTE, (method.upper(), path))
        return func

    return mark


@dataclass
class FakeRequest:
    """What a handler receives: the httpx request, parsed."""

    raw: httpx.Request
    path_params: dict[str, str]
    query: dict[str, list[str]]

    @property
    def method(self) -> str:
        """The HTTP method."""
        return self.raw.method

    def arg(self, name: str, default: str | None = None) -> str | None:
        """The first value of query parameter ``name``."""
        values = self.query.get(name)
        return values[0] if values else default

    def int_arg(self, name: str, default: int) -> int:
        """Query parameter ``name`` as an int (``default`` when absent or bad)."""
        try:
            return int(self.arg(name) or default)
        except ValueError:
            return default

    def json(self) -> Any:
        """The JSON body (``None`` when empty)."""
        content = self.raw.content
        return json.loads(content) if content.strip() else None

    def form(self) -> dict[str, Any]:
        """Multipart or urlencoded form fields and files, by field name.

        Files are ``(filename, bytes)``.
        """
        ctype = self.raw.headers.get("content-type", "")
        if ctype.startswith("application/x-www-form-urlencoded"):
            return dict(parse_qsl(self.raw.content.decode()))
        match = re.search(r"boundary=([^;]+)", ctype)
        if not match:
            return {}
        return _parse_multipart(self.raw.content, match.group(1).strip('"').encode())


def _parse_multipart(body: bytes, boundary: bytes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in body.split(b"--" + boundary):
        part = part.strip(b"\r\n")
        if not part or part == b"--":
            continue
        head, _, content = part.partition(b"\r\n\r\n")
        disposition = head.decode("utf-8", "replace")
        name = re.search(r'name="([^"]*)"', disposition)
        if not name:
            continue
        filename = re.search(r'filename="([^"]*)"', disposition)
        if filename:
            out[name.group(1)] = (filename.group(1), content)
        else:
            out[name.group(1)] = content.decode("utf-8", "replace")
    return out


@dataclass
class Fault:
    """One injected misbehaviour, used ``times`` times for matching requests.

    Exactly one of the behaviours applies, checked in this order: ``error``
    (``"connect"``, ``"timeout"``, ``"read"``), ``latency`` (seconds; a latency
    at or over the request's read timeout raises a timeout, a shorter one
    advances the fake clock and then answers normally), ``body``/``status``
    (an arbitrary answer), ``malformed`` (the real answer's JSON, cut short).
    """

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str | Any = None
    content_type: str = "application/json"
    error: str | None = None
    latency: float = 0.0
    malformed: bool = False
    times: int = 1
    method: str | None = None
    path: str | None = None

    def matches(self, request: httpx.Request) -> bool:
        """Whether this fault applies to ``request``."""
        if self.method and request.method != self.method.upper():
            return False
        return not (self.path and self.path not in request.url.path)


class FakeServer:
    """Base of the vendor fakes: routing, request log, fault injection.

    Subclasses set ``vendor`` and ``base_url`` and define handlers with
    :func:`route`. ``clock`` (a :class:`FakeClock`) makes latency virtual.
    """

    vendor: str = "fake"
    base_url: str = "https://fake.invalid/api"

    def __init__(self, *, clock: FakeClock | None = None) -> None:
        self.clock = clock or FakeClock()
        self.calls: list[httpx.Request] = []
        self.call_times: list[float] = []
        self.faults: list[Fault] = []
        self._routes = self._collect_routes()

    # -- routing ------------------------------------------------------------

    def _collect_routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., httpx.Response]]]:
        routes = []
        for name in dir(type(self)):
            func = getattr(type(self), name, None)
            spec = getattr(func, _ROUTE, None)
            if spec is None:
                continue
            method, template = spec
            pattern = re.escape(template)
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", pattern)
            routes.append((method, re.compile(pattern + "$"), getattr(self, name)))
        # Literal paths win over templated ones (``/cases/trash`` before ``/cases/{id}``).
        routes.sort(key=lambda r: r[1].pattern.count("(?P<"))
        return routes

    def _base_path(self) -> str:
        return httpx.URL(self.base_url).path.rstrip("/")

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (faults first, then the route handler)."""
        self.calls.append(request)
        self.call_times.append(self.clock.now())
        fault = self._take_fault(request)
        if fault is not None:
            early = self._apply_fault(fault, request)
            if early is not None:
                return early
        response = self._dispatch(request)
        if fault is not None and fault.malformed:
            text = response.content[: max(1, len(response.content) // 2)]
            return httpx.Response(response.status_code, headers=response.headers, content=text)
        return response

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        return self.after(request, self._route(request))

    def _route(self, request: httpx.Request) -> httpx.Response:
        denied = self.authenticate(request)
        if denied is not None:
            return denied
        path = request.url.path
        base = self._base_path()
        if base and path.startswith(base):
            path = path[len(base) :] or "/"
        allowed = False
        for method, pattern, handler in self._routes:
            match = pattern.match(path)
            if not match:
                continue
            allowed = True
            if method != request.method:
                continue
            query: dict[str, list[str]] = {}
            for key, value in parse_qsl(request.url.query.decode(), keep_blank_values=True):
                query.setdefault(key, []).append(value)
            return handler(FakeRequest(request, match.groupdict(), query))
        if allowed:
            return self.error_response(405, "Method not allowed")
        return self.error_response(404, f"No route for {request.method} {path}")

    # -- hooks a vendor fake overrides -----------------------------------------

    def authenticate(self, request: httpx.Request) -> httpx.Response | None:
        """Return an error response to refuse ``request``; ``None`` lets it through."""
        return None

    def after(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """Adjust every answer (routed, refused or unknown), e.g. add quota headers."""
        return response

    def error_response(self, status: int, message: str) -> httpx.Response:
        """The vendor's error body for ``status``."""
        return self.json({"error": message}, status=status)

    # -- response helpers ---------------------------------------------------

    @staticmethod
    def json(
        data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """A JSON response."""
        return httpx.Response(status, json=data, headers=dict(headers or {}))

    # -- faults -------------------------------------------------------------

    def inject(self, **fault: Any) -> Fault:
        """Queue a :class:`Fault` (keyword arguments as its fields)."""
        item = Fault(**fault)
        self.faults.append(item)
        return item

    def inject_statuses(
        self, statuses: Iterable[int], *, headers: Mapping[str, str] | None = None, **match: Any
    ) -> None:
        """Queue one answer per status, in order (e.g. ``[503, 503]`` then normal)."""
        for status in statuses:
            self.inject(status=status, headers=dict(headers or {}), **match)

    def _take_fault(self, request: httpx.Request) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.matches(request):
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                return fault
        return None

    def _apply_fault(self, fault: Fault, request: httpx.Request) -> httpx.Response | None:
        if fault.error == "connect":
            raise httpx.ConnectError("fake: connection refused", request=request)
        if fault.error == "timeout":
            raise httpx.ReadTimeout("fake: read timed out", request=request)
        if fault.error == "read":
            raise httpx.ReadError("fake: connection reset", request=request)
        if fault.error is not None:
            raise ValueError(f"unknown fault error {fault.error!r}")
        if fault.latency:
            limit = (request.extensions.get("timeout") or {}).get("read")
            if limit is not None and fault.latency >= limit:
                self.clock.advance(limit)
                raise httpx.ReadTimeout("fake: read timed out", request=request)
            self.clock.advance(fault.latency)
        if fault.status is not None or fault.body is not None:
            body = fault.body
            if isinstance(body, str):
                body = body.encode()
            elif body is not None and not isinstance(body, bytes):
                body = json.dumps(body).encode()
            headers = {"content-type": fault.content_type, **fault.headers}
            return httpx.Response(fault.status or 200, headers=headers, content=body or b"")
        return None

    # -- wiring -------------------------------------------------------------

    def transport(self) -> FakeTransport:
        """This fake as an httpx transport (works for sync and async clients)."""
        return FakeTransport(self)

    def http_client(self) -> httpx.Client:
        """A sync httpx client served by this fake."""
        return httpx.Client(transport=self.transport())

    def async_http_client(self) -> httpx.AsyncClient:
        """An async httpx client served by this fake."""
        return httpx.AsyncClient(transport=self.transport())


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Routes httpx requests to a :class:`FakeServer`."""

    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Serve a sync request."""
        request.read()
        return self.server.handle(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Serve an async request."""
        await request.aread()
        return self.server.handle(request)
