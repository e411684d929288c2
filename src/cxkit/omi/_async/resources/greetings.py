"""Recording (greeting) files (async source; the sync twin is generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    FileInput,
    check_int,
    check_text,
    drop_none,
    model_or_value,
    operation,
    to_file,
)
from ..._answers import one
from ...types.call_center import Greeting, Voice

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncGreetings", "mp3_file"]

MAX_TTS_CHARS = 300
"""The longest text the text-to-speech endpoint reads."""


def _looks_like_mp3(content: bytes) -> bool:
    if content[:3] == b"ID3":
        return True
    # An MPEG audio frame starts with 11 set sync bits.
    return len(content) >= 2 and content[0] == 0xFF and (content[1] & 0xE0) == 0xE0


def mp3_file(file: FileInput) -> tuple[str, bytes, str]:
    """``file`` as an mp3 upload part; anything that is not an mp3 raises ``ValueError``."""
    name, content, _ = to_file(file, field="file")
    if not isinstance(content, (bytes, bytearray)):
        raise TypeError("file: content must be bytes")
    if name == "upload.bin":
        name = "greeting.mp3"
    if not name.lower().endswith(".mp3"):
        raise ValueError(f"file: OMI accepts mp3 files only, got {name!r}")
    if not _looks_like_mp3(bytes(content)):
        raise ValueError(f"file: {name!r} is not mp3 audio (no ID3 tag or MPEG frame header)")
    return name, bytes(content), "audio/mpeg"


class AsyncGreetings(AsyncAPIResource):
    """Recording (greeting) files played by groups and IVR scripts."""

    @operation("GET", "/api/call_center/greeting/list", paged=True)
    def list(
        self, *, page: int | None = None, size: int | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPager[Greeting]:
        """List recording files; pages follow lazily."""
        return self._paginate(
            self.list, item=Greeting, params=drop_none(page=page, size=size), options=options
        )

    @operation("POST", "/api/call_center/greeting/upload", unwrap="file")
    async def upload(
        self,
        file: FileInput,
        *,
        greeting_name: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Greeting | None:
        """Upload an mp3 recording (multipart ``file``); other formats raise ``ValueError``."""
        part = mp3_file(file)
        params = drop_none(
            greeting_name=check_text("greeting_name", greeting_name)
            if greeting_name is not None
            else None
        )
        data = await self._call(
            self.upload,
            params=params,
            files={"file": part},
            cast_to=model_or_value(Greeting),
            options=options,
        )
        return one(self._client._parse, Greeting, data)

    @operation("POST", "/api/call_center/greeting/upload-text-to-speech", unwrap="file")
    async def text_to_speech(
        self,
        *,
        greeting_name: str,
        text: str,
        voice: Voice = "banmai",
        speed: int = 0,
        **options: Unpack[RequestOptions],
    ) -> Greeting:
        """Make a recording by text-to-speech: ``text`` (<= 300 chars) read by ``voice``.

        ``speed`` runs from -3 (slowest) to 3; voices: ``banmai`` (northern female),
        ``leminh`` (northern male), ``lannhi`` (southern female).
        """
        if not isinstance(text, str) or not text.strip():
            raise ValueError("text must be a non-empty string")
        if len(text) > MAX_TTS_CHARS:
            raise ValueError(f"text must be at most {MAX_TTS_CHARS} characters")
        if not isinstance(voice, str) or not voice.strip():
            raise ValueError("voice must be a voice name such as 'banmai'")
        body = {"text": text, "voice": voice, "speed": check_int("speed", speed, low=-3, high=3)}
        params = {"greeting_name": _name(greeting_name)}
        return await self._call(
            self.text_to_speech, params=params, body=body, cast_to=Greeting, options=options
        )

    @operation("DELETE", "/api/call_center/greeting/delete/{id}")
    async def delete(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a recording file."""
        await self._call(self.delete, path={"id": _name(id, "id")}, options=options)


def _name(value: Any, name: str = "greeting_name") -> str:
    return check_text(name, value)
