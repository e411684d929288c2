"""Async core (the source of the generated ``_sync`` package)."""
