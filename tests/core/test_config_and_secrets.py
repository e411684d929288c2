"""Bad configuration fails fast; secrets never show."""

from __future__ import annotations

import logging
import time
import traceback

import pytest

from cxkit import AuthenticationError, ConfigurationError
from cxkit._core import BasicAuth, BearerAuth, HeaderKeyAuth, Secret, setting
from cxkit._core.ratelimit import parse_rate_limit_headers, parse_retry_after
from cxkit._core.secrets import redact_headers, redact_text, redact_value
from cxkit.testing import FakeClock
from tests.core._async.demo import SECRET, AsyncDemo, FakeDemo


def test_missing_setting_names_the_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEMO_API_KEY", raising=False)
    with pytest.raises(
        ConfigurationError, match=r"missing api_key; pass api_key=\.\.\. or set DEMO_API_KEY"
    ):
        setting(None, "DEMO_API_KEY", vendor="demo", name="api_key")
    monkeypatch.setenv("DEMO_API_KEY", "from-env")
    assert setting(None, "DEMO_API_KEY", vendor="demo", name="api_key") == "from-env"
    assert setting("given", "DEMO_API_KEY", vendor="demo", name="api_key") == "given"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "non-empty"),
        ("demo.test/api", "absolute"),
        ("ftp://demo.test", "absolute"),
        ("https://", "absolute"),
        ("http://demo.test/api", "refusing plain http"),
        ("https://demo.test/api?x=1", "query"),
    ],
)
def test_bad_base_url_fails_before_any_request(url: str, message: str) -> None:
    fake = FakeDemo()
    with pytest.raises(ConfigurationError, match=message):
        AsyncDemo(base_url=url, http_client=fake.async_http_client())
    assert fake.calls == []


async def test_http_allowed_only_with_opt_in() -> None:
    fake = FakeDemo(count=1)
    fake.base_url = "http://demo.test/api"
    client = AsyncDemo(
        base_url="http://demo.test/api", allow_insecure=True, http_client=fake.async_http_client()
    )
    assert (await client.items.get(1)).id == 1


@pytest.mark.parametrize(
    ("option", "value"),
    [("timeout", -1), ("max_retries", -1), ("max_retries", 1.5), ("throttle", "lots")],
)
def test_bad_options_fail_fast(option: str, value: object) -> None:
    with pytest.raises(ValueError):
        AsyncDemo(**{option: value})


def test_auth_reprs_hide_secrets() -> None:
    for auth in (BasicAuth("bot", SECRET), HeaderKeyAuth("X-API-KEY", SECRET), BearerAuth(SECRET)):
        assert SECRET not in repr(auth)
    assert SECRET not in repr(Secret(SECRET)) and SECRET not in str(Secret(SECRET))
    assert SECRET not in repr(AsyncDemo())


def test_redaction_helpers() -> None:
    assert redact_headers({"Authorization": "Basic x", "X-API-KEY": "k", "Accept": "a"}) == {
        "Authorization": "***",
        "X-API-KEY": "***",
        "Accept": "a",
    }
    assert redact_value({"user": {"password": "p", "name": "n"}}) == {
        "user": {"password": "***", "name": "n"}
    }
    assert redact_text("https://x/?token=abc&a=1") == "https://x/?token=***&a=1"
    assert redact_text(f"echo {SECRET}", (SECRET,)) == "echo ***"


async def test_no_secret_in_logs_reprs_or_errors_during_a_failing_call(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeDemo(count=1, clock=FakeClock())
    # The vendor echoes the credential back in its error message.
    fake.inject(status=401, body={"error": f"bad key {SECRET}"})
    client = AsyncDemo(http_client=fake.async_http_client(), clock=fake.clock, log_bodies=True)
    with caplog.at_level(logging.DEBUG), pytest.raises(AuthenticationError) as info:
        await client.items.get(1)
    sent = fake.calls[0].headers["authorization"]
    texts = [
        caplog.text,
        repr(client),
        repr(client._auth),
        str(info.value),
        repr(info.value),
        info.value.message,
        "".join(traceback.format_exception(info.value)),
    ]
    for text in texts:
        assert SECRET not in text
        assert sent.split(" ", 1)[1] not in text
    assert "***" in str(info.value)


async def test_debug_log_masks_credential_fields_in_bodies(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeDemo(count=1, clock=FakeClock())
    client = AsyncDemo(http_client=fake.async_http_client(), clock=fake.clock, log_bodies=True)
    with caplog.at_level(logging.DEBUG, logger="cxkit"):
        await client.request("POST", "/items", json={"name": "n", "password": "hunter2-pass"})
    assert "hunter2-pass" not in caplog.text
    assert '"password": "***"' in caplog.text


def test_bearer_token_provider_is_called_per_request() -> None:
    tokens = iter(["t1-aaaa", "t2-bbbb"])
    auth = BearerAuth(lambda: next(tokens))
    import httpx

    first = next(auth.auth_flow(httpx.Request("GET", "https://x")))
    second = next(auth.auth_flow(httpx.Request("GET", "https://x")))
    assert first.headers["Authorization"] == "Bearer t1-aaaa"
    assert second.headers["Authorization"] == "Bearer t2-bbbb"
    assert "t2-bbbb" not in repr(auth)


def test_rate_limit_headers() -> None:
    now = 1_700_000_000.0
    rl = parse_rate_limit_headers(
        {"X-RateLimit-Limit": "500", "X-RateLimit-Remaining": "42", "X-RateLimit-Reset": "60"},
        now=now,
    )
    assert rl is not None and (rl.limit, rl.remaining) == (500, 42)
    assert rl.reset_at is not None and rl.reset_at.timestamp() == now + 60
    ietf = parse_rate_limit_headers({"RateLimit-Limit": "10", "RateLimit-Remaining": "0"}, now=now)
    assert ietf is not None and ietf.remaining == 0
    assert parse_rate_limit_headers({"Content-Type": "x"}) is None


def test_retry_after_forms() -> None:
    now = time.time()
    assert parse_retry_after("5") == 5.0
    date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 30))
    waited = parse_retry_after(date, now=now)
    assert waited is not None and 28 <= waited <= 31
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
