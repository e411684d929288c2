"""Page strategies for the four vendor styles: empty, exact multiple, short last page."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit._core import OffsetPaging, PageNumberPaging


def _omnidesk_items(data: Any) -> list[Any]:
    keys = sorted((k for k in data if k.isdigit()), key=int)
    return [data[k]["case"] for k in keys]


OMNIDESK = PageNumberPaging(
    size_key="limit",
    default_size=100,
    max_size=100,
    items=_omnidesk_items,
    total=lambda d: d.get("total_count"),
)
OMI = PageNumberPaging(
    size_key="size",
    items=lambda d: d["items"],
    total=lambda d: d["total_items"],
    has_next=lambda d: d["has_next"],
)
THULIUM = OffsetPaging(default_limit=100, max_limit=100)
OMNICXM = PageNumberPaging(
    size_key="take",
    location="body",
    items=lambda d: d["data"],
    total=lambda d: d["total"],
    total_pages=lambda d: d.get("totalPage"),
)


def walk(strategy: Any, pages: dict[int, Any], start: dict[str, Any]) -> list[Any]:
    """Follow next_values until the last page; ``pages`` maps page/offset to data."""
    values = strategy.first(start)
    seen: list[Any] = []
    for _ in range(50):
        key = values.get("page", values.get("offset"))
        data = strategy.parse(pages[key], values)
        seen.extend(data.items)
        if data.next_values is None:
            return seen
        values = data.next_values
    raise AssertionError("did not stop")


def omnidesk_page(ids: list[int], total: int) -> dict[str, Any]:
    return {**{str(i): {"case": {"id": x}} for i, x in enumerate(ids)}, "total_count": total}


@pytest.mark.parametrize("total", [0, 4, 5])
def test_omnidesk_total_count(total: int) -> None:
    ids = list(range(total))
    pages = {p: omnidesk_page(ids[(p - 1) * 2 : p * 2], total) for p in range(1, 5)}
    got = walk(OMNIDESK, pages, {"limit": 2})
    assert [c["id"] for c in got] == ids


def test_omnidesk_empty_list_shape() -> None:
    data = OMNIDESK.parse({"total_count": 0}, OMNIDESK.first({}))
    assert data.items == [] and data.total == 0 and data.next_values is None


def test_omnidesk_without_total_stops_on_short_page() -> None:
    pages = {1: {"0": {"case": {"id": 1}}, "1": {"case": {"id": 2}}}, 2: {"0": {"case": {"id": 3}}}}
    assert len(walk(OMNIDESK, pages, {"limit": 2})) == 3


def test_omnidesk_without_total_exact_multiple_ends_on_empty_page() -> None:
    pages = {1: {"0": {"case": {"id": 1}}, "1": {"case": {"id": 2}}}, 2: {}}
    assert len(walk(OMNIDESK, pages, {"limit": 2})) == 2


def test_omi_trusts_has_next_not_next_page() -> None:
    def page(n: int, items: list[int], more: bool) -> dict[str, Any]:
        return {
            "items": items,
            "page_number": n,
            "total_items": 5,
            "has_next": more,
            "next_page": 1,
        }

    pages = {1: page(1, [1, 2], True), 2: page(2, [3, 4], True), 3: page(3, [5], False)}
    assert walk(OMI, pages, {"size": 2}) == [1, 2, 3, 4, 5]
    assert OMI.parse({"items": [], "total_items": 0, "has_next": False}, {"page": 1}).items == []


@pytest.mark.parametrize("count", [0, 4, 5])
def test_thulium_offset_without_total(count: int) -> None:
    rows = list(range(count))
    pages = {o: rows[o : o + 2] for o in range(0, 10, 2)}
    assert walk(THULIUM, pages, {"limit": 2}) == rows


def test_thulium_offset_with_count_wrapper() -> None:
    strategy = OffsetPaging(items=lambda d: d["result"], total=lambda d: d["count"])
    pages = {0: {"count": 3, "result": [1, 2]}, 2: {"count": 3, "result": [3]}}
    assert walk(strategy, pages, {"limit": 2}) == [1, 2, 3]


@pytest.mark.parametrize("total", [0, 4, 5])
def test_omnicxm_take_page_with_total_pages(total: int) -> None:
    rows = list(range(total))
    pages_n = -(-total // 2)
    pages = {
        p: {"data": rows[(p - 1) * 2 : p * 2], "total": total, "totalPage": pages_n}
        for p in range(1, 5)
    }
    assert walk(OMNICXM, pages, {"take": 2}) == rows
    assert OMNICXM.location == "body"


def test_checks_reject_bad_values() -> None:
    with pytest.raises(ValueError, match="between 1 and 100"):
        OMNIDESK.first({"limit": 101})
    with pytest.raises(ValueError, match="page"):
        OMNIDESK.first({"page": 0})
    with pytest.raises(ValueError, match="offset"):
        THULIUM.first({"offset": -1})
    with pytest.raises(ValueError, match="positive"):
        OMI.first({"size": True})
