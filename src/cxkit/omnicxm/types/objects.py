"""CRM objects (accounts, contacts, leads and other modules) and their input groups."""

from __future__ import annotations

from typing import Any, TypedDict

from pydantic import AliasChoices, Field

from .common import CustomFieldsModel, Stamp

__all__ = [
    "CRMObject",
    "ObjectAddress",
    "ObjectBasicInfo",
    "ObjectOtherFields",
    "ObjectOtherInfo",
    "ObjectSocial",
]


class CRMObject(CustomFieldsModel):
    """A record of a CRM module (account, contact, lead...).

    Only the fields every module shares are declared; the module's own and the
    account-defined fields (``first_name``, ``phone``, ``thongtinkhac``,
    ``address``...) are kept as sent: ``obj.value("address.city")``,
    ``obj.custom_fields``. ``module`` is filled by ``objects.get``.
    """

    id: str = Field(validation_alias=AliasChoices("_id", "id"), serialization_alias="_id")
    owner: str | None = None
    assignto: str | None = None
    assign_history: list[str] | None = None
    created: Stamp | None = None
    last_modified: Stamp | None = None
    collection: str | None = Field(default=None, alias="_collection")
    created_username: str | None = None
    last_modified_username: str | None = None
    owner_username: str | None = None
    tags_string: str | None = None
    module: str | None = None


class ObjectBasicInfo(TypedDict, total=False):
    """The ``basicinfo`` group as the docs' examples fill it; other keys are allowed.

    ``first_name`` is the create example's spelling, ``firstname`` the update one's.
    """

    first_name: str
    firstname: str
    last_name: str
    email: str
    phone: str
    account: str
    owner: str
    danhxung: str
    sourcedisplay: str
    status_basic: str


class ObjectOtherInfo(TypedDict, total=False):
    """The ``thongtinkhac`` ("other information") group of the create example.

    ``specialday`` takes epoch seconds or an aware ``datetime``.
    """

    specialday: Any
    salutation: str
    gender: str
    jobtitle: str
    department: str
    company: str
    workphone: str
    product_interest: str
    contactsource: str
    relationshiptype: str
    contactstatus: str
    idnumber: int
    scorenumber: int
    description: str
    tags: list[str]
    dongia: int
    chuso: int


class ObjectAddress(TypedDict, total=False):
    """One ``address`` entry."""

    country: str
    city: str
    district: str
    ward: str
    street: str
    zipcode: str


class ObjectSocial(TypedDict, total=False):
    """The ``mangxahoi`` (social networks) group."""

    facebook: str
    twitter: str
    instagram: str
    linkedin: str
    youtube: str
    skypeid: str
    website: str


class ObjectOtherFields(TypedDict, total=False):
    """The ``groupfieldother`` group of the create example."""

    socmndcccd: str
    hokhauthuongtru: str
    sotaikhoan: str
    nganhangdangky: str
    masothue: str
    tien2: int
