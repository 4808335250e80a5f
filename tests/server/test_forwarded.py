"""Who a request came from behind a reverse proxy: X-Forwarded-For only from trusted proxies."""

from __future__ import annotations

import pytest

from server.cli import main
from server.transport.forwarded import client_address, parse_networks

PROXIES = parse_networks(["127.0.0.1", "10.0.0.0/8"])


def test_the_header_is_ignored_unless_a_trusted_proxy_sent_it() -> None:
    assert client_address("198.51.100.4", "203.0.113.7", PROXIES) == "198.51.100.4"
    assert client_address("127.0.0.1", "203.0.113.7", []) == "127.0.0.1"
    assert client_address("127.0.0.1", None, PROXIES) == "127.0.0.1"
    assert client_address(None, None, PROXIES) == "unknown"


def test_the_first_untrusted_hop_from_the_right_is_the_client() -> None:
    assert client_address("127.0.0.1", "203.0.113.7", PROXIES) == "203.0.113.7"
    # A client that sends its own header cannot choose its address: the proxy appends the real one.
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.7", PROXIES) == "203.0.113.7"
    # Two proxies of ours in a row (nginx in front of another): skipped.
    assert client_address("127.0.0.1", "203.0.113.7, 10.1.2.3", PROXIES) == "203.0.113.7"
    assert client_address("127.0.0.1", "10.1.2.3", PROXIES) == "10.1.2.3"
    assert client_address("127.0.0.1", "không-phải-địa-chỉ", PROXIES) == "không-phải-địa-chỉ"
    assert client_address("::1", "2001:db8::5", parse_networks(["::1"])) == "2001:db8::5"


def test_a_bad_trusted_proxy_is_refused_clearly(tmp_path: object) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--data-dir", str(tmp_path), "--trusted-proxy", "nginx.local"])
    assert "'nginx.local' is not an IP address or network" in str(stopped.value)
