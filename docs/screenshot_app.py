"""What both screenshot scripts share: the screen they draw on, their command line, the
client application in the language and theme asked for, and a way to let Qt work.

The screen is Qt's offscreen platform with a desktop-sized screen (1920x1080). Its default
screen is 800x600, and Qt limits a dialog's first size to two thirds of its screen, which
would cut a Vietnamese form short in the pictures while any real screen shows it whole.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from meeting_app.ui.i18n import LANGUAGES, translations
from meeting_app.ui.resources import setup_application

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SCREEN = {"name": "screenshots", "x": 0, "y": 0, "width": 1920, "height": 1080,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def use_desktop_screen() -> None:
    """Make Qt (not yet started) draw offscreen on a 1920x1080 screen, or the size the
    command line's ``--screen WxH`` asks for (read now: Qt starts before the arguments are)."""
    width, height = SCREEN["width"], SCREEN["height"]
    if "--screen" in sys.argv[:-1]:
        asked = sys.argv[sys.argv.index("--screen") + 1]
        width, height = (int(n) for n in asked.split("x"))
    config = Path(tempfile.mkdtemp(prefix="offscreen-")) / "screen.json"
    screen = {**SCREEN, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def parse_arguments(description: str | None) -> argparse.Namespace:
    """``--language``, ``--theme``, ``--screen WxH``, ``--touch`` and ``--out`` (made if
    missing; by default ``docs/screenshots[/<theme>][/vi]``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="the interface language (vi: into a vi/ folder)")
    parser.add_argument("--theme", choices=("light", "dark", "contrast"), default="light")
    parser.add_argument("--out", type=Path, default=None,
                        help="default: docs/screenshots[/<theme>][/vi]")
    parser.add_argument("--screen", default="1920x1080", metavar="WxH",
                        help="the screen the windows open on, at their default sizes (a tablet: 1280x800)")
    parser.add_argument("--touch", action="store_true", help="touch mode (finger-sized controls)")
    args = parser.parse_args()  # (--screen is read by use_desktop_screen, before Qt starts)
    if args.out is None:
        args.out = SCREENSHOTS
        if args.theme != "light":
            args.out = args.out / args.theme
        if args.language != "en":
            args.out = args.out / args.language
    args.out.mkdir(parents=True, exist_ok=True)
    return args


def start_application(args: argparse.Namespace) -> QApplication:
    """The client's application in ``args.language`` and ``args.theme``."""
    app = QApplication(sys.argv[:1])
    # The user's own settings are not read: the theme is the one asked for.
    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="screenshot-settings-")) / "s.ini"),
                         QSettings.Format.IniFormat)
    settings.setValue("appearance/theme", args.theme)
    settings.setValue("appearance/touch", bool(args.touch))
    setup_application(app, settings)
    translations().apply(args.language)
    return app


def spin(seconds: float) -> None:
    """Let Qt work for a while (signals, repaints)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
