"""Offline testing: in-memory fake vendor servers and a clock that never sleeps."""

from ._clock import FakeClock
from ._options import FakeClientOptions
from ._server import FakeRequest, FakeServer, FakeTransport, Fault, route

__all__ = [
    "FakeClientOptions",
    "FakeClock",
    "FakeRequest",
    "FakeServer",
    "FakeTransport",
    "Fault",
    "route",
]
