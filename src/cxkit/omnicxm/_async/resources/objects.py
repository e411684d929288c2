"""CRM objects: accounts, contacts, leads and other modules (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ...._core import AsyncAPIResource, AsyncPager, Created, drop_none, need_some, operation
from ..._checks import groups as check_groups
from ..._checks import jsonable, new_id
from ..._dialect import body_paged_read
from ...query import SortInput, Where, build_filter, build_sort
from ...types.objects import (
    CRMObject,
    ObjectAddress,
    ObjectBasicInfo,
    ObjectOtherFields,
    ObjectOtherInfo,
    ObjectSocial,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncObjects"]


def _group(name: str, value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping of field names to values")
    return dict(value)


def _addresses(value: Sequence[ObjectAddress | Mapping[str, Any]] | None) -> list[Any] | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return [dict(value)]
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError("address must be a list of address mappings")
    return [dict(item) for item in value]


class AsyncObjects(AsyncAPIResource):
    """Records of the CRM modules (``module`` is ``accounts``, ``contacts``, ``leads``...)."""

    @operation("GET", "/relationship/objects/{module}", auth="token", paged=True)
    def list(
        self,
        module: str,
        *,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CRMObject]:
        """All records of ``module``, ``take`` (at most 100) per page; pages follow lazily."""
        return self._paginate(
            self.list,
            item=CRMObject,
            path={"module": module},
            params=drop_none(take=take, page=page),
            options=options,
        )

    @operation("GET", "/crm/objects/{id}", auth="token")
    async def get(self, id: str, **options: Unpack[RequestOptions]) -> CRMObject:
        """A record by id, whatever its module (``result.module`` says which)."""
        data: Any = await self._call(self.get, path={"id": id}, cast_to=Any, options=options)
        record = dict(data.get("data") or {}) if isinstance(data, Mapping) else {}
        if isinstance(data, Mapping) and data.get("module") is not None:
            record.setdefault("module", data["module"])
        result: CRMObject = self._client._parse(CRMObject, record)
        return result

    @body_paged_read("/relationship/objects/read/{module}", auth="token")
    def read(
        self,
        module: str,
        *,
        where: Where | Mapping[str, Any] | None = None,
        sort: SortInput | None = None,
        take: int | None = None,
        page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[CRMObject]:
        """Records of ``module`` matching ``where``, in ``sort`` order; pages follow lazily.

        ``where=F("last_modified.time") >= since``, ``sort=("last_modified.time", "desc")``
        (see :mod:`cxkit.omnicxm.query`). A read-only POST, retried like a GET.
        """
        # The request line reads "POST /relationship/objects/read/" (no module); every
        # example (curl, PHP, axios) ends the path with the module: following curl.
        body = drop_none(
            take=take,
            page=page,
            filter=build_filter(where, self._client.time_zone),
            sort=build_sort(sort),
        )
        return self._paginate(
            self.read, item=CRMObject, path={"module": module}, body=body, options=options
        )

    @operation("POST", "/relationship/objects/{module}", auth="token")
    async def create(
        self,
        module: str,
        *,
        basicinfo: ObjectBasicInfo | Mapping[str, Any] | None = None,
        thongtinkhac: ObjectOtherInfo | Mapping[str, Any] | None = None,
        address: Sequence[ObjectAddress | Mapping[str, Any]] | None = None,
        mangxahoi: ObjectSocial | Mapping[str, Any] | None = None,
        groupfieldother: ObjectOtherFields | Mapping[str, Any] | None = None,
        groups: Mapping[str, Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Created[str]:
        """Create a ``module`` record from its field groups; returns the new id (``.id``).

        The groups are the account's (``custom_fields.list(module=...)``): ``basicinfo``,
        ``thongtinkhac`` (other information), ``address`` (a list), ``mangxahoi``
        (social networks), ``groupfieldother``; any other group goes in ``groups``.
        Aware datetimes become epoch seconds.
        """
        body = drop_none(
            basicinfo=_group("basicinfo", basicinfo),
            thongtinkhac=_group("thongtinkhac", thongtinkhac),
            address=_addresses(address),
            mangxahoi=_group("mangxahoi", mangxahoi),
            groupfieldother=_group("groupfieldother", groupfieldother),
        )
        body.update(_custom_groups(groups, body))
        need_some(body, "objects.create")
        data: Any = await self._call(
            self.create, path={"module": module}, body=jsonable(body), cast_to=Any, options=options
        )
        return Created[str](id=new_id(data, "data", "objects.create"))

    @operation("POST", "/services/omnichat/action/unlinkobject", auth="token")
    async def unlink(
        self,
        *,
        module: str,
        id: str,
        people_id: str,
        room_id: str,
        page_id: str,
        session_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Unlink record ``id`` of ``module`` from a chat person (its room, page and session)."""
        body = {
            "module": module,
            "id": id,
            "people_id": people_id,
            "room_id": room_id,
            "page_id": page_id,
            "session_id": session_id,
        }
        await self._call(self.unlink, body=body, options=options)

    # The docs' table says application/json; the vendor's curl example sends
    # multipart form fields group[field]: following curl. The path keeps the
    # documented capital O ("/relationship/Objects/...").
    @operation(
        "PUT",
        "/relationship/Objects/{module}/{id_object}",
        content_type="multipart/form-data",
    )
    async def update(
        self,
        module: str,
        id_object: str,
        *,
        basicinfo: ObjectBasicInfo | Mapping[str, Any] | None = None,
        groups: Mapping[str, Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change fields of a record: ``basicinfo={"last_name": ...}``, other groups in
        ``groups={"custom_group_field_1": {"textfield": ...}}``; only what is given is sent."""
        body = drop_none(basicinfo=_group("basicinfo", basicinfo))
        body.update(_custom_groups(groups, body))
        need_some(body, "objects.update")
        await self._call(
            self.update,
            path={
                "module": module,
                "id_object": id_object,
            },
            body=body,
            options=options,
        )


def _custom_groups(
    value: Mapping[str, Mapping[str, Any]] | None, body: Mapping[str, Any]
) -> dict[str, Any]:
    out = check_groups("groups", value)
    clash = set(out) & set(body)
    if clash:
        raise ValueError(f"groups repeats {', '.join(sorted(clash))}: pass it once")
    return out
