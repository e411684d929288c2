"""The account-host base URL reader the subdomain-hosted vendors share (Omnidesk, Thulium)."""

from __future__ import annotations

from typing import Any

import pytest

from cxkit import ConfigurationError
from cxkit._core import account_base_url

ENV = {"env": "ACME_SYSTEM", "base_url_env": "ACME_BASE_URL"}


def url(label: Any, base_url: str | None = None) -> str:
    return account_base_url(
        label, base_url, **ENV, vendor="acme", name="system", what="system name", suffix=".acme.io"
    )


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV.values():
        monkeypatch.delenv(name, raising=False)


def test_a_label_or_a_pasted_host_gives_the_account_url() -> None:
    assert url("Acme") == "https://acme.acme.io/api"
    assert url(" acme.acme.io ") == "https://acme.acme.io/api"
    assert url(None, "https://proxy.example.com/api") == "https://proxy.example.com/api"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_BASE_URL", "https://env.example.com/api")
    monkeypatch.setenv("ACME_SYSTEM", "fromenv")
    assert url("given") == "https://given.acme.io/api"
    # Neither passed: the base URL variable comes before the label's.
    assert url(None) == "https://env.example.com/api"
    monkeypatch.delenv("ACME_BASE_URL")
    assert url(None) == "https://fromenv.acme.io/api"
    assert url("  ") == "https://fromenv.acme.io/api"  # a blank argument counts as missing


def test_both_or_neither_or_a_bad_label_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="pass system or base_url, not both"):
        url("acme", "https://proxy.example.com/api")
    with pytest.raises(ConfigurationError, match=r"set ACME_SYSTEM, or .* set ACME_BASE_URL"):
        url(None)
    with pytest.raises(ConfigurationError, match="invalid system 'a/b'"):
        url("a/b")
    with pytest.raises(ConfigurationError, match="must be a string"):
        url(42)
