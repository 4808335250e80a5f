"""``meeting-server`` with every answer and event checked against its model (tests only).

``python -m tests.support.checked_server <the cli's arguments>`` runs the server's command
line after ``contract_check.install``: a mismatch is logged and appended, one line each, to
the file ``MEETING_CONTRACT_REPORT`` names (ServerProcess reads it when it stops).
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from tests.support import contract_check

log = logging.getLogger("contract")
_lock = threading.Lock()


def report(problem: str) -> None:
    """Log the mismatch and keep it for the test that started this server."""
    log.error("CONTRACT MISMATCH: %s", problem)
    path = os.environ.get("MEETING_CONTRACT_REPORT")
    if path:
        with _lock, open(path, "a", encoding="utf-8") as file:
            file.write(problem.replace("\n", " ") + "\n")


def main() -> int:
    """Install the check, then run the server's command line with this process's arguments."""
    contract_check.install(report)
    print("contract check: every answer and event is checked against its protocol model",
          file=sys.stderr, flush=True)
    from server.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
