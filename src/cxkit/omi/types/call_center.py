"""Call-center configuration: internal phones, extensions, groups, IVR scripts, greetings."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr

from ..._core import CXModel, EpochMillis
from .common import Actor

__all__ = [
    "Extension",
    "Greeting",
    "GroupMember",
    "GroupStrategy",
    "InternalGroup",
    "InternalPhone",
    "KeyInteraction",
    "KeyScript",
    "PbxAccount",
    "Voice",
]

GroupStrategy = Literal["enterprise", "rollover", "random"]
"""How a group rings: ``enterprise`` all at once, ``rollover`` in turn, ``random``."""

Voice = Literal["banmai", "leminh", "lannhi"]
"""Text-to-speech voices: banmai (northern female), leminh (northern male), lannhi (southern female)."""

_ID = AliasChoices("_id", "id")
_CREATED_BY = AliasChoices("create_by", "created_by")
_UPDATED_BY = AliasChoices("last_update_by", "last_updated_by")


class InternalPhone(CXModel):
    """An internal phone (extension / SIP account); the password never prints."""

    domain: str | None = Field(default=None, description="PBX domain")
    outbound_proxy: str | None = None
    sip_user: str = Field(description="Extension number")
    password: SecretStr | None = None
    full_name: str | None = None
    agent_id: str | None = None
    email: str | None = None
    public_number: str | None = Field(default=None, description="Hotline number in use")
    created_date: EpochMillis = None
    last_updated_date: EpochMillis = None


class PbxAccount(CXModel):
    """SIP registration data of an extension; ``sip_password`` never prints."""

    display_name: str | None = None
    sip_user: str | None = None
    sip_password: SecretStr | None = None
    sip_web_socket_server: str | None = None
    sip_realm: str | None = None
    sip_proxy: str | None = None
    sip_proxy_port: str | None = None
    stun_servers: list[Any] | None = None
    transport: list[str] | None = None
    use_opus: bool | None = None
    opus_quality: int | None = None


class Extension(CXModel):
    """A user's call-center account (``extensions.find``)."""

    extension: str
    full_name: str | None = None
    mail: str | None = None
    uuid: str | None = None
    pbx_account: PbxAccount | None = None


class GroupMember(CXModel):
    """A member of an internal group."""

    agent_id: str | None = None
    contact_id: str | None = None
    order: int | None = None
    view: Any = None
    timeout: int | None = Field(default=None, description="Seconds this member rings")
    sip_user: str | None = None
    hold_music_id: str | None = None


class InternalGroup(CXModel):
    """An internal (ring) group."""

    id: str = Field(validation_alias=_ID)
    tenant_id: str | None = None
    group_name: str | None = None
    group_name_unsigned: str | None = None
    group_number: str | None = None
    strategy: str | None = Field(default=None, description="enterprise, rollover or random")
    timeout: int | None = None
    sip_members: list[str] | None = None
    members: list[GroupMember] | None = None
    note: str | None = None
    is_deleted: bool | None = None
    is_forward_to_user_owner: bool | None = None
    is_forward_to_outer_group: bool | None = None
    outer_group_id: str | None = None
    ring_back_id: str | None = None
    ring_back_name: str | None = None
    is_answer: bool | None = Field(default=None, description='Sent as the string "false"')
    target_timeout_type: str | None = None
    target_timeout: str | None = None
    target_timeout_name: str | None = None
    ring_group_type: int | None = None
    ring_group_wait_time: int | None = None
    ring_group_wait_time_sequence: int | None = None
    ring_group_type_result: Any = None
    enable_criteria: bool | None = None
    criterias: list[Any] | None = None
    created_date: EpochMillis = None
    last_updated_date: EpochMillis = None
    create_by: Actor | None = Field(default=None, validation_alias=_CREATED_BY)
    last_update_by: Actor | None = Field(default=None, validation_alias=_UPDATED_BY)


class KeyScript(CXModel):
    """One key of an IVR script: key ``ivr`` leads to ``action`` of ``action_type``.

    ``action_type`` is ``Ring_group`` (``action`` = internal group id) or
    ``Ivr_menu`` (``action`` = key-interaction script id).
    """

    ivr: str | None = Field(default=None, description="The key: 1, 2, 3...")
    action_type: str | None = None
    action: str | None = None
    action_name: str | None = None
    key: str | None = None


class KeyInteraction(CXModel):
    """An IVR key-press script."""

    id: str = Field(validation_alias=_ID)
    tenant_id: str | None = None
    script_name: str | None = None
    script_name_unsigned: str | None = None
    script_number: str | None = None
    greeting_id: str | None = None
    greeting_name: str | None = None
    greeting_short_id: str | None = None
    greeting_short_name: str | None = None
    note: str | None = None
    scripts: list[KeyScript] | None = None
    time_out: int | None = Field(default=None, description="Seconds to wait for a key")
    max_failure: int | None = Field(default=None, description="Wrong keys allowed")
    action_type: str | None = None
    action: str | None = None
    action_name: str | None = None
    invalid_sound_id: str | None = None
    invalid_sound_name: str | None = None
    ivr_direct_menu_dial: bool | None = None
    is_deleted: bool | None = None
    created_date: EpochMillis = None
    last_updated_date: EpochMillis = None
    created_by: Actor | None = Field(default=None, validation_alias=_CREATED_BY)
    last_updated_by: Actor | None = Field(default=None, validation_alias=_UPDATED_BY)


class Greeting(CXModel):
    """A recording (greeting) file, uploaded or made by text-to-speech."""

    id: str = Field(validation_alias=_ID)
    tenant_id: str | None = None
    greeting_name: str | None = None
    greeting_name_unsigned: str | None = None
    formality: str | None = Field(default=None, description='"Robot đọc" = text-to-speech')
    recording_file: str | None = None
    content: str | None = Field(default=None, description="The text read (text-to-speech)")
    voice: str | None = None
    speed: int | None = None
    is_deleted: bool | None = None
    is_hidden_in_list: bool | None = None
    created_date: EpochMillis = None
    last_updated_date: EpochMillis = None
    create_by: Actor | None = Field(default=None, validation_alias=_CREATED_BY)
    last_update_by: Actor | None = Field(default=None, validation_alias=_UPDATED_BY)
