"""The screen the screenshot scripts draw on: Qt's offscreen platform with a desktop-sized
screen (1920x1080). Its default screen is 800x600, and Qt limits a dialog's first size to
two thirds of its screen, which would cut a Vietnamese form short in the pictures while
any real screen shows it whole."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SCREEN = {"name": "screenshots", "x": 0, "y": 0, "width": 1920, "height": 1080,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def use_desktop_screen() -> None:
    """Make Qt (not yet started) draw offscreen on a 1920x1080 screen."""
    config = Path(tempfile.mkdtemp(prefix="offscreen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
