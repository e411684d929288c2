"""IVR key-press scripts (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ...._core import AsyncAPIResource, AsyncPager, check_int, check_text, drop_none, operation
from ...types.call_center import KeyInteraction, KeyScript

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncKeyInteractions"]


def _script_body(
    script_name: str,
    greeting_id: str,
    scripts: Sequence[KeyScript | Mapping[str, Any]],
    time_out: int,
    max_failure: int,
) -> dict[str, Any]:
    if isinstance(scripts, (str, bytes, Mapping)) or not isinstance(scripts, Sequence):
        raise TypeError("scripts must be a list of KeyScript or dicts")
    steps = []
    try:
        for item in scripts:
            step = item if isinstance(item, KeyScript) else KeyScript.model_validate(item)
            if not step.ivr:
                raise ValueError("every script needs its key in 'ivr' ('1', '2', ...)")
            steps.append(step.model_dump(mode="json", exclude_none=True))
    except ValidationError as exc:
        raise ValueError(f"invalid script: {exc}") from None
    return {
        "script_name": check_text("script_name", script_name),
        "greeting_id": check_text("greeting_id", greeting_id),
        "scripts": steps,
        "time_out": check_int("time_out", time_out, low=0),
        "max_failure": check_int("max_failure", max_failure, low=0),
    }


class AsyncKeyInteractions(AsyncAPIResource):
    """IVR key-press scripts: a greeting, then keys leading to groups or other scripts."""

    @operation("GET", "/api/call_center/key-interaction/list", paged=True)
    def list(
        self,
        *,
        keyword: str | None = None,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[KeyInteraction]:
        """List key-press scripts; pages follow lazily."""
        params = drop_none(keyword=keyword, page=page, size=size)
        return self._paginate(self.list, item=KeyInteraction, params=params, options=options)

    @operation("POST", "/api/call_center/key-interaction/add")
    async def create(
        self,
        *,
        script_name: str,
        greeting_id: str,
        scripts: Sequence[KeyScript | Mapping[str, Any]],
        time_out: int = 3,
        max_failure: int = 1,
        **options: Unpack[RequestOptions],
    ) -> KeyInteraction:
        """Create a key-press script (``script_name`` must be unique).

        ``scripts`` items: ``KeyScript(ivr="1", action_type="Ring_group", action=group_id)``
        or ``action_type="Ivr_menu"`` with another script's id.
        """
        body = _script_body(script_name, greeting_id, scripts, time_out, max_failure)
        return await self._call(self.create, body=body, cast_to=KeyInteraction, options=options)

    @operation("POST", "/api/call_center/key-interaction/update/{id}")
    async def update(
        self,
        id: str,
        *,
        script_name: str,
        greeting_id: str,
        scripts: Sequence[KeyScript | Mapping[str, Any]],
        time_out: int = 3,
        max_failure: int = 1,
        **options: Unpack[RequestOptions],
    ) -> KeyInteraction:
        """Replace a key-press script."""
        body = _script_body(script_name, greeting_id, scripts, time_out, max_failure)
        return await self._call(
            self.update, path={"id": id}, body=body, cast_to=KeyInteraction, options=options
        )

    @operation("DELETE", "/api/call_center/key-interaction/delete/{id}")
    async def delete(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a key-press script."""
        await self._call(self.delete, path={"id": id}, options=options)
