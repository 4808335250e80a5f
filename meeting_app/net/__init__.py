"""The network layer: login over HTTP, and the live Socket.IO connection.

Imports only ``protocol``, third-party libraries and ``PySide6.QtCore``.

- ``auth.login`` / ``auth.logout``: blocking HTTP calls (run them off the GUI thread).
- ``Connection``: the socket on its own thread, with Qt signals for the GUI.
- ``Sequencer``: the pure ordering of a meeting's events (no gaps, no repeats).
"""

from meeting_app.net.auth import LoginError, LoginErrorKind, LoginResult, login, logout
from meeting_app.net.connection import Connection
from meeting_app.net.envelopes import LocalErrorCode, new_request_id
from meeting_app.net.sequencer import Sequencer
from meeting_app.net.status import ConnectionStatus

__all__ = [
    "Connection",
    "ConnectionStatus",
    "LocalErrorCode",
    "LoginError",
    "LoginErrorKind",
    "LoginResult",
    "Sequencer",
    "login",
    "logout",
    "new_request_id",
]
