"""A real loopback HTTP server that misbehaves on purpose.

Unlike the in-memory fakes, this one speaks HTTP/1.1 over a socket, so a client
meets the faults a network and a hostile server produce: resets before and after
the headers, truncated bodies, a ``Content-Length`` the body never reaches, slow
drips, bad gzip, huge headers, deep JSON, huge numbers, odd rate-limit headers,
redirect loops and 5xx storms. Every request it receives is logged.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass

__all__ = ["FAULTS", "FaultServer", "Received"]

FAULTS = (
    "ok",
    "refused",
    "reset_before_headers",
    "reset_after_headers",
    "truncated_body",
    "short_content_length",
    "slow_drip",
    "bad_gzip",
    "huge_header",
    "deep_json",
    "huge_numbers",
    "odd_rate_limit_headers",
    "redirect_loop",
    "storm_503",
    "storm_503_retry_after",
    "storm_500",
    "answered_then_cut",
    "gzip_bomb",
    "head_drip",
    "processing_flood",
    "slow_upload",
)
"""Every fault the server can script (``"token"`` is a mode, not a fault: a login API)."""

_OK = b'{"ok": true, "data": {"id": 1, "name": "item 1"}}'


@dataclass(frozen=True)
class Received:
    """One request as the server read it (header names in lower case)."""

    method: str
    path: str
    body: bytes
    headers: dict[str, str]


class FaultServer:
    """``with FaultServer() as server: server.fault = "slow_drip"; ...``.

    ``base_url`` points at the server (``http://127.0.0.1:<port>/api``); with
    ``fault = "refused"`` it points at a port nobody listens on.
    """

    def __init__(self, *, drip_interval: float = 0.3, delay: float = 0.0) -> None:
        self.fault = "ok"
        self.delay = delay
        """Seconds each normal answer waits (to hold connections busy)."""
        self.token = ""
        """With ``fault = "token"``: the token ``GET /api/login`` hands out and every
        other request must send as ``X-API-KEY`` (401 otherwise)."""
        self.logins = 0
        self.login_status = 200
        """With ``fault = "token"``: the status a login answers (401: wrong password)."""
        self.login_delay = 0.0
        """With ``fault = "token"``: seconds a login takes."""
        self.drip_interval = drip_interval
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        self.port = self._sock.getsockname()[1]
        # Bound but never listening: a connection is refused, and no other server (a
        # parallel test's) can take the port meanwhile.
        self._unheard = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._unheard.bind(("127.0.0.1", 0))
        self._closed_port = self._unheard.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def base_url(self) -> str:
        """Where a client should send its requests."""
        port = self._closed_port if self.fault == "refused" else self.port
        return f"http://127.0.0.1:{port}/api"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._sock.close()
        self._unheard.close()

    def writes(self) -> list[Received]:
        """The requests received that were not GETs."""
        with self._lock:
            return [r for r in self.received if r.method != "GET"]

    def reset_log(self) -> None:
        """Forget the requests received so far."""
        with self._lock:
            self.received.clear()

    # -- serving ------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            with conn:
                conn.settimeout(10)
                while True:
                    slow = self.fault == "slow_upload"
                    request = _read_request(conn, slow=self.drip_interval if slow else 0.0)
                    if request is None:
                        return
                    with self._lock:
                        self.received.append(request)
                    if not self._answer(conn, request):
                        return
        except OSError:
            return

    def _answer(self, conn: socket.socket, request: Received) -> bool:
        """Send the scripted answer; False when the connection is done."""
        fault = self.fault
        if fault == "token":
            return self._token_answer(conn, request)
        if fault in ("ok", "refused"):
            conn.sendall(_response(200, _OK))
        elif fault == "reset_before_headers":
            _reset(conn)
            return False
        elif fault == "reset_after_headers":
            conn.sendall(_head(200, {"Content-Length": "500"}))
            time.sleep(0.01)
            _reset(conn)
            return False
        elif fault in ("truncated_body", "short_content_length", "answered_then_cut"):
            conn.sendall(_head(200, {"Content-Length": str(len(_OK) + 400)}) + _OK[:10])
            conn.shutdown(socket.SHUT_RDWR)
            return False
        elif fault == "slow_drip":
            conn.sendall(_head(200, {"Content-Length": "100000"}))
            for _ in range(1000):
                if self._stop.is_set():
                    return False
                conn.sendall(b" ")
                time.sleep(self.drip_interval)
            return False
        elif fault == "gzip_bomb":
            conn.sendall(_response(200, _bomb(), {"Content-Encoding": "gzip, gzip"}))
        elif fault in ("head_drip", "processing_flood"):
            unit = b"HTTP/1.1 102 Processing\r\n\r\n" if fault == "processing_flood" else b"H"
            for _ in range(100_000):
                if self._stop.is_set():
                    return False
                conn.sendall(unit)
                time.sleep(self.drip_interval)
            return False
        elif fault == "slow_upload":
            conn.sendall(_response(200, _OK))
        elif fault == "bad_gzip":
            conn.sendall(_response(200, b"this is not gzip", {"Content-Encoding": "gzip"}))
        elif fault == "huge_header":
            conn.sendall(_response(200, _OK, {"X-Huge": "a" * 64 * 1024}))
        elif fault == "deep_json":
            conn.sendall(_response(200, b"[" * 50_000 + b"]" * 50_000))
        elif fault == "huge_numbers":
            body = b'{"ok": true, "data": {"id": 1e400, "name": 1e400, "created": -1e400}}'
            conn.sendall(_response(200, body))
        elif fault == "odd_rate_limit_headers":
            headers = {
                "X-RateLimit-Remaining": "inf",
                "X-RateLimit-Limit": "1e400",
                "X-RateLimit-Reset": "1e18",
                "Retry-After": "nan",
            }
            conn.sendall(_response(200, _OK, headers))
        elif fault == "redirect_loop":
            conn.sendall(_response(302, b"", {"Location": request.path}))
        elif fault == "storm_503":
            conn.sendall(_response(503, b'{"error": "busy"}'))
        elif fault == "storm_503_retry_after":
            conn.sendall(_response(503, b'{"error": "busy"}', {"Retry-After": "3"}))
        elif fault == "storm_500":
            conn.sendall(_response(500, b"<html><body>oops</body></html>"))
        else:  # pragma: no cover - a typo in a test
            raise ValueError(f"unknown fault {fault!r}")
        return True

    def _token_answer(self, conn: socket.socket, request: Received) -> bool:
        if request.path.endswith("/login"):
            with self._lock:
                self.logins += 1
            if self.login_delay:
                time.sleep(self.login_delay)
            if self.login_status != 200:
                body = b'{"error": "wrong password"}'
                conn.sendall(_response(self.login_status, body))
                return True
            with self._lock:
                self.token = f"token-{self.logins}"
                body = f'{{"token": "{self.token}"}}'.encode()
            conn.sendall(_response(200, body))
            return True
        if request.headers.get("x-api-key") != self.token:
            conn.sendall(_response(401, b'{"error": "token expired"}'))
            return True
        time.sleep(self.delay)
        conn.sendall(_response(200, _OK))
        return True

    def expire(self) -> None:
        """Invalidate the current token (the next request with it gets 401)."""
        with self._lock:
            self.token = "expired"


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    """A few KB of gzip inside gzip that inflates to 1 GiB of zeros.

    The inner stream repeats one flushed deflate block (1 MiB of zeros) 1,024 times,
    so it is built in milliseconds; its trailer is never reached by a reader that
    stops at its limit.
    """
    if not _BOMB:
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        block = packer.compress(b"\0" * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
        end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        inner = header + block * 1024 + end + struct.pack("<II", 0, 0)
        _BOMB.append(gzip.compress(inner, compresslevel=9))
    return _BOMB[0]


def _read_request(conn: socket.socket, slow: float = 0.0) -> Received | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(rest) < length:
        if slow:
            time.sleep(slow)  # a server that reads an upload slowly
        chunk = conn.recv(1024 if slow else 65536)
        if not chunk:
            break
        rest += chunk
    return Received(method, path, rest[:length], headers)


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _response(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    merged = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    merged.update(headers or {})
    return _head(status, merged) + body


def _reset(conn: socket.socket) -> None:
    # SO_LINGER 0: close with a TCP RST instead of a clean FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
