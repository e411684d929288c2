"""Pure mappings between each vendor's typed records and the common models (no I/O)."""
