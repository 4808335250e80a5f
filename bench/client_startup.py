"""Client start-up benchmark: from a fresh process to the meeting room showing its first full
snapshot, and the client's memory (RSS) there; then a second window of the same meeting.

The parent seeds the demo meeting, starts a real ``meeting-server serve`` on loopback and
signs the chair in once (argon2 is not what is measured). Each round is a fresh child
process (imports count: they are most of a cold start) that goes the user's way through
the application controller, offscreen:

- ``imported_s``: the client's modules imported (from the child's first line);
- ``listed_s``: the meetings list filled (``ClientController.start_session(auto_open=True)``);
- ``room_s``: the room of the demo meeting shown with its first full snapshot loaded and
  one event-loop pass run after it (the room's views have drawn it);
- ``rss_room_bytes``: the child's VmRSS at that moment;
- ``preparation_s`` / ``rss_both_bytes``: the preparation dialog of the same meeting opened
  from there until its lists show the meeting, and VmRSS with both windows open;
- ``network_threads``: the connections' threads running with both windows open (each
  ``Connection`` has one).

Rounds run one after the other; medians and the rounds go to stdout as one JSON object.
With ``--baseline-root`` (another checkout, e.g. the base commit in a temporary worktree
holding a copy of this file), its client is measured too, alternating with this one, and
``ratio`` is product / baseline.

    python -m bench.client_startup [--rounds 5] [--delegates 40] [--baseline-root /tmp/base]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before any import of the client: a child's clock starts here

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

DEMO_MEETING = 1
TIMEOUT_S = 120.0


def vm_rss() -> int:
    """This process's resident set size in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc")


# --- the child: one cold start ------------------------------------------------------------

def child(url: str, token: str, user: dict[str, Any], cache: Path) -> dict[str, Any]:
    """One start of the client, measured (see the module docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from meeting_app.ui.app import ClientController
    from meeting_app.ui.session import Session

    imported = time.perf_counter()
    app = QApplication.instance() or QApplication([])

    def wait(condition: Any, what: str) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {what} within {TIMEOUT_S} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def settled() -> None:
        """One pass of the event loop after the state arrived: what it changed is drawn."""
        done: list[bool] = []
        QTimer.singleShot(0, lambda: done.append(True))
        wait(lambda: bool(done), "event loop pass")

    session = Session(url, token, user, os.urandom(32))
    controller = ClientController(cache_dir=cache)
    controller.start_session(session, auto_open=True)
    assert controller.meetings is not None
    meetings = controller.meetings
    wait(lambda: meetings.model.rowCount() > 0, "meetings list")
    listed = time.perf_counter()
    rooms = controller.rooms
    wait(lambda: DEMO_MEETING in rooms and rooms[DEMO_MEETING].store.loaded, "room snapshot")
    room = controller.rooms[DEMO_MEETING]
    settled()
    shown = time.perf_counter()
    rss_room = vm_rss()
    assert room.isVisible() and room.store.meeting["id"] == DEMO_MEETING

    before = time.perf_counter()
    dialog = controller.open_preparation(DEMO_MEETING)
    assert dialog is not None
    wait(lambda: dialog.store.loaded, "preparation snapshot")
    settled()
    prepared = time.perf_counter()
    rss_both = vm_rss()
    threads = sum(1 for thread in threading.enumerate() if thread.name == "meeting-net")

    controller.close_all()
    QCoreApplication.processEvents()
    return {"imported_s": imported - STARTED, "listed_s": listed - STARTED, "room_s": shown - STARTED,
            "rss_room_bytes": rss_room, "preparation_s": prepared - before, "rss_both_bytes": rss_both,
            "network_threads": threads}


# --- the parent: the server, the rounds, the report ---------------------------------------

def login(url: str, username: str, password: str) -> dict[str, Any]:
    request = urllib.request.Request(url + "/api/login", method="POST",
                                     data=json.dumps({"username": username, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return dict(json.loads(answer.read()))


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from bench.processes import REPO_ROOT, ManagedProcess, spawn_demo_server
    from bench.servers import DEMO_PASSWORD

    processes: list[ManagedProcess] = []
    try:
        url, server = await spawn_demo_server(work / "data", args.delegates, DEMO_PASSWORD,
                                              work / "server.log", processes)
        await asyncio.to_thread(server.wait_healthy, 60)
        answer = await asyncio.to_thread(login, url, "chair", DEMO_PASSWORD)
        roots = {"product": Path(args.client_root).resolve() if args.client_root else REPO_ROOT}
        if args.baseline_root:
            roots["baseline"] = Path(args.baseline_root).resolve()
        rounds: dict[str, list[dict[str, Any]]] = {key: [] for key in roots}
        for index in range(args.rounds):  # alternating: load from elsewhere hits both alike
            for key, root in roots.items():
                rounds[key].append(await asyncio.to_thread(
                    one_start, root, url, answer, work / f"cache-{key}-{index}"))
    finally:
        for process in processes:
            process.stop()
    report: dict[str, Any] = {"benchmark": "client_startup", "rounds": args.rounds,
                              "delegates": args.delegates}
    for key, root in roots.items():
        report[key] = {"commit": git_commit(root), "median": medians(rounds[key]), "runs": rounds[key]}
    if "baseline" in report:
        report["ratio"] = {k: round(v / report["baseline"]["median"][k], 3)
                           for k, v in report["product"]["median"].items() if report["baseline"]["median"][k]}
    return report


def one_start(root: Path, url: str, answer: dict[str, Any], cache: Path) -> dict[str, Any]:
    """One child process on the client of checkout ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "bench.client_startup", "--child", url, answer["token"],
               json.dumps(answer["user"]), str(cache)]
    done = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, timeout=TIMEOUT_S * 4)
    if done.returncode != 0:
        raise RuntimeError(f"a start on {root} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    found = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    return {k: round(v, 3) if k.endswith("_s") else int(v) for k, v in found.items()}


def git_commit(root: Path) -> str:
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Parent: ``--rounds``, ``--delegates``, ``--client-root`` (the checkout whose client is
    measured; default this one), ``--baseline-root`` (a checkout to compare with, run in
    alternation). ``--child URL TOKEN USER CACHE``: one measured start."""
    parser = argparse.ArgumentParser(prog="python -m bench.client_startup",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--delegates", type=int, default=40)
    parser.add_argument("--client-root", default="")
    parser.add_argument("--baseline-root", default="",
                        help="another checkout (the base commit's worktree): its client is measured too, "
                             "alternating with this one")
    parser.add_argument("--child", nargs=4, metavar=("URL", "TOKEN", "USER", "CACHE"))
    args = parser.parse_args(argv)
    if args.child:
        url, token, user, cache = args.child
        print(json.dumps(child(url, token, json.loads(user), Path(cache))))
        sys.stdout.flush()
        os._exit(0)  # the measured process ends here; Qt's teardown is not measured
    from bench.processes import run_report
    return run_report("client_startup", lambda work: run(args, work), timeout=900,
                      server_logs=["server.log"])


if __name__ == "__main__":
    sys.exit(main())
