"""Knowledge base: categories, sections and articles.

Text fields are typed "string/array" by the docs: a string in one language, a
mapping language ID -> text (asked for with ``language_id="all"``), or a JSON list
(``article_tags`` as a list of keywords); each is kept as sent.
"""

from __future__ import annotations

from typing import Literal

from ..._core import CXModel, RFC2822DateTime

__all__ = ["AccessType", "KbArticle", "KbCategory", "KbSection", "MultilingualText"]

MultilingualText = str | dict[str, str] | list[str]
"""A text in one language, language ID -> text, or a list of texts (the docs' "array")."""

AccessType = Literal["public", "staff_only"]
"""Who can read an article."""


class KbCategory(CXModel):
    """A knowledge base category."""

    category_id: int
    category_title: MultilingualText | None = None
    active: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None


class KbSection(CXModel):
    """A knowledge base section (inside a category)."""

    section_id: int
    category_id: int | None = None
    section_title: MultilingualText | None = None
    section_description: MultilingualText | None = None
    active: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None


class KbArticle(CXModel):
    """A knowledge base article (inside a section)."""

    article_id: int
    section_id: int | None = None
    article_title: MultilingualText | None = None
    article_content: MultilingualText | None = None
    article_tags: MultilingualText | None = None
    """Comma-separated search keywords."""
    access_type: str | None = None
    """``public`` or ``staff_only``."""
    active: bool | None = None
    created_at: RFC2822DateTime = None
    updated_at: RFC2822DateTime = None
