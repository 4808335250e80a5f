"""The reader on its own, for trying documents and for screenshots.

    python -m meeting_app.ui.reader FILE.pdf [--page N] [--zoom 1.0] [--search TEXT]
        [--watermark TEXT] [--banner following|browsing] [--screenshot OUT.png]

With ``--screenshot`` it waits until the visible pages, thumbnails and search are done,
saves the window and quits (use ``QT_QPA_PLATFORM=offscreen`` on a machine without a
display).
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.reader.banner import BROWSING, FOLLOWING
from meeting_app.ui.resources import setup_application


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m meeting_app.ui.reader",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--page", type=int, default=1, help="1-based page to open at")
    parser.add_argument("--zoom", type=float, help="1.0 = 100 %% (default: fit width)")
    parser.add_argument("--search")
    parser.add_argument("--watermark")
    parser.add_argument("--banner", choices=(FOLLOWING, BROWSING))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--screenshot", metavar="OUT.png")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    setup_application(app)
    reader = ReaderWidget()
    reader.setWindowTitle(args.file)
    width, height = (int(v) for v in args.size.split("x"))
    reader.resize(width, height)
    reader.show()

    def loaded() -> None:
        if args.zoom:
            reader.set_zoom(args.zoom)
        reader.go_to_page(args.page - 1)
        if args.banner:
            reader.set_follow_banner(args.banner)
        if args.watermark:
            reader.set_watermark(args.watermark.replace("\\n", "\n"))
        if args.search:
            reader.open_search()
            reader.search_bar.field.setText(args.search)
            reader.search(args.search)
        if args.screenshot:
            QTimer.singleShot(100, lambda: shoot(reader, args.screenshot, time.monotonic() + 20))

    reader.document_loaded.connect(loaded)
    reader.document_failed.connect(lambda message: (print(message, file=sys.stderr), app.exit(1)))
    reader.open_document(args.file)
    return app.exec()


def shoot(reader: ReaderWidget, out: str, deadline: float) -> None:
    """Save the window once everything in it is drawn (or at the deadline)."""
    view, panel = reader.view, reader.side_panel
    info = reader.info
    thumbs_done = info is not None and all(
        reader.engine.cached_thumbnail(info.doc, row, panel.model.pixel_width) is not None
        for row in range(info.page_count)
        if panel.thumbnails.visualRect(panel.model.index(row)).intersects(panel.thumbnails.viewport().rect()))
    pages_done = all(view.shown_scale(p) == round(view.render_scale * 1000) / 1000
                     for p in view.visible_pages())
    searching = reader.search_bar.isVisible() and reader.search_bar.count.text().endswith("…")
    if (thumbs_done and pages_done and not searching) or time.monotonic() > deadline:
        reader.grab().save(out)
        QApplication.quit()
    else:
        QTimer.singleShot(50, lambda: shoot(reader, out, deadline))


if __name__ == "__main__":
    sys.exit(main())
