"""Server settings, from the command line."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path

import platformdirs

from server.documents.policy import DocumentPolicy
from server.domain.accounts import AuthPolicy
from server.domain.quotas import Quotas


@dataclass
class Limits:
    """Fair-use limits of one server process (``docs/security.md``, "Fair limits").

    Budgets are token buckets: ``rate`` per second refills up to ``burst``. They are meant
    never to touch normal use (a chair clicking, a client catching up, the benchmarks' 200
    round trips in a row) and to stop one socket or one user from taking the process.
    A rate of 0 switches that budget off.
    """

    socket_rate: float = 100.0
    socket_burst: float = 1_000.0
    """Commands of one socket."""
    user_rate: float = 200.0
    user_burst: float = 2_000.0
    """Commands of one user, all their sockets on this process together."""
    search_rate: float = 2.0
    search_burst: float = 30.0
    """``search`` (reads the text of every document) per user."""
    export_rate: float = 1.0
    export_burst: float = 30.0
    """HTTP exports (CSV, minutes, audit) per login."""
    upload_rate: float = 0.2
    upload_burst: float = 30.0
    """HTTP uploads per login."""
    heavy_threads: int = 2
    """Threads for heavy reads (search): however many arrive, the others' commands keep the
    database threads."""
    sockets_per_token: int = 20
    """Sockets one login may hold open on one process (a client uses one per window)."""
    login_slow_seconds: float = 1.0
    """An address past ``max_failures_per_client`` failed logins gets one attempt this often."""
    login_slow_wait: float = 5.0
    """How long such an attempt may wait for its turn before it is refused (429)."""


def default_data_dir() -> Path:
    """``$MEETING_DATA_DIR``, else the user's data directory for the server."""
    env = os.environ.get("MEETING_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("paperless-meeting")) / "server"


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8765
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    """None: SQLite in ``data_dir``."""
    redis_url: str | None = None
    """Set to share events between several server processes."""
    redis_channel: str = "paperless-meeting"
    """The pub/sub channel of one deployment (the processes of one database)."""
    trusted_proxies: list[IPv4Network | IPv6Network] = field(default_factory=list)
    """Reverse proxies whose ``X-Forwarded-For`` names the client (for the login rate limit)."""
    cors_origins: list[str] = field(default_factory=list)
    """Web origins (``https://host[:port]``) whose pages may call the HTTP API and Socket.IO;
    none by default (server/transport/cors.py)."""
    websocket_only: bool = False
    """Socket.IO over websockets only (no long-polling): a load balancer in front of several
    processes then needs no sticky sessions."""
    auth: AuthPolicy = field(default_factory=AuthPolicy)
    limits: Limits = field(default_factory=Limits)
    quotas: Quotas = field(default_factory=Quotas)
    heartbeat_seconds: float = 5.0
    stale_after_seconds: float = 20.0
    """A process silent this long has its connections swept (they went offline)."""
    presence_grace_seconds: float = 10.0
    """How long a closed socket keeps its user online (see server/transport/departures.py)."""
    link_flush_seconds: float = 2.0
    """How often the clients' heartbeats (kept in memory) are written for ``site.status``."""
    ping_interval: float = 10.0
    ping_timeout: float = 10.0
    db_threads: int = 8
    instance_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    documents: DocumentPolicy = field(default_factory=DocumentPolicy)
    blob_dir: Path | None = None
    organization: str = "Ban Tổ chức hội nghị"
    """The organisation named at the top left of the minutes (cơ quan ban hành)."""
    city: str = "Hà Nội"
    """The place in the minutes' date line ("Hà Nội, ngày … tháng … năm …")."""
    """Where document files live; None: ``<data_dir>/blobs``. Server processes that share a
    database must share this directory too."""
    offline_grace_hours: float = 8.0
    """How long after its last login a client may still read its offline cache."""
    allow_restricted_export: bool = False
    """Whether readers may print or export restricted documents (watermarked)."""

    @property
    def blob_root(self) -> Path:
        return self.blob_dir or self.data_dir / "blobs"

    @property
    def anchor_root(self) -> Path:
        """Where the audit chain's anchors are written (``persistence/audit_anchor.py``)."""
        return self.data_dir / "anchors"
