"""Core client, auth, pagination and throttle (async source; the sync twin is generated)."""
