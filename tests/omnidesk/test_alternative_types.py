"""Fields the docs type with alternatives ("string/array") accept each alternative.

The list of fields is read from the seed's own rows (copied verbatim into
``tests/fixtures/omnidesk/alternative_types.txt``): every knowledge-base field typed
``string/array`` must be covered. The other rows typed with alternatives are
request filters (``status``, ``from_time``...), checked by the resources.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cxkit._core.models import parse_model
from cxkit.omnidesk import KbArticle, KbCategory, KbSection

ROWS = Path(__file__).parents[1] / "fixtures" / "omnidesk" / "alternative_types.txt"
ROW = re.compile(
    r"^\d+:(?P<name>[a-z_]+)\s*\*?\s*\|\s*(?P<type>[a-z]+\s*/\s*[a-z]+)\s*\|", re.MULTILINE
)

MODELS: dict[str, tuple[type[Any], dict[str, Any]]] = {
    "category_title": (KbCategory, {"category_id": 1}),
    "section_title": (KbSection, {"section_id": 10, "category_id": 1}),
    "section_description": (KbSection, {"section_id": 10, "category_id": 1}),
    "article_title": (KbArticle, {"article_id": 100, "section_id": 10}),
    "article_content": (KbArticle, {"article_id": 100, "section_id": 10}),
    "article_tags": (KbArticle, {"article_id": 100, "section_id": 10}),
}

ALTERNATIVES = {
    "string": "tag,tag,tag",
    "array (language ID -> text)": {"1": "тег,тег,тег", "2": "tag,tag,tag"},
    "array (a JSON list)": ["tag", "tag2"],
}


def seed_fields() -> set[str]:
    """The knowledge-base fields the seed types ``string/array``."""
    text = ROWS.read_text(encoding="utf-8")
    return {
        m["name"]
        for m in ROW.finditer(text)
        if m["name"].split("_")[0] in ("category", "section", "article")
        and m["type"].replace(" ", "") in ("string/array", "array/string")
    }


def test_every_kb_field_the_seed_types_string_or_array_is_covered() -> None:
    assert seed_fields() == set(MODELS)


@pytest.mark.parametrize("field", sorted(MODELS))
@pytest.mark.parametrize("alternative", sorted(ALTERNATIVES))
@pytest.mark.parametrize("strict", [False, True])
def test_each_documented_alternative_is_read_as_sent(
    field: str, alternative: str, strict: bool
) -> None:
    model, base = MODELS[field]
    value = ALTERNATIVES[alternative]
    parsed = parse_model(model, {**base, field: value}, strict=strict, vendor="omnidesk")
    assert getattr(parsed, field) == value
    assert parsed.unparsed == {}
