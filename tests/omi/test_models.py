"""Every example answer in the OMI seeds parses, strictly, into its model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from cxkit._core.models import parse_model
from cxkit.omi import (
    Contact,
    ContactFilter,
    ContactInput,
    ContactNote,
    ContactSearchResult,
    Extension,
    Greeting,
    InternalGroup,
    InternalPhone,
    KeyInteraction,
    contact_filter,
)
from cxkit.omi._dialect import OmiDialect

CATALOG = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "omi" / "catalog.json").read_text("utf-8")
)
WITH_EXAMPLES = [e for e in CATALOG["endpoints"] if e["example_response"] is not None]

# catalog id -> (model, how the payload holds it)
MODEL_OF: dict[str, tuple[Any, str]] = {
    "contacts.list": (ContactSearchResult, "items"),
    "internal_phones.list": (InternalPhone, "items"),
    "hotlines.list": (str, "list"),
    "extensions.get_detail": (Extension, "one"),
    "internal_groups.list": (InternalGroup, "items"),
    "internal_groups.create": (InternalGroup, "one"),
    "internal_groups.update": (InternalGroup, "one"),
    "key_interactions.list": (KeyInteraction, "items"),
    "key_interactions.create": (KeyInteraction, "one"),
    "key_interactions.update": (KeyInteraction, "one"),
    "greetings.list": (Greeting, "items"),
    "greetings.upload_text_to_speech": (Greeting, "file"),
}


def test_every_example_is_mapped() -> None:
    assert {e["id"] for e in WITH_EXAMPLES} == set(MODEL_OF)


@pytest.mark.parametrize("endpoint", WITH_EXAMPLES, ids=[e["id"] for e in WITH_EXAMPLES])
def test_seed_example_parses_strictly(endpoint: dict[str, Any]) -> None:
    example = endpoint["example_response"]
    assert example["status_code"] == 9999
    payload = OmiDialect().decode(None, httpx.Response(200, json=example))
    model, shape = MODEL_OF[endpoint["id"]]
    if shape == "items":
        data, target = payload["items"], list[model]
    elif shape == "list":
        data, target = payload, list[model]
    elif shape == "file":
        data, target = payload["file"], model
    else:
        data, target = payload, model
    parsed = parse_model(target, data, strict=True, vendor="omi")
    for item in parsed if isinstance(parsed, list) else [parsed]:
        if model is not str:
            assert isinstance(item, model)
            created = getattr(item, "created_date", None)
            assert created is None or created.tzinfo is not None


def test_create_by_and_created_by_both_read() -> None:
    a = InternalGroup.model_validate(
        {"_id": "g", "create_by": {"id": "1"}, "last_update_by": {"id": "2"}}
    )
    b = InternalGroup.model_validate(
        {"_id": "g", "created_by": {"id": "1"}, "last_updated_by": {"id": "2"}}
    )
    assert a.create_by == b.create_by and a.create_by is not None and a.create_by.id == "1"
    assert b.last_update_by is not None and b.last_update_by.id == "2"
    k = KeyInteraction.model_validate({"_id": "k", "create_by": {"name": "x"}})
    assert k.created_by is not None and k.created_by.name == "x"


def test_secrets_never_print() -> None:
    phone = InternalPhone.model_validate({"sip_user": "1", "password": "hunter22"})
    assert isinstance(phone.password, SecretStr)
    assert "hunter22" not in repr(phone) and "hunter22" not in str(phone)
    assert "hunter22" not in phone.model_dump_json()


def test_contact_reads_both_spellings() -> None:
    a = Contact.model_validate(
        {"_id": "c1", "fullName": "A", "refId": "r", "more_infomation": [{"value_type": "x"}]}
    )
    b = Contact.model_validate(
        {"id": "c1", "full_name": "A", "ref_id": "r", "more_information": [{"value_type": "x"}]}
    )
    assert a.full_name == b.full_name == "A" and a.ref_id == b.ref_id == "r"
    assert a.more_information == b.more_information


def test_odd_values_kept_not_fatal() -> None:
    group = parse_model(
        InternalGroup,
        {"_id": "g", "timeout": "soon", "group_name": "G"},
        strict=False,
        vendor="omi",
    )
    assert group.timeout is None and group.group_name == "G"
    assert group.unparsed == {"timeout": "soon"}


def test_contact_filter_builders() -> None:
    assert ContactFilter.owner("unassigned").model_dump() == {
        "field_code": "contact_owner",
        "value": ["unassigned"],
    }
    assert contact_filter("tag", "vip", "new") == ContactFilter(
        field_code="tag", value=["vip", "new"]
    )
    with pytest.raises(ValueError):
        ContactFilter.of(" ", "x")


def test_contact_input_to_body() -> None:
    body = ContactInput(full_name="A", ref_code="C", phones=["0912"]).to_body()  # type: ignore[list-item]
    assert body == {"fullName": "A", "refCode": "C", "phones": [{"data": "0912"}]}
    with pytest.raises(ValueError):
        ContactInput(birthday="31-12-1990")
    with pytest.raises(ValueError):
        ContactNote(phone="", content="x")
