"""A cookie jar that keeps nothing: the vendors authenticate every request."""

from __future__ import annotations

from http.cookiejar import CookieJar, DefaultCookiePolicy

__all__ = ["no_cookies"]


def no_cookies() -> CookieJar:
    """A jar that refuses every cookie, so a server's odd ``Set-Cookie`` can never break
    a later request."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
