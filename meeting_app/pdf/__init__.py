"""PDF documents for the client: the only package that imports PyMuPDF.

A ``PdfEngine`` owns one worker thread that takes requests in priority order and runs
each in the engine's PDF process (``child.py``), the one place PyMuPDF is called: MuPDF
is not thread-safe, and PyMuPDF holds the GIL for a whole render, which on a thread would
freeze the GUI for as long (150 ms for a scanned page). A PDF that crashes or hangs
MuPDF costs a new process, not the application; a page still drawing after 0.3 s is
finished in a slow lane of its own (``slow_lane.py``) while the worker goes on in a spare
process, so one slow page never holds up the others (one that takes over 30 s is stopped
with a message). The GUI thread talks to the engine with
method calls that return at once and gets answers as Qt signals (``QImage`` pixels). This
package imports no ``ui``/``state``/``net`` code.

Quick start (GUI thread)::

    from meeting_app.pdf import shared_engine

    engine = shared_engine()                 # one per process, stopped on app quit
    doc = engine.open("/path/to/tai-lieu.pdf")                      # -> doc key (int)
    engine.document_opened.connect(on_opened)    # DocumentInfo: page_count, page_sizes
                                                 # (points), toc, metadata, title
    engine.open_failed.connect(on_failed)        # (doc, PdfError): .code, .message
    request = engine.render(doc, page=0, scale=1.5 * screen_dpr)   # -> request id
    engine.page_rendered.connect(on_page)        # RenderResult: request_id, doc, page,
                                                 # scale, image (QImage), kind, from_cache

``PdfEngine`` API (all on the GUI thread):

- ``open(path, password=None) -> doc``; ``info(doc) -> DocumentInfo | None``;
  ``close(doc)``.
- ``render(doc, page, scale, priority=Priority.VISIBLE) -> request_id``: ``scale`` is
  device pixels per point (1.0 = 72 dpi). A cached image is answered on the next event
  loop turn with ``from_cache=True``; a request for an image already queued or rendering
  joins it. ``cached(doc, page, scale) -> QImage | None`` looks without asking.
- ``prefetch(doc, pages, scale)``: render ahead, after visible pages, into the cache.
- ``thumbnail(doc, page, width_px) -> request_id`` -> ``thumbnail_ready``;
  ``cached_thumbnail(doc, page, width_px)``.
- ``cancel_pending(doc=None, what="pages"|"thumbnails"|"all") -> int``: drop queued
  renders no longer wanted (the user scrolled on); call it, then ask for what is visible.
- ``search(doc, text) -> search_id`` -> ``search_progress(search_id, [SearchHit])`` page
  slice by page slice, then ``search_finished(search_id, total)``; ``cancel_search(id)``.
  Case-insensitive for all Vietnamese letters, across line breaks, and diacritic-blind
  when the query has no diacritics ("nghi quyet" finds "Nghị quyết"); letter-spaced or
  vertical CJK text ("全 世 界") is found as written ("全世界"). A document without text a
  search can match (a scan, fonts without a character map) says so: ``search_no_text(id)``.
- ``clear_cache(mupdf_store=False)``, ``stats`` (``EngineStats``), ``pending_jobs()``,
  ``shutdown()``.

Signals: ``document_opened(DocumentInfo)``, ``open_failed(int, PdfError)``,
``page_rendered(RenderResult)``, ``thumbnail_ready(RenderResult)``,
``render_failed(RenderFailure)``, ``search_progress(int, list[SearchHit])``,
``search_no_text(int)``, ``search_finished(int, int)``.

Errors never raise out of the engine: broken, truncated, empty, non-PDF or
password-protected files give ``open_failed`` with a ``PdfError`` whose ``code`` is one of
``not_found``, ``empty``, ``not_pdf``, ``damaged``, ``encrypted``, ``wrong_password``,
``internal`` and whose ``message`` can be shown to the user; the engine keeps working.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meeting_app.pdf.documents import DocumentInfo, PdfError, TocEntry
    from meeting_app.pdf.engine import PdfEngine, shared_engine
    from meeting_app.pdf.results import EngineStats, Priority, RenderFailure, RenderResult, SearchHit

# Imported on first use: the PDF process imports ``meeting_app.pdf.child``, and through it
# this package, and should not load Qt for names it never uses.
_HOMES = {"DocumentInfo": "documents", "PdfError": "documents", "TocEntry": "documents",
          "PdfEngine": "engine", "shared_engine": "engine", "EngineStats": "results",
          "Priority": "results", "RenderFailure": "results", "RenderResult": "results",
          "SearchHit": "results"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "DocumentInfo",
    "EngineStats",
    "PdfEngine",
    "PdfError",
    "Priority",
    "RenderFailure",
    "RenderResult",
    "SearchHit",
    "TocEntry",
    "shared_engine",
]
