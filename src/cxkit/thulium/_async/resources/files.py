"""Temporary files: upload once, attach by token (async source; the sync twin is generated).

Inferred: the seed lists this endpoint in its index only. The file goes as a
``multipart/form-data`` part named ``file``, with its name in the ``filename``
query parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...._core import AsyncAPIResource, FileInput, operation, to_file
from ..._values import opt_text
from ...types.misc import TemporaryFile

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncTemporaryFiles"]


class AsyncTemporaryFiles(AsyncAPIResource):
    """Files kept on the server for a while (for ticket attachments and the like)."""

    @operation("POST", "/temporary_files", content_type="multipart/form-data")
    async def create(
        self,
        file: FileInput,
        *,
        filename: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TemporaryFile:
        """Upload ``file`` (a path, bytes, a binary file object or ``(name, content)``).

        Inferred (index-only in the seed). ``filename`` defaults to the file's own
        name. The content is read here, once, so a retried request sends the same
        bytes. Pass the returned ``token`` as an attachment.
        """
        # Thulium's public reference shows the bytes as a raw application/octet-stream
        # body; the core sends JSON, forms or multipart only, so this sends multipart
        # (a raw-body option in the core would let it match that reference).
        name, content, content_type = to_file(file, field="file")
        if not isinstance(content, (bytes, bytearray)):
            raise TypeError("file: the content must be bytes")
        filename = opt_text("filename", filename) or name
        return await self._call(
            self.create,
            params={"filename": filename},
            files={"file": (filename, bytes(content), content_type)},
            cast_to=TemporaryFile,
            options=options,
        )
