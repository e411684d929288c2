"""Helpdesk and its parts (async source; the sync twin is generated).

The public names are exported by :mod:`cxkit.unified` from ``helpdesk``.
"""
