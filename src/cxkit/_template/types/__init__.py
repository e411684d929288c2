"""Template models."""

from .items import Item

__all__ = ["Item"]
