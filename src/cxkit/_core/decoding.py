"""Content-Encoding decoded as it arrives, within the size limit (pure).

httpx inflates each network chunk whole, so a few kilobytes of stacked gzip can
become gigabytes in one call. Here every layer inflates at most ``limit + 1``
bytes per call, so a bomb is refused after ``limit`` bytes of work, whatever
the ratio or the number of layers.
"""

from __future__ import annotations

import zlib

__all__ = ["ACCEPT_ENCODING", "BodyDecoder", "DecodeError", "TooLarge"]

ACCEPT_ENCODING = "gzip, deflate"
"""What the client asks for: the encodings :class:`BodyDecoder` reads."""

_MAX_LAYERS = 3


class DecodeError(Exception):
    """The body is not what its Content-Encoding says, or the encoding is unknown."""


class TooLarge(Exception):
    """Decoding would pass the limit."""


class _Layer:
    def __init__(self, name: str) -> None:
        self.name = name
        wbits = 16 + zlib.MAX_WBITS if name in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._inflater = zlib.decompressobj(wbits)
        self._started = False
        self.produced = 0

    def feed(self, data: bytes, limit: int) -> bytes:
        if not data:
            return b""
        room = limit - self.produced + 1
        try:
            out = self._inflater.decompress(data, room)
        except zlib.error:
            if self.name != "deflate" or self._started:
                raise DecodeError(f"the body is not valid {self.name}") from None
            # Servers send "deflate" both zlib-wrapped and raw; httpx reads both too.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self.feed(data, limit)
        self._started = True
        self.produced += len(out)
        if self.produced > limit:
            raise TooLarge
        return out

    def flush(self, limit: int) -> bytes:
        try:
            out = self._inflater.flush()
        except zlib.error:
            raise DecodeError(f"the body is not valid {self.name}") from None
        self.produced += len(out)
        if self.produced > limit:
            raise TooLarge
        return out


class BodyDecoder:
    """Decodes the layers a ``Content-Encoding`` header names, each capped at ``limit``."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        names = [n.strip().lower() for n in content_encoding.split(",")]
        names = [n for n in names if n and n != "identity"]
        unknown = [n for n in names if n not in ("gzip", "x-gzip", "deflate")]
        if unknown:
            raise DecodeError(f"unsupported Content-Encoding {', '.join(unknown)}")
        if len(names) > _MAX_LAYERS:
            raise DecodeError(f"more than {_MAX_LAYERS} stacked Content-Encodings")
        # The last encoding named was applied last: it comes off first.
        self._layers = [_Layer(n) for n in reversed(names)]
        self._limit = limit

    @property
    def identity(self) -> bool:
        """Whether the body is sent as is."""
        return not self._layers

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes this raw chunk yields."""
        for layer in self._layers:
            chunk = layer.feed(chunk, self._limit)
        return chunk

    def flush(self) -> bytes:
        """What remains once the raw body has ended."""
        out = b""
        for index, layer in enumerate(self._layers):
            tail = layer.flush(self._limit)
            # What an outer layer releases at the end still passes the inner ones,
            # which flush in their own turn.
            for inner in self._layers[index + 1 :]:
                tail = inner.feed(tail, self._limit)
            out += tail
        return out
