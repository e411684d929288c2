"""Contacts (customers) API v1 and the contact layout (async source; the sync twin is generated)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    NotFoundError,
    check_list,
    check_text,
    drop_none,
    model_or_value,
    operation,
)
from ..._answers import one, required
from ...types.common import WriteResult
from ...types.contacts import (
    Contact,
    ContactEmail,
    ContactFilter,
    ContactInput,
    ContactLayoutField,
    ContactNote,
    ContactPhone,
    ContactSearchResult,
    CustomInfo,
    DynamicAttribute,
    Gender,
    as_contact_input,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncContactLayout", "AsyncContacts"]

EmailInput = ContactEmail | Mapping[str, Any] | str
PhoneInput = ContactPhone | Mapping[str, Any] | str


def _filters(filters: Sequence[ContactFilter | Mapping[str, Any]]) -> list[dict[str, Any]]:
    of = "ContactFilter (or {field_code, value} dicts)"
    return check_list("filters", filters, _filter, empty=True, of=of)


def _filter(name: str, item: ContactFilter | Mapping[str, Any]) -> dict[str, Any]:
    model = item if isinstance(item, ContactFilter) else ContactFilter.model_validate(item)
    return {"field_code": model.field_code, "value": list(model.value)}


def _contact_body(**fields: Any) -> dict[str, Any]:
    values = {k: v for k, v in fields.items() if v is not None}
    try:
        return ContactInput.model_validate(values).to_body()
    except ValidationError as exc:
        raise ValueError(f"invalid contact: {exc}") from None


class AsyncContacts(AsyncAPIResource):
    """Contacts (customers)."""

    @operation("POST", "/api/contacts/list", paged=True, idempotent=True)
    def list(
        self,
        *,
        keyword: str | None = None,
        filters: Sequence[ContactFilter | Mapping[str, Any]] | None = None,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[ContactSearchResult]:
        """Search contacts by keyword (phone, e-mail or name) and filters; pages follow lazily.

        ``size`` defaults to 50 on the server.
        """
        body = drop_none(keyword=keyword, filters=_filters(filters) if filters else None)
        return self._paginate(
            self.list,
            item=ContactSearchResult,
            params=drop_none(page=page, size=size),
            body=body,
            options=options,
        )

    @operation("POST", "/api/contacts/add")
    async def create(
        self,
        *,
        full_name: str | None = None,
        phones: Sequence[PhoneInput] | None = None,
        emails: Sequence[EmailInput] | None = None,
        tags: Sequence[str] | None = None,
        gender: Gender | None = None,
        birthday: date | str | None = None,
        address: str | None = None,
        passport: str | None = None,
        job_title: str | None = None,
        note: str | None = None,
        user_owner_email: str | None = None,
        ref_id: str | None = None,
        ref_code: str | None = None,
        more_information: Sequence[CustomInfo | Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Contact | None:
        """Create a contact. Phones and e-mails may be plain strings."""
        body = _contact_body(
            full_name=full_name,
            phones=phones,
            emails=emails,
            tags=tags,
            gender=gender,
            birthday=birthday,
            address=address,
            passport=passport,
            job_title=job_title,
            note=note,
            user_owner_email=user_owner_email,
            ref_id=ref_id,
            ref_code=ref_code,
            more_information=more_information,
        )
        if not body:
            raise ValueError("contacts.create: give at least one field")
        data = await self._call(
            self.create, body=body, cast_to=model_or_value(Contact), options=options
        )
        return one(self._client._parse, Contact, data)

    @operation("POST", "/api/contacts/add-more")
    async def create_many(
        self,
        contacts: Sequence[ContactInput | Mapping[str, Any]],
        **options: Unpack[RequestOptions],
    ) -> WriteResult:
        """Create many contacts in one call; OMI processes them asynchronously.

        Each item is a :class:`ContactInput` or a dict (API or snake_case names;
        unknown keys are refused before sending). The docs show no answer: it is
        kept in :attr:`WriteResult.payload`.
        """
        of = "ContactInput or dicts"
        body = check_list("contacts", contacts, lambda _, c: as_contact_input(c).to_body(), of=of)
        data = await self._call(self.create_many, body=body, cast_to=Any, options=options)
        return WriteResult(payload=data)

    @operation("POST", "/api/contacts/update")
    async def update(
        self,
        *,
        ref_id: str,
        full_name: str | None = None,
        phones: Sequence[PhoneInput] | None = None,
        emails: Sequence[EmailInput] | None = None,
        tags: Sequence[str] | None = None,
        gender: Gender | None = None,
        birthday: date | str | None = None,
        address: str | None = None,
        passport: str | None = None,
        note: str | None = None,
        user_owner_email: str | None = None,
        more_information: Sequence[CustomInfo | Mapping[str, Any]] | None = None,
        dynamic_attributes: Sequence[DynamicAttribute | Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Contact | None:
        """Update a contact, found by ``ref_id`` (the only identifier the docs give)."""
        body = _contact_body(
            ref_id=ref_id,
            full_name=full_name,
            phones=phones,
            emails=emails,
            tags=tags,
            gender=gender,
            birthday=birthday,
            address=address,
            passport=passport,
            note=note,
            user_owner_email=user_owner_email,
            more_information=more_information,
            dynamic_attributes=dynamic_attributes,
        )
        data = await self._call(
            self.update, body=body, cast_to=model_or_value(Contact), options=options
        )
        return one(self._client._parse, Contact, data)

    @operation("DELETE", "/api/contacts/delete/{id}")
    async def delete(self, id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a contact by id."""
        await self._call(self.delete, path={"id": id}, options=options)

    @operation("POST", "/api/contacts/add-note")
    async def add_note(
        self,
        *,
        phone: str | None = None,
        content: str | None = None,
        note_by: str | None = None,
        notes: Sequence[ContactNote | Mapping[str, Any]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> WriteResult:
        """Add note interactions: one (``phone``, ``content``, ``note_by``) or many (``notes``).

        The docs show no answer: it is kept in :attr:`WriteResult.payload`.
        """
        single = phone is not None or content is not None or note_by is not None
        if single == (notes is not None):
            raise ValueError("contacts.add_note: pass phone= and content=, or notes=[...]")
        items: Sequence[ContactNote | Mapping[str, Any]]
        if notes is None:
            items = [drop_none(phone=phone, content=content, note_by=note_by)]
        elif isinstance(notes, (str, bytes, Mapping)) or not isinstance(notes, Sequence):
            raise TypeError("notes must be a list of ContactNote or dicts")
        else:
            items = notes
        if not items:
            raise ValueError("contacts.add_note: give at least one note")
        body = [ContactNote.coerce(n, name="note").to_body() for n in items]
        data = await self._call(self.add_note, body=body, cast_to=Any, options=options)
        return WriteResult(payload=data)

    @operation("GET", "/api/contacts/get")
    async def find(
        self,
        *,
        phone: str | None = None,
        ref_id: str | None = None,
        ref_code: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Contact | None:
        """Find a contact by phone number or by your own id/code (``ref_id``/``ref_code``).

        ``None`` when no contact matches (a "not found" answer is not raised).
        """
        params = drop_none(phone=phone, ref_id=ref_id, ref_code=ref_code)
        if not params:
            raise ValueError("contacts.find: pass phone=, ref_id= or ref_code=")
        for name, value in params.items():
            check_text(name, value)
        try:
            data = await self._call(
                self.find, params=params, cast_to=model_or_value(Contact), options=options
            )
        except NotFoundError:
            return None
        return one(self._client._parse, Contact, data)

    @operation("GET", "/api/contacts/details/{id}")
    async def get(self, id: str, **options: Unpack[RequestOptions]) -> Contact:
        """Get a contact by id; :class:`~cxkit.NotFoundError` when there is none."""
        data = await self._call(self.get, path={"id": id}, cast_to=Contact | None, options=options)
        return required(self._client._parse, Contact, data, what=f"contact {id!r}")


class AsyncContactLayout(AsyncAPIResource):
    """The contact layout: dynamic attributes (custom contact fields)."""

    @operation("GET", "/api/source_contact_layout/get", listing=True)
    async def list(self, **options: Unpack[RequestOptions]) -> list[ContactLayoutField]:
        """List the dynamic attributes; their ``field_code`` is used by ``contacts.update``."""
        return await self._call(self.list, cast_to=list[ContactLayoutField], options=options)
