"""The client's address behind a reverse proxy, for the login rate limit.

Behind nginx every request comes from the proxy's address: counted by that, 30 failed
logins anywhere would lock everyone out. ``X-Forwarded-For`` names the real client, but
anyone can send that header, so it is believed only from the proxies named with
``serve --trusted-proxy``, and read from the right: the last address a trusted proxy
appended is the first one not vouched for.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> list[Network]:
    """``127.0.0.1``, ``10.0.0.0/8``, ``::1`` as networks; ``ValueError`` names a bad one."""
    networks: list[Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8)") \
                from None
    return networks


def _trusted(address: str, networks: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(remote: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    """Who made the request: ``remote``, unless it is a trusted proxy that forwarded it."""
    address = remote or "unknown"
    if not trusted or not forwarded_for or not _trusted(address, trusted):
        return address
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    while hops:
        hop = hops.pop()
        if not _trusted(hop, trusted):
            return hop
        address = hop
    return address
