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
