"""The document reader: one PDF, continuous vertical scroll, for delegates in a meeting.

``ReaderWidget`` is all the meeting room needs::

    from meeting_app.ui.reader import ReaderWidget, FOLLOWING, BROWSING

    reader = ReaderWidget()                  # uses meeting_app.pdf.shared_engine()
    reader.open_document(path, title="Tờ trình số 12")   # async: document_loaded(count)
                                                         #     or document_failed(message)
    reader.go_to_page(4)                     # 0-based; programmatic: no page_changed
    reader.page_changed.connect(...)         # int: the USER moved to this page
    reader.set_follow_banner(FOLLOWING, "Chủ tọa")       # or BROWSING, or None
    reader.follow_requested.connect(...)     # "Follow presenter" pressed on the banner
    reader.set_watermark("Nguyễn Văn A\\n14:05 12/03/2025")   # None removes it
    reader.close_document()

Following the presenter: drive ``go_to_page(presenter_page)`` while following; a
``page_changed`` means the user browsed away (switch the banner to ``BROWSING``);
``follow_requested`` means they want back (``go_to_page`` and ``FOLLOWING`` again).
``go_to_page`` before ``document_loaded`` is remembered and applied on load.

Public API of ``ReaderWidget(engine: PdfEngine | None = None, parent=None)``:

- ``open_document(path, title="", password=None)``, ``close_document()``
- ``go_to_page(index)``, ``current_page`` (0-based), ``page_count``, ``info``
  (``meeting_app.pdf.DocumentInfo`` once loaded)
- ``zoom`` (1.0 = 100 %), ``set_zoom(zoom)``, ``set_zoom_mode(ZoomMode.FIT_WIDTH |
  FIT_PAGE | FREE)``
- ``set_watermark(text | None)``, ``set_follow_banner(state | None, presenter="")``
- ``open_search()``, ``search(text)``, ``select_hit(index)``, ``hits``, ``current_hit``,
  ``close_search()``
- signals ``page_changed(int)`` (user navigation only), ``current_page_changed(int)``
  (any change), ``document_loaded(int)``, ``document_failed(str)``,
  ``follow_requested()``
- parts, for tests and for embedding: ``toolbar``, ``view`` (``PageView``),
  ``side_panel``, ``search_bar``, ``banner``

Annotating: ``meeting_app.ui.reader.annotations.AnnotationLayer(reader)`` adds the tool
strip and paints an ``AnnotationStore``'s annotations over the pages (``PageView.overlays``,
``page_point``, ``page_rect``, ``update_page`` are its hooks).

Try a document on its own: ``python -m meeting_app.ui.reader FILE.pdf [--search TEXT]
[--watermark TEXT] [--banner browsing] [--screenshot OUT.png]``.

Keys (focus anywhere in the reader): Page Up/Down, Space/Shift+Space, arrows, Home/End,
Ctrl+F (find), F3/Shift+F3 (next/previous match), Ctrl++/Ctrl+-/Ctrl+0 (zoom in/out, fit
width), Ctrl+wheel zoom at the pointer. Touch: drag to scroll, pinch to zoom, swipe to
turn pages.
"""

from meeting_app.ui.reader.banner import BROWSING, FOLLOWING, FollowState
from meeting_app.ui.reader.layout import ZoomMode
from meeting_app.ui.reader.view import PageView
from meeting_app.ui.reader.widget import ReaderWidget

__all__ = ["BROWSING", "FOLLOWING", "FollowState", "PageView", "ReaderWidget", "ZoomMode"]
