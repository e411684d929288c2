"""Custom fields (async source; the sync twin is generated)."""

from __future__ import annotations

import builtins
import json
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ...._core import AsyncAPIResource, check_choice, check_text, drop_none, operation
from ..._dialect import OmniCXMHints
from ...types.custom_fields import DataSource, FieldGroup, FieldLink, FieldModule
from ...types.users import Language

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncCustomFields", "AsyncDataSources", "AsyncFieldLinks"]

SampleType = Literal["create", "update"]


class AsyncFieldLinks(AsyncAPIResource):
    """Links between dropdown fields."""

    # The request line says GET; the vendor's curl example (and PHP, axios) send
    # POST with a JSON body: following curl.
    @operation("POST", "/settings/customfields/field/link", unwrap="data", idempotent=True)
    async def get(self, id: str, **options: Unpack[RequestOptions]) -> FieldLink:
        """The link of a linked-dropdown field (``id`` from ``custom_fields.list``).

        A read-only POST, so it is retried like a GET.
        """
        return await self._call(self.get, body={"id": id}, cast_to=FieldLink, options=options)


class AsyncDataSources(AsyncAPIResource):
    """Data sources of dropdown fields."""

    # The table files ``id`` under "Request Body"; the curl example sends it in the query.
    @operation("GET", "/settings/customfields/DataSource", auth="token", unwrap="data")
    async def get(self, id: str, **options: Unpack[RequestOptions]) -> DataSource:
        """The values of a dropdown's data source (``id`` is the field's ``idDropDown``)."""
        return await self._call(self.get, params={"id": id}, cast_to=DataSource, options=options)


class AsyncCustomFields(AsyncAPIResource):
    """Field groups and fields of the CRM and ticket modules."""

    @cached_property
    def links(self) -> AsyncFieldLinks:
        """Links between dropdown fields."""
        return AsyncFieldLinks(self._client)

    @cached_property
    def data_sources(self) -> AsyncDataSources:
        """Data sources of dropdown fields."""
        return AsyncDataSources(self._client)

    # The docs put module/lang/category in a "Request Body" table of this GET and
    # their curl example sends none of them; like DataSource's ``id`` (same kind of
    # table, sent in the query by the vendor's example) they go in the query.
    @operation("GET", "/settings/customfields/field", unwrap="data")
    async def list(
        self,
        *,
        module: FieldModule | None = None,
        lang: Language | None = None,
        category: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[FieldGroup]:
        """The field groups of ``module`` (``accounts``, ``contacts``, ``leads``, ``tickets``)
        and their fields; ``category`` narrows ticket fields to a category.

        The docs mark ``module`` required, but their own example sends nothing.
        """
        params = drop_none(
            module=check_choice("module", module, FieldModule),
            lang=check_choice("lang", lang, Language),
            category=check_text("category", category) if category is not None else None,
        )
        return await self._call(
            self.list, params=params, cast_to=builtins.list[FieldGroup], options=options
        )

    @operation(
        "POST",
        "/settings/customfields/field/apisample",
        auth="token",
        idempotent=True,
        hints=OmniCXMHints(raw_text=True),
    )
    async def get_api_sample(
        self,
        *,
        module: FieldModule,
        type: SampleType,
        required: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> str:
        """A ready-made cURL sample for creating or updating a ``module`` record with
        the account's fields (``required=True``: required fields only).

        The docs say the answer is raw cURL text; a JSON answer's ``data`` is returned
        as text too.
        """
        body = drop_none(
            module=check_choice("module", module, FieldModule),
            type=check_choice("type", type, SampleType),
            required=required,
        )
        if required is not None and not isinstance(required, bool):
            raise TypeError("required must be a bool")
        data: Any = await self._call(self.get_api_sample, body=body, cast_to=Any, options=options)
        if isinstance(data, dict) and "data" in data:
            data = data["data"]
        if isinstance(data, str):
            return data
        return json.dumps(data, ensure_ascii=False)
