"""What cxkit.unified adds to a vendor call: mapping a 100-ticket page, in-process.

For each ticket vendor a client is wired to an ``httpx.MockTransport`` that answers
a prebuilt 100-ticket page (the seed's example records; ticket and requester ids
varied, so each ticket names its own requester, while the assignees are the seed's
few agents), so no network and no fake server logic is timed. Per vendor, ``--rounds`` interleaved rounds (the
order of the two sides alternates), each side timed in thread CPU time:

* ``call``: the vendor's typed list call for one page (request, decode, parse into
  the vendor's models): ``cases.list(limit=100)``, ``tickets.list(limit=100)``,
  ``tickets.list(take=100)``;
* ``call+map``: the same call, then its 100 records mapped to
  ``cxkit.unified.Ticket``;
* ``adds``: the median over the rounds of (call+map) / call - 1, what mapping adds
  to the call (the goal: <= 10 %); ``map/ticket``: the median difference per ticket;
  ``total adds``: the same from the sums over all rounds, so with the rare full
  garbage collections the mapping's objects set off (the Omnidesk and Thulium calls
  alone, whose objects are freed with their page, set off no collection at all);
* ``bare adds``: the same for a "mapping" that builds, per record, only the two
  objects every mapped ticket here holds, empty: a ``Ticket`` from its builder's
  template and a ``ContactRef`` (no value read, none computed). What no mapping to
  these models can go below: the floor under ``adds``;
* ``e2e adds``: the same for ``Helpdesk(client).tickets.list()`` over the first 100
  tickets against iterating the vendor's listing the unified layer pages through
  (the same call with the same arguments), so what the whole unified layer adds.

With ``--loopback`` the clients talk HTTP to a keep-alive server in its own process
answering the same pages (so a call includes the sockets and HTTP parsing), and each
side is timed in wall-clock time (the server's work is part of the call).

Usage: ``PYTHONPATH=src python3 benchmarks/unified.py [--rounds 200] [--loopback]``
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import multiprocessing
import statistics
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

import httpx

from cxkit.omnicxm import OmniCXM
from cxkit.omnidesk import Omnidesk
from cxkit.thulium import Thulium
from cxkit.unified import ContactRef, Helpdesk, Ticket
from cxkit.unified._map import omnicxm, omnidesk, thulium
from cxkit.unified.models import Builder

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
N = 100
GOAL = 0.10
"""What mapping a page may add to the vendor call (issue 19)."""
PAGES = 64
"""Pages the transport takes turns answering: each names its own 100 requesters, so no
page's requesters are still among the refs the mappings keep when it comes round again."""


def _example(vendor: str, endpoint: str) -> Any:
    catalog = json.loads((FIXTURES / vendor / "catalog.json").read_text("utf-8"))
    return next(e["example_response"] for e in catalog["endpoints"] if e["id"] == endpoint)


def _omnidesk_page(first: int) -> bytes:
    cases = [v["case"] for k, v in _example("omnidesk", "cases.list").items() if k.isdigit()]
    page = {
        str(i): {"case": {**cases[i % len(cases)], "case_id": 1000 + i, "user_id": first + i}}
        for i in range(N)
    }
    return json.dumps({**page, "total_count": N}).encode()


THULIUM_TICKET = {
    "ticket_id": 0, "from": "ann@x.io", "to": "bok@acme.example", "subject": "Printer on fire",
    "ticket_queue_id": 1, "ticket_queue_name": "BOK", "status_id": 2, "substatus_id": None,
    "full_status_name": "Open", "category_id": None, "customer_id": 154,
    "user_login": "jkowalski", "source": "email", "direction": "in_behalf_of",
    "tags": ["vip"], "cc": [], "created_at": "2016-04-20 09:46:24",
    "updated_at": "2016-04-20 10:00:00", "closed_at": None,
    "first_agent_responded_at": None,
}  # fmt: skip
"""A ticket as Thulium lists it (the seed documents the ticket endpoints in its index
only; the fields follow the ticket webhooks and FakeThulium)."""


def _thulium_page(first: int) -> bytes:
    tickets = [
        {
            **THULIUM_TICKET,
            "ticket_id": 1000 + i,
            "customer_id": first + i,
            "from": f"c{first + i}@x.io",
        }
        for i in range(N)
    ]
    return json.dumps({"count": N, "result": tickets}).encode()


def _omnicxm_page(first: int) -> bytes:
    example = _example("omnicxm", "tickets.list")
    record = example["data"][0]
    info = record["basicinfo"]
    data = [
        {
            **record,
            "basicinfo": {
                **info,
                "id": f"{i:024x}",
                "requester": {**info["requester"], "id": f"{first + i:024x}"},
            },
        }
        for i in range(N)
    ]
    return json.dumps(
        {"status": True, "take": N, "page": 1, "totalPages": 1, "total": N, "data": data}
    ).encode()


_BARE_TICKET = Builder(Ticket, vendor="omnidesk")
_BARE_REF = Builder(ContactRef)


def _bare(record: Any) -> tuple[Ticket, ContactRef]:
    """The objects a mapped ticket here is made of, empty (the floor of any mapping)."""
    return _BARE_TICKET.build(_BARE_TICKET.fresh()), _BARE_REF.build(_BARE_REF.fresh())


Routes = dict[str, Callable[[], bytes]]
"""What a rig's server answers: a path suffix (``""``: any other path) -> the next body."""


def _routes(page: Callable[[int], bytes], extra: dict[str, bytes]) -> Routes:
    routes: Routes = {suffix: itertools.repeat(body).__next__ for suffix, body in extra.items()}
    routes[""] = itertools.cycle([page(1000 + k * N) for k in range(PAGES)]).__next__
    return routes


def _answer(routes: Routes, path: str) -> bytes:
    for suffix, make in routes.items():
        if suffix and path.endswith(suffix):
            return make()
    return routes[""]()


def _transport(page: Callable[[int], bytes], extra: dict[str, bytes]) -> httpx.MockTransport:
    routes = _routes(page, extra)

    def handle(request: httpx.Request) -> httpx.Response:
        body = _answer(routes, request.url.path)
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    return httpx.MockTransport(handle)


def _serve(rigs: dict[str, tuple[Callable[[int], bytes], dict[str, bytes]]], ports: Any) -> None:
    """A keep-alive HTTP/1.1 server answering each rig's pages under ``/<rig>/``."""
    routes = {name: _routes(page, extra) for name, (page, extra) in rigs.items()}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.split(b"\r\n")
                path = lines[0].split(b" ")[1].decode().split("?")[0]
                length = 0
                for line in lines[1:]:
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                body = _answer(routes[path.split("/")[1]], path)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def run() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        ports.put(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(run())


def _paired(
    one: Callable[[], Any],
    two: Callable[[], Any],
    rounds: int,
    clock: Callable[[], float] = time.thread_time,
) -> tuple[float, float, float, float]:
    """Median CPU microseconds of ``one`` and of ``two``, the median of their per-round
    ratio ``two / one``, over ``rounds`` rounds that run both (alternating which first):
    what the machine's other work adds falls on both sides of a round alike; and the
    ratio of their totals, which also counts what the median leaves out: the rare
    full garbage collection ``two``'s extra objects set off."""
    one(), two()  # warm: adapters, imports, the Thulium status list, the OmniCXM login
    gc.collect()
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(rounds):
        order = ((0, one), (1, two)) if i % 2 == 0 else ((1, two), (0, one))
        for side, fn in order:
            start = clock()
            fn()
            times[side].append(clock() - start)
    ratios = [b / a for a, b in zip(*times, strict=True) if a > 0]
    return (
        statistics.median(times[0]) * 1e6,
        statistics.median(times[1]) * 1e6,
        statistics.median(ratios),
        sum(times[1]) / sum(times[0]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="cxkit.unified mapping cost")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--loopback", action="store_true", help="HTTP to a local server")
    args = parser.parse_args()
    rounds = args.rounds

    statuses = json.dumps([{"status_id": 2, "name": "Open", "substatuses": []}]).encode()
    login = json.dumps({"status": True, "token": "t", "userinfo": {}}).encode()
    pages = {
        "omnidesk": (_omnidesk_page, {}),
        "thulium": (_thulium_page, {"/ticket_statuses": statuses}),
        "omnicxm": (_omnicxm_page, {"/login": login}),
    }
    clock: Callable[[], float] = time.thread_time
    wiring: dict[str, dict[str, Any]]
    if args.loopback:
        ports: Any = multiprocessing.Queue()
        server = multiprocessing.Process(target=_serve, args=(pages, ports), daemon=True)
        server.start()
        base = f"http://127.0.0.1:{ports.get(timeout=30)}"
        wiring = {v: {"base_url": f"{base}/{v}", "allow_insecure": True} for v in pages}
        clock = time.perf_counter
    else:
        wiring = {v: {"transport": _transport(*pages[v])} for v in pages}
        wiring["omnidesk"]["domain"] = "acme"
        wiring["thulium"]["system"] = "acme"
        wiring["omnicxm"]["base_url"] = "https://omni.example"
    desk = Omnidesk(email="bot@acme.ru", api_key="k", **wiring["omnidesk"])
    th = Thulium(username="u", password="p", **wiring["thulium"])
    cxm = OmniCXM(username="admin.C0001", password="p", **wiring["omnicxm"])
    names = {2: "Open"}
    # (vendor, client, one page, its mapping, what Helpdesk.tickets.list() pages through)
    rigs: list[tuple[str, Any, Callable[[], Any], Callable[[Any], Any], Callable[[], Any]]] = [
        ("omnidesk", desk, lambda: desk.cases.list(limit=N), omnidesk.ticket, desk.cases.list),
        (
            "thulium", th, lambda: th.tickets.list(limit=N), lambda t: thulium.ticket(t, names),
            th.tickets.list,
        ),
        ("omnicxm", cxm, lambda: cxm.tickets.list(take=N), omnicxm.ticket, cxm.tickets.list),
    ]  # fmt: skip
    print(
        f"{'vendor':<10}{'call us':>9}{'call+map us':>13}{'map/ticket us':>15}{'adds':>8}"
        f"{'total adds':>12}{'bare adds':>11}{'e2e adds':>10}  goal: adds <= {GOAL:.0%}"
    )
    for vendor, client, call, mapper, listing in rigs:
        assert len(call().items) == N, vendor

        def mapped(call: Callable[[], Any] = call, mapper: Callable[[Any], Any] = mapper) -> Any:
            return [mapper(item) for item in call().items]

        def listed(listing: Callable[[], Any] = listing) -> list[Any]:
            return list(islice(listing(), N))

        def bare(call: Callable[[], Any] = call) -> Any:
            return [_bare(item) for item in call().items]

        helpdesk = Helpdesk(client)

        def unified(desk: Helpdesk = helpdesk) -> list[Any]:
            return list(islice(desk.tickets.list(), N))

        t_call, t_both, ratio, total = _paired(call, mapped, rounds, clock)
        _, _, floor, _ = _paired(call, bare, rounds, clock)
        _, _, e2e, _ = _paired(listed, unified, rounds, clock)
        print(
            f"{vendor:<10}{t_call:>9.0f}{t_both:>13.0f}{(t_both - t_call) / N:>15.2f}"
            f"{ratio - 1:>8.1%}{total - 1:>12.1%}{floor - 1:>11.1%}{e2e - 1:>10.1%}"
            f"  {'met' if ratio - 1 <= GOAL else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
