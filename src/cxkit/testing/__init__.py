"""Offline testing: in-memory fake vendor servers and a clock that never sleeps."""

from ._clock import FakeClock
from ._forms import FormValue, parse_form, unflatten
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, FakeTransport, Fault, Refused, Resource, route

__all__ = [
    "FakeClientOptions",
    "FakeClock",
    "FakeRequest",
    "FakeServer",
    "FakeTransport",
    "Fault",
    "FormValue",
    "Refused",
    "Resource",
    "parse_form",
    "route",
    "unflatten",
]
