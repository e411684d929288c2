"""OpenTelemetry for cxkit clients (the ``cxkit[otel]`` extra).

``instrument(client)`` makes every attempt of a client (retries and logins
included) a CLIENT span that follows the OpenTelemetry HTTP client semantic
conventions, records the ``http.client.request.duration`` histogram, and reports
the vendor's remaining quota (from the rate-limit headers) as the
``cxkit.rate_limit.remaining`` gauge. Only the OpenTelemetry API is used here: the
SDK, its exporters and its sampling are the application's choice.

Spans start in the current context, so they nest under the caller's own span (in
threads and in asyncio tasks alike); a login the client makes on its own is a child
of the attempt that needed it. Nothing secret reaches a span or a metric: the core
hands observers redacted copies of every request, response and error.
"""

from __future__ import annotations

import threading
import time
import traceback
import weakref
from contextvars import Token
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from opentelemetry import context as otel_context
from opentelemetry import metrics, trace
from opentelemetry.context import Context
from opentelemetry.metrics import CallbackOptions, Histogram, MeterProvider, Observation
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, TracerProvider
from opentelemetry.util.types import AttributeValue

import cxkit

from ._core._async.client import AsyncAPIClient
from ._core._sync.client import APIClient
from ._core.registry import collect_operations
from ._version import __version__

__all__ = ["QUOTA_GAUGE", "REQUEST_DURATION", "instrument", "is_instrumented", "uninstrument"]

SCOPE = "cxkit.otel"
REQUEST_DURATION = "http.client.request.duration"
"""The semantic-conventions histogram of attempt durations, in seconds."""
QUOTA_GAUGE = "cxkit.rate_limit.remaining"
"""The gauge of requests the vendor says are left in its quota window."""

# The bucket boundaries the semantic conventions advise for HTTP durations.
_DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10)
_KNOWN_METHODS = frozenset(
    ("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE")
)
_DEFAULT_PORTS = {"https": 443, "http": 80}

Client = TypeVar("Client", bound=APIClient | AsyncAPIClient)


def instrument(
    client: Client,
    *,
    tracer_provider: TracerProvider | None = None,
    meter_provider: MeterProvider | None = None,
) -> Client:
    """Trace and measure every attempt of ``client`` (any vendor, sync or async).

    Spans go to ``tracer_provider`` and metrics to ``meter_provider`` (the global
    providers when omitted). The client's ``with_options`` copies share its
    instrumentation. Instrumenting an instrumented client does nothing. Returns
    ``client``.
    """
    _require_client(client)
    # The observer reads the quota from the state a client shares with its copies
    # (instrumenting a copy instruments the family, and only once).
    shared = client._shared
    with _LOCK:
        if _observer_of(client) is not None:
            return client
        tracer = trace.get_tracer(SCOPE, __version__, tracer_provider=tracer_provider)
        meter = metrics.get_meter(SCOPE, __version__, meter_provider=meter_provider)
        duration = meter.create_histogram(
            REQUEST_DURATION,
            unit="s",
            description="Duration of HTTP client requests.",
            explicit_bucket_boundaries_advisory=_DURATION_BUCKETS,
        )
        provider = meter_provider if meter_provider is not None else metrics.get_meter_provider()
        gauge = _QUOTA_GAUGES.get(provider)
        if gauge is None:
            gauge = _QUOTA_GAUGES[provider] = _QuotaGauge(meter)
        observer = _Observer(
            tracer=tracer,
            duration=duration,
            gauge=gauge,
            shared=shared,
            templates=_templates(client),
            server=_server(httpx.URL(str(client.base_url))),
            vendor=client.vendor,
        )
        gauge.watch(observer)
        client._add_observer(observer)
    return client


def uninstrument(client: Client) -> Client:
    """Stop tracing and measuring ``client`` (and its copies); returns ``client``.

    Attempts already in flight still end their spans.
    """
    _require_client(client)
    with _LOCK:
        observer = _observer_of(client)
        if observer is not None:
            observer.enabled = False
            observer.gauge.forget(observer)
            client._remove_observer(observer)
    return client


def is_instrumented(client: APIClient | AsyncAPIClient) -> bool:
    """Whether ``client`` is instrumented."""
    _require_client(client)
    return _observer_of(client) is not None


_LOCK = threading.Lock()


def _require_client(client: Any) -> None:
    if not isinstance(client, (APIClient, AsyncAPIClient)):
        raise TypeError(f"instrument() takes a cxkit client, not {type(client).__name__}")


def _observer_of(client: Any) -> _Observer | None:
    for observer in client._observers():
        if isinstance(observer, _Observer):
            return observer
    return None


def _templates(client: Any) -> dict[str, str]:
    """Operation name -> the URL path template (the base URL's path included)."""
    base = httpx.URL(str(client.base_url)).path.rstrip("/")
    return {op.name: base + op.path for op in collect_operations(type(client)) if op.name}


def _server(url: httpx.URL) -> tuple[str, int]:
    port = url.port if url.port is not None else _DEFAULT_PORTS.get(url.scheme, 0)
    return url.host, port


def _url_full(url: httpx.URL) -> str:
    # The core already masked credential query parameters and secret values; user
    # info never travels in a cxkit URL, but the conventions forbid it outright.
    if url.userinfo:
        url = url.copy_with(username="REDACTED", password="REDACTED")
    return str(url)


def _error_type(error: BaseException) -> str:
    """The exception's fully qualified class name (its public one for cxkit errors)."""
    cls = type(error)
    if getattr(cxkit, cls.__name__, None) is cls:
        return f"cxkit.{cls.__name__}"
    return f"{cls.__module__}.{cls.__qualname__}"


@dataclass
class _Attempt:
    """What :meth:`_Observer.start` hands to :meth:`_Observer.end`."""

    span: Span
    context_token: Token[Context]
    metric_attributes: dict[str, AttributeValue]
    started: float


class _Observer:
    """The core's observer protocol, spoken in OpenTelemetry."""

    def __init__(
        self,
        *,
        tracer: trace.Tracer,
        duration: Histogram,
        gauge: _QuotaGauge,
        shared: Any,
        templates: dict[str, str],
        server: tuple[str, int],
        vendor: str,
    ) -> None:
        self.tracer = tracer
        self.duration = duration
        self.gauge = gauge
        self._shared = weakref.ref(shared)
        self.templates = templates
        self.server = server
        self.vendor = vendor
        self.enabled = True

    def rate_limit(self) -> Any:
        """The client's last quota snapshot; None once the client is gone."""
        shared = self._shared()
        return None if shared is None else shared.rate_limit

    def start(
        self, vendor: str, operation: str, request: httpx.Request, attempt: int, wait: float
    ) -> _Attempt | None:
        """Open the attempt's span in the current context and make it current."""
        if not self.enabled:
            return None
        url = request.url
        method = request.method.upper()
        known = method if method in _KNOWN_METHODS else "_OTHER"
        host, port = _server(url)
        common: dict[str, AttributeValue] = {
            "http.request.method": known,
            "server.address": host,
            "server.port": port,
            "cxkit.vendor": vendor,
            "cxkit.operation": operation,
        }
        attributes: dict[str, AttributeValue] = {**common, "url.full": _url_full(url)}
        if known == "_OTHER":
            attributes["http.request.method_original"] = request.method
        template = self.templates.get(operation)
        if template is not None:
            attributes["url.template"] = template
        if attempt > 1:
            attributes["http.request.resend_count"] = attempt - 1
            attributes["cxkit.retry.wait_s"] = float(wait)
        # The conventions' "{method} {url.template}", or the method alone.
        prefix = "HTTP" if known == "_OTHER" else known
        name = f"{prefix} {template}" if template else prefix
        span = self.tracer.start_span(name, kind=SpanKind.CLIENT, attributes=attributes)
        # Current while the attempt runs: a login it triggers becomes its child.
        token = otel_context.attach(trace.set_span_in_context(span))
        return _Attempt(span, token, common, time.perf_counter())

    def end(self, token: Any, response: httpx.Response | None, error: BaseException | None) -> None:
        """Close the attempt's span with its outcome and record its duration."""
        if not isinstance(token, _Attempt):
            return
        elapsed = time.perf_counter() - token.started
        span = token.span
        attributes = token.metric_attributes
        try:
            error_type: str | None = None
            if response is not None:
                status = response.status_code
                span.set_attribute("http.response.status_code", status)
                attributes["http.response.status_code"] = status
                if status >= 400:
                    error_type = str(status)
            if error is not None:
                error_type = error_type or _error_type(error)
                message = str(error)
                span.add_event(
                    "exception",
                    {
                        "exception.type": _error_type(error),
                        "exception.message": message,
                        "exception.stacktrace": "".join(
                            traceback.format_exception(
                                type(error), error, error.__traceback__, chain=False
                            )
                        ),
                    },
                )
                span.set_status(Status(StatusCode.ERROR, message or None))
            elif error_type is not None:
                span.set_status(Status(StatusCode.ERROR))
            if error_type is not None:
                span.set_attribute("error.type", error_type)
                attributes["error.type"] = error_type
        finally:
            span.end()
            try:
                otel_context.detach(token.context_token)
            except Exception:
                pass
        self.duration.record(elapsed, attributes)


class _QuotaGauge:
    """One observable gauge per meter provider, reading every instrumented client."""

    def __init__(self, meter: metrics.Meter) -> None:
        self._observers: weakref.WeakSet[_Observer] = weakref.WeakSet()
        # Its own lock, never held while calling OpenTelemetry: the SDK calls
        # ``_observe`` from its collecting thread under locks of its own.
        self._lock = threading.Lock()
        meter.create_observable_gauge(
            QUOTA_GAUGE,
            callbacks=[self._observe],
            unit="{request}",
            description="Requests left in the vendor's quota window, as its rate-limit "
            "headers last said.",
        )

    def watch(self, observer: _Observer) -> None:
        """Report ``observer``'s client from now on."""
        with self._lock:
            self._observers.add(observer)

    def forget(self, observer: _Observer) -> None:
        """Stop reporting ``observer``'s client."""
        with self._lock:
            self._observers.discard(observer)

    def _observe(self, options: CallbackOptions) -> list[Observation]:
        found: list[Observation] = []
        with self._lock:
            observers = list(self._observers)
        for observer in observers:
            snapshot = observer.rate_limit()
            remaining = getattr(snapshot, "remaining", None)
            if remaining is None:
                continue
            host, port = observer.server
            found.append(
                Observation(
                    remaining,
                    {
                        "cxkit.vendor": observer.vendor,
                        "server.address": host,
                        "server.port": port,
                    },
                )
            )
        return found


_QUOTA_GAUGES: weakref.WeakKeyDictionary[Any, _QuotaGauge] = weakref.WeakKeyDictionary()
