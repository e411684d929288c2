"""Knowledge base: categories, sections and articles (async source; the sync twin is generated).

Titles, descriptions, contents and tags take a string, or a mapping language ID
-> text when the knowledge base is multilingual. ``language_id`` on reads picks
a language, or ``"all"`` returns every language's text as such a mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from ...._core import (
    AsyncAPIResource,
    AsyncPager,
    check_choice,
    check_id,
    drop_none,
    need_some,
    operation,
    opt_id,
)
from ..._checks import check_search, id_path, multilingual
from ..._dialect import OmnideskHints
from ...types.knowledge_base import AccessType, KbArticle, KbCategory, KbSection

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...._core import RequestOptions

__all__ = ["AsyncKbArticles", "AsyncKbCategories", "AsyncKbSections"]

Text = str | Mapping[int | str, str]
LanguageChoice = int | Literal["all"]


def _language(language_id: LanguageChoice | None) -> int | str | None:
    if language_id is None or language_id == "all":
        return language_id
    return check_id("language_id", language_id)


class AsyncKbCategories(AsyncAPIResource):
    """Knowledge base categories."""

    @operation("POST", "/kb_category.json", wrap="kb_category")
    async def create(
        self, *, category_title: Text, **options: Unpack[RequestOptions]
    ) -> KbCategory:
        """Create a category."""
        body = {"category_title": multilingual("category_title", category_title)}
        return await self._call(self.create, body=body, cast_to=KbCategory, options=options)

    @operation("GET", "/kb_category.json", paged=True, hints=OmnideskHints(entity="kb_category"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[KbCategory]:
        """List categories; iterating follows pages lazily (``limit`` 1..100)."""
        params = drop_none(page=page, limit=limit, language_id=_language(language_id))
        return self._paginate(self.list, item=KbCategory, params=params, options=options)

    @operation("GET", "/kb_category/{category_id}.json", wrap="kb_category")
    async def get(
        self,
        category_id: int,
        *,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbCategory:
        """Get a category."""
        return await self._call(
            self.get,
            path=id_path(category_id=category_id),
            params=drop_none(language_id=_language(language_id)),
            cast_to=KbCategory,
            options=options,
        )

    @operation("PUT", "/kb_category/{category_id}.json", wrap="kb_category")
    async def update(
        self, category_id: int, *, category_title: Text, **options: Unpack[RequestOptions]
    ) -> KbCategory:
        """Rename a category."""
        return await self._call(
            self.update,
            path=id_path(category_id=category_id),
            body={"category_title": multilingual("category_title", category_title)},
            cast_to=KbCategory,
            options=options,
        )

    @operation("PUT", "/kb_category/{category_id}/disable.json", wrap="kb_category")
    async def disable(self, category_id: int, **options: Unpack[RequestOptions]) -> KbCategory:
        """Disable a category."""
        return await self._call(
            self.disable, path=id_path(category_id=category_id), cast_to=KbCategory, options=options
        )

    @operation("PUT", "/kb_category/{category_id}/enable.json", wrap="kb_category")
    async def enable(self, category_id: int, **options: Unpack[RequestOptions]) -> KbCategory:
        """Enable a category."""
        return await self._call(
            self.enable, path=id_path(category_id=category_id), cast_to=KbCategory, options=options
        )

    @operation(
        "PUT", "/kb_category/{category_id}/moveup.json", wrap="kb_category", idempotent=False
    )
    async def moveup(self, category_id: int, **options: Unpack[RequestOptions]) -> KbCategory:
        """Move a category one step up."""
        return await self._call(
            self.moveup, path=id_path(category_id=category_id), cast_to=KbCategory, options=options
        )

    @operation(
        "PUT", "/kb_category/{category_id}/movedown.json", wrap="kb_category", idempotent=False
    )
    async def movedown(self, category_id: int, **options: Unpack[RequestOptions]) -> KbCategory:
        """Move a category one step down."""
        return await self._call(
            self.movedown,
            path=id_path(category_id=category_id),
            cast_to=KbCategory,
            options=options,
        )

    @operation("DELETE", "/kb_category/{category_id}.json")
    async def delete(self, category_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a category."""
        await self._call(self.delete, path=id_path(category_id=category_id), options=options)


class AsyncKbSections(AsyncAPIResource):
    """Knowledge base sections (inside categories)."""

    @operation("POST", "/kb_section.json", wrap="kb_section")
    async def create(
        self,
        *,
        section_title: Text,
        category_id: int,
        section_description: Text | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbSection:
        """Create a section in a category."""
        body = drop_none(
            section_title=multilingual("section_title", section_title),
            section_description=multilingual("section_description", section_description),
            category_id=check_id("category_id", category_id),
        )
        return await self._call(self.create, body=body, cast_to=KbSection, options=options)

    @operation("GET", "/kb_section.json", paged=True, hints=OmnideskHints(entity="kb_section"))
    def list(
        self,
        *,
        category_id: int,
        page: int | None = None,
        limit: int | None = None,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[KbSection]:
        """List the sections of a category; iterating follows pages lazily (``limit`` 1..100)."""
        params = drop_none(
            category_id=check_id("category_id", category_id),
            page=page,
            limit=limit,
            language_id=_language(language_id),
        )
        return self._paginate(self.list, item=KbSection, params=params, options=options)

    @operation("GET", "/kb_section/{section_id}.json", wrap="kb_section")
    async def get(
        self,
        section_id: int,
        *,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbSection:
        """Get a section."""
        return await self._call(
            self.get,
            path=id_path(section_id=section_id),
            params=drop_none(language_id=_language(language_id)),
            cast_to=KbSection,
            options=options,
        )

    @operation("PUT", "/kb_section/{section_id}.json", wrap="kb_section")
    async def update(
        self,
        section_id: int,
        *,
        section_title: Text | None = None,
        section_description: Text | None = None,
        category_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbSection:
        """Change a section, or move it to another category."""
        body = drop_none(
            section_title=multilingual("section_title", section_title),
            section_description=multilingual("section_description", section_description),
            category_id=opt_id("category_id", category_id),
        )
        need_some(body, "kb_sections.update")
        return await self._call(
            self.update,
            path=id_path(section_id=section_id),
            body=body,
            cast_to=KbSection,
            options=options,
        )

    @operation("PUT", "/kb_section/{section_id}/disable.json", wrap="kb_section")
    async def disable(self, section_id: int, **options: Unpack[RequestOptions]) -> KbSection:
        """Disable a section."""
        return await self._call(
            self.disable, path=id_path(section_id=section_id), cast_to=KbSection, options=options
        )

    @operation("PUT", "/kb_section/{section_id}/enable.json", wrap="kb_section")
    async def enable(self, section_id: int, **options: Unpack[RequestOptions]) -> KbSection:
        """Enable a section."""
        return await self._call(
            self.enable, path=id_path(section_id=section_id), cast_to=KbSection, options=options
        )

    @operation("PUT", "/kb_section/{section_id}/moveup.json", wrap="kb_section", idempotent=False)
    async def moveup(self, section_id: int, **options: Unpack[RequestOptions]) -> KbSection:
        """Move a section one step up."""
        return await self._call(
            self.moveup, path=id_path(section_id=section_id), cast_to=KbSection, options=options
        )

    @operation("PUT", "/kb_section/{section_id}/movedown.json", wrap="kb_section", idempotent=False)
    async def movedown(self, section_id: int, **options: Unpack[RequestOptions]) -> KbSection:
        """Move a section one step down."""
        return await self._call(
            self.movedown, path=id_path(section_id=section_id), cast_to=KbSection, options=options
        )

    @operation("DELETE", "/kb_section/{section_id}.json")
    async def delete(self, section_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete a section."""
        await self._call(self.delete, path=id_path(section_id=section_id), options=options)


class AsyncKbArticles(AsyncAPIResource):
    """Knowledge base articles (inside sections)."""

    @operation("POST", "/kb_article.json", wrap="kb_article")
    async def create(
        self,
        *,
        article_title: Text,
        article_content: Text,
        section_id: int,
        article_tags: Text | None = None,
        access_type: AccessType | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbArticle:
        """Create an article (``access_type``: ``public``, the default, or ``staff_only``).

        ``article_tags`` are comma-separated search keywords.
        """
        body = drop_none(
            article_title=multilingual("article_title", article_title),
            article_content=multilingual("article_content", article_content),
            article_tags=multilingual("article_tags", article_tags),
            section_id=check_id("section_id", section_id),
            access_type=check_choice("access_type", access_type, AccessType),
        )
        return await self._call(self.create, body=body, cast_to=KbArticle, options=options)

    @operation("GET", "/kb_article.json", paged=True, hints=OmnideskHints(entity="kb_article"))
    def list(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        search: str | None = None,
        section_id: int | None = None,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[KbArticle]:
        """List articles, optionally of one section; iterating follows pages lazily.

        ``search`` (at least 3 characters) is a substring search; anchor it with
        ``^``: ``^text^`` matches exactly, ``^text`` the start, ``text^`` the end.
        """
        params = drop_none(
            page=page,
            limit=limit,
            search=check_search("search", search, 3),
            section_id=opt_id("section_id", section_id),
            language_id=_language(language_id),
        )
        return self._paginate(self.list, item=KbArticle, params=params, options=options)

    @operation("GET", "/kb_article/{article_id}.json", wrap="kb_article")
    async def get(
        self,
        article_id: int,
        *,
        language_id: LanguageChoice | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbArticle:
        """Get an article."""
        return await self._call(
            self.get,
            path=id_path(article_id=article_id),
            params=drop_none(language_id=_language(language_id)),
            cast_to=KbArticle,
            options=options,
        )

    @operation("PUT", "/kb_article/{article_id}.json", wrap="kb_article")
    async def update(
        self,
        article_id: int,
        *,
        article_title: Text | None = None,
        article_content: Text | None = None,
        article_tags: Text | None = None,
        section_id: int | None = None,
        access_type: AccessType | None = None,
        **options: Unpack[RequestOptions],
    ) -> KbArticle:
        """Change an article, or move it to another section."""
        body = drop_none(
            article_title=multilingual("article_title", article_title),
            article_content=multilingual("article_content", article_content),
            article_tags=multilingual("article_tags", article_tags),
            section_id=opt_id("section_id", section_id),
            access_type=check_choice("access_type", access_type, AccessType),
        )
        need_some(body, "kb_articles.update")
        return await self._call(
            self.update,
            path=id_path(article_id=article_id),
            body=body,
            cast_to=KbArticle,
            options=options,
        )

    @operation("PUT", "/kb_article/{article_id}/disable.json", wrap="kb_article")
    async def disable(self, article_id: int, **options: Unpack[RequestOptions]) -> KbArticle:
        """Disable an article."""
        return await self._call(
            self.disable, path=id_path(article_id=article_id), cast_to=KbArticle, options=options
        )

    @operation("PUT", "/kb_article/{article_id}/enable.json", wrap="kb_article")
    async def enable(self, article_id: int, **options: Unpack[RequestOptions]) -> KbArticle:
        """Enable an article."""
        return await self._call(
            self.enable, path=id_path(article_id=article_id), cast_to=KbArticle, options=options
        )

    @operation("PUT", "/kb_article/{article_id}/moveup.json", wrap="kb_article", idempotent=False)
    async def moveup(self, article_id: int, **options: Unpack[RequestOptions]) -> KbArticle:
        """Move an article one step up."""
        return await self._call(
            self.moveup, path=id_path(article_id=article_id), cast_to=KbArticle, options=options
        )

    @operation("PUT", "/kb_article/{article_id}/movedown.json", wrap="kb_article", idempotent=False)
    async def movedown(self, article_id: int, **options: Unpack[RequestOptions]) -> KbArticle:
        """Move an article one step down."""
        return await self._call(
            self.movedown, path=id_path(article_id=article_id), cast_to=KbArticle, options=options
        )

    @operation("DELETE", "/kb_article/{article_id}.json")
    async def delete(self, article_id: int, **options: Unpack[RequestOptions]) -> None:
        """Delete an article."""
        await self._call(self.delete, path=id_path(article_id=article_id), options=options)
