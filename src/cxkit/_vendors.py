"""The vendor registry: the one list of vendor packages.

``scripts/gen_raw.py``, the cross-vendor tests (vocabulary, public types,
idempotency review, tolerance, dialect fuzzing) and the docs harness read it; a
vendor missing here is missing from all of them, so a new vendor is one entry in
:data:`VENDORS`. Entries name modules and classes as text, so reading the registry
imports no vendor.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import Any

__all__ = ["TEMPLATE", "VENDORS", "Probe", "Vendor", "get", "register", "registered", "vendors"]


@dataclass(frozen=True)
class Probe:
    """One resource the cross-vendor checks call on every vendor: a get by id, the
    first page of a list and a create."""

    resource: str
    """The resource attribute on the client (``cases``)."""
    get_id: Any
    """An id to get."""
    create: Mapping[str, Any]
    """Keyword arguments of a valid ``create``."""


@dataclass(frozen=True)
class Vendor:
    """What cross-vendor tooling needs to know about one vendor package."""

    name: str
    """The vendor's short name, as its dialect's ``vendor`` says (``omnidesk``)."""
    package: str
    """The package (``cxkit.omnidesk``), exporting both clients and ``OPERATIONS``."""
    client: str
    """The sync client class; the async one is ``"Async" + client``."""
    fake: str
    """The fake, as ``module:Class`` (``cxkit.testing.omnidesk:FakeOmnidesk``)."""
    guide: str
    """The guide, relative to the repository root (``docs/omnidesk.md``)."""
    credentials: Mapping[str, Any]
    """Placeholder constructor arguments that build a client offline (with a transport)."""
    probe: Probe
    """The resource the cross-vendor checks call."""
    verbs: frozenset[str] = frozenset()
    """Operation names (their last part) beyond list/get/create/update/delete/find:
    each a reviewed choice of the vendor's own verb."""
    not_replayed: frozenset[str] = frozenset()
    """PUT/PATCH/DELETE operations declared ``idempotent=False`` (reviewed)."""
    replayed_posts: frozenset[str] = frozenset()
    """POST operations declared ``idempotent=True`` (reviewed)."""
    fake_options: Mapping[str, Any] = field(default_factory=dict)
    """Arguments the docs harness builds the fake with (besides a fake clock)."""
    fake_client_options: frozenset[str] = frozenset()
    """Options a fake's ``client()`` takes beyond the common ``FakeClientOptions``."""

    @property
    def async_client(self) -> str:
        """The async client class name."""
        return "Async" + self.client

    def module(self) -> ModuleType:
        """The vendor package, imported."""
        return importlib.import_module(self.package)

    def client_classes(self) -> tuple[type[Any], type[Any]]:
        """``(sync client class, async client class)``."""
        module = self.module()
        return getattr(module, self.client), getattr(module, self.async_client)

    def fake_class(self) -> type[Any]:
        """The fake's class, imported."""
        module, _, name = self.fake.partition(":")
        cls: type[Any] = getattr(importlib.import_module(module), name)
        return cls


VENDORS: list[Vendor] = [
    Vendor(
        name="omnidesk",
        package="cxkit.omnidesk",
        client="Omnidesk",
        fake="cxkit.testing.omnidesk:FakeOmnidesk",
        guide="docs/omnidesk.md",
        credentials=MappingProxyType({"domain": "acme", "email": "bot@acme.test", "api_key": "k"}),
        probe=Probe("cases", 7, {"subject": "s", "content": "c", "user_email": "u@acme.test"}),
        verbs=frozenset(
            {
                *("trash", "spam", "restore", "block", "disable", "enable", "moveup"),
                *("movedown", "bulk_update", "bulk_trash", "bulk_spam", "bulk_restore"),
                *("set_official_response", "delete_official_response", "staff_leaderboard"),
                *("groups_leaderboard", "rate", "identify", "link", "unlink", "leaderboard"),
                "satisfaction",
            }
        ),
        not_replayed=frozenset(
            f"{resource}.{verb}"
            for resource in ("kb_articles", "kb_categories", "kb_sections")
            for verb in ("moveup", "movedown")
        ),
        fake_options=MappingProxyType({"staff_count": 15}),
    ),
    Vendor(
        name="omi",
        package="cxkit.omi",
        client="Omi",
        fake="cxkit.testing.omi:FakeOmi",
        guide="docs/omi.md",
        credentials=MappingProxyType(
            {"base_url": "https://public-v1-stg.omicall.com", "token": "t"}
        ),
        probe=Probe("contacts", "c1", {"full_name": "A B"}),
        verbs=frozenset(
            {
                *("add_members", "remove_members", "add_note", "create_many", "upload"),
                *("text_to_speech", "assign_extension", "update_status"),
            }
        ),
        replayed_posts=frozenset({"contacts.list"}),
    ),
    Vendor(
        name="thulium",
        package="cxkit.thulium",
        client="Thulium",
        fake="cxkit.testing.thulium:FakeThulium",
        guide="docs/thulium.md",
        credentials=MappingProxyType({"system": "acme", "username": "u", "password": "p"}),
        probe=Probe("customers", 7, {"surname": "Kowalski"}),
        verbs=frozenset(
            {
                # agent phone and status actions
                *("answer", "call", "call_preview", "free", "hangup", "hold", "unhold", "login"),
                *("logout", "mute", "unmute", "pause", "stop_recording", "transfer"),
                # chat conversations, campaigns and their records
                *("start", "stop", "copy_notes", "add", "remove", "set", "clone"),
                "update_status",
            }
        ),
        replayed_posts=frozenset({"outbounds.agents.set", "tags.create"}),
        fake_client_options=frozenset({"language", "time_zone"}),
    ),
    Vendor(
        name="omnicxm",
        package="cxkit.omnicxm",
        client="OmniCXM",
        fake="cxkit.testing.omnicxm:FakeOmniCXM",
        guide="docs/omnicxm.md",
        credentials=MappingProxyType({"secret_key": "k"}),
        probe=Probe("tickets", "t1", {"subject": "s", "content": "c"}),
        verbs=frozenset(
            {
                *("login", "logout", "me", "check", "check_special", "update_password"),
                *("update_avatar", "get_api_sample", "read", "search", "convert", "do"),
                *("pause", "unlink", "count_by_source", "count_by_state", "unread_counts"),
            }
        ),
        not_replayed=frozenset(
            {"tickets.update", "tickets.comments.update", "users.update_password"}
        ),
        replayed_posts=frozenset(
            {
                *("cdr.list", "custom_fields.get_api_sample", "custom_fields.links.get"),
                *("objects.read", "omnichat.messages.list", "omnichat.messages.search"),
                *("omnichat.quick_responses.list", "omnichat.rooms.count_by_source"),
                *("omnichat.rooms.list", "omnichat.rooms.unread_counts", "permissions.check"),
                *("tags.read", "tickets.files.list", "tickets.read"),
            }
        ),
        fake_client_options=frozenset({"time_zone"}),
    ),
]
"""The vendors cxkit ships, in the order tools list them."""

TEMPLATE = Vendor(
    name="template",
    package="cxkit._template",
    client="Template",
    fake="cxkit.testing._template:FakeTemplate",
    guide="docs/template.md",
    credentials=MappingProxyType({"api_key": "k"}),
    probe=Probe("items", 7, {"name": "n"}),
    verbs=frozenset({"moveup"}),
    not_replayed=frozenset({"items.moveup"}),
)
"""The template vendor (``cxkit._template``): not shipped as a vendor, but complete,
so the tests register it to prove that one entry is all a vendor needs."""


def vendors() -> tuple[Vendor, ...]:
    """The registered vendors."""
    return tuple(VENDORS)


def get(name: str) -> Vendor:
    """The registered vendor called ``name``."""
    for vendor in VENDORS:
        if vendor.name == name:
            return vendor
    raise KeyError(f"no vendor {name!r} is registered")


def register(vendor: Vendor) -> None:
    """Add ``vendor`` to the registry (replacing one of the same name)."""
    VENDORS[:] = [v for v in VENDORS if v.name != vendor.name] + [vendor]


@contextmanager
def registered(vendor: Vendor) -> Iterator[Vendor]:
    """``vendor`` registered for the duration of a ``with`` block."""
    before = list(VENDORS)
    register(vendor)
    try:
        yield vendor
    finally:
        VENDORS[:] = before
