"""The PDF process: the only place PyMuPDF runs.

PyMuPDF holds Python's GIL for the whole of a render (measured: a 150 ms scan blocks
every other thread of the process for 150 ms), so rendering on a thread of the
application would freeze its GUI thread just the same. It runs here instead, in a child
process driven by the engine's worker thread: one request at a time over a pipe, pixels
back through shared memory (one copy instead of a 6 MB pipe transfer). A hostile PDF that
crashes or hangs MuPDF takes down this process only; the worker starts another.

No Qt here: the process starts quickly and stays small. Requests and replies are tuples:

    ("open", doc, path, password, key)   -> ("opened", DocumentInfo)
                                            (key: of a sealed cache file, or None)
    ("render", doc, page, scale, tile)   -> ("image", w, h, stride, in_shm, ms)
                                            (tile -1: the whole page)
                                            (+ the RGB bytes on the pipe if not in_shm)
    ("search", doc, query, start, budget)
                                         -> ("hits", [(page, [(x, y, w, h), ...])], next, count,
                                             pages with searchable text among those searched)
    ("words", doc, page)                 -> ("words", [(x0, y0, x1, y1, text, line), ...])
    ("export", source, target, annotations, password, key, watermark)
                                         -> ("exported", count)
    ("summary", target, html, title)     -> ("exported", pages)
    ("close", doc), ("shrink",)          -> ("ok",)
    any failure                          -> ("error", code, message)
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import sys
import time
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection, answer_challenge
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import Any

import pymupdf

from meeting_app.pdf import annotated, summary, text_search
from meeting_app.pdf.documents import MAX_PIXELS, TILE_PX, DocumentInfo, PdfError, TocEntry, tile_place
from meeting_app.vault import MAGIC, VaultError, is_sealed, read_sealed
from protocol.pdf_files import is_cut_off

Rect = tuple[float, float, float, float]


def read_cached(path: Path, cache_key: bytes | None) -> bytes | None:
    """The plaintext of ``path`` if it is a sealed cache file (None: a plain file).

    Decrypted here, in memory: the plaintext never touches the disk. The file's stem is its
    sha256 (the records' label), checked against the result."""
    with path.open("rb") as file:
        if not is_sealed(file.read(len(MAGIC))):
            return None
    if cache_key is None:
        raise PdfError("locked", "This document is encrypted in the offline cache; sign in "
                                 "to read it.")
    try:
        return read_sealed(path, cache_key, path.stem, path.stem)
    except VaultError as error:
        raise PdfError("locked", str(error)) from None


def open_document(path: Path, password: str | None,
                  cache_key: bytes | None = None) -> pymupdf.Document:
    """Open ``path`` as a PDF or raise ``PdfError`` with a message a delegate can act on."""
    if not path.is_file():
        raise PdfError("not_found", f"The file {path.name} does not exist.")
    if path.stat().st_size == 0:
        raise PdfError("empty", f"The file {path.name} is empty (0 bytes).")
    plain = read_cached(path, cache_key)
    try:
        # filetype="pdf": never read a text or image file as a "document" by its content.
        doc = pymupdf.open(stream=plain, filetype="pdf") if plain is not None \
            else pymupdf.open(path, filetype="pdf")
    except pymupdf.FileDataError as error:
        raise PdfError("not_pdf", f"The file {path.name} is not a PDF document.") from error
    except Exception as error:
        raise PdfError("damaged", f"The file {path.name} cannot be read: {error}") from error
    try:
        if doc.needs_pass and not doc.authenticate(""):  # an empty user password opens it
            if not password:
                raise PdfError("encrypted", "This document is protected by a password.")
            if not doc.authenticate(password):
                raise PdfError("wrong_password", "The password for this document is wrong.")
        if doc.page_count == 0:
            raise PdfError("damaged", f"The file {path.name} is damaged: it has no pages.")
        if doc.is_repaired and is_cut_off(plain if plain is not None else path.read_bytes()):
            # MuPDF rebuilds what it can of a cut-off file; showing half a document as if it
            # were whole would mislead, so a truncated download is refused outright (a file
            # merely lacking its cross-reference table, or with junk after it, is whole).
            raise PdfError("damaged", f"The file {path.name} is incomplete (cut off); "
                                      "download it again.")
    except BaseException:
        doc.close()
        raise
    return doc


def describe(doc_key: int, path: Path, doc: pymupdf.Document) -> DocumentInfo:
    """Page sizes, outline and metadata of an open document."""
    sizes: list[tuple[float, float]] = []
    for number in range(doc.page_count):
        try:
            rect = doc.load_page(number).rect
            sizes.append((float(rect.width), float(rect.height)))
        except Exception:  # a damaged page: keep its place, it will fail to render alone
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
    toc = []
    for level, title, page, *_ in doc.get_toc(simple=True):
        target = page - 1 if 1 <= page <= doc.page_count else -1
        toc.append(TocEntry(int(level), str(title).strip(), target))
    metadata = {k: v.strip() for k, v in (doc.metadata or {}).items()
                if isinstance(v, str) and v.strip() and k != "format"}
    return DocumentInfo(doc_key, path, doc.page_count, tuple(sizes), tuple(toc), metadata)


def render_page(page: pymupdf.Page, scale: float, tile: int = -1) -> pymupdf.Pixmap:
    """``page`` at ``scale`` device pixels per point (smaller if above ``MAX_PIXELS``), RGB;
    or one ``TILE_PX`` square of it (``tile``, see ``jobs.tile_number``) at that scale."""
    if tile >= 0:
        column, row = tile_place(tile)
        side = TILE_PX / scale  # in points of the page as shown (rotation applied)
        clip = pymupdf.Rect(column * side, row * side, (column + 1) * side, (row + 1) * side) & page.rect
        if clip.is_empty:
            raise PdfError("internal", "The tile is outside the page.")
        return page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), clip=clip, alpha=False)
    pixels = page.rect.width * page.rect.height * scale * scale
    if pixels > MAX_PIXELS:  # (a hair under, as MuPDF rounds the pixel size outwards)
        scale *= math.sqrt(MAX_PIXELS / pixels) * 0.998
    return page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)


class Child:
    """Serves requests from the worker thread until the pipe closes."""

    def __init__(self, conn: Connection, shm_name: str) -> None:
        self.conn = conn
        self.shm = SharedMemory(name=shm_name)
        if os.name == "posix":
            # Attaching registered the segment for clean-up at our exit (bpo-39959); the
            # application created it and removes it.
            resource_tracker.unregister(self.shm._name, "shared_memory")  # type: ignore[attr-defined]
        self.docs: dict[int, pymupdf.Document] = {}
        self.page_texts: dict[tuple[int, int], str] = {}

    def serve(self) -> None:
        # MuPDF prints repairs and syntax errors to stderr; here they become exceptions.
        pymupdf.TOOLS.mupdf_display_errors(False)
        pymupdf.TOOLS.mupdf_display_warnings(False)
        while True:
            try:
                request = self.conn.recv()
            except (EOFError, OSError):
                break
            try:
                reply = getattr(self, "op_" + request[0])(*request[1:])
            except PdfError as error:
                reply = ("error", error.code, error.message)
            except Exception as error:
                reply = ("error", "internal", str(error) or type(error).__name__)
            self.conn.send(reply)
            if request[0] == "render" and reply[0] == "image" and not reply[4]:
                self.conn.send_bytes(self._overflow)
                self._overflow = b""
        self.shm.close()

    _overflow: bytes | memoryview = b""

    def _doc(self, key: int) -> pymupdf.Document:
        doc = self.docs.get(key)
        if doc is None:
            raise PdfError("internal", "The document is not open.")
        return doc

    def op_open(self, key: int, path: str, password: str | None,
                cache_key: bytes | None = None) -> tuple[Any, ...]:
        doc = open_document(Path(path), password, cache_key)
        self.docs[key] = doc
        return ("opened", describe(key, Path(path), doc))

    def op_render(self, key: int, number: int, scale: float, tile: int = -1) -> tuple[Any, ...]:
        doc = self._doc(key)
        if not 0 <= number < doc.page_count:
            raise PdfError("internal", f"There is no page {number + 1}.")
        started = time.perf_counter()
        try:
            pix = render_page(doc.load_page(number), scale, tile)
        except PdfError:
            raise
        except Exception as error:
            raise PdfError("damaged", f"Page {number + 1} cannot be displayed: {error}") from error
        size = pix.stride * pix.height
        buffer = self.shm.buf
        in_shm = buffer is not None and size <= self.shm.size
        if buffer is not None and in_shm:
            buffer[:size] = pix.samples_mv
        else:  # bigger than the shared buffer: the slow way, through the pipe
            self._overflow = pix.samples
        ms = (time.perf_counter() - started) * 1000
        return ("image", pix.width, pix.height, pix.stride, in_shm, ms)

    def op_search(self, key: int, query: str, start: int, budget_s: float) -> tuple[Any, ...]:
        doc = self._doc(key)
        folded, ignore_marks = text_search.fold_query(query)
        deadline = time.perf_counter() + budget_s
        hits: list[tuple[int, list[Rect]]] = []
        number = start
        with_text = 0
        while number < doc.page_count:
            found = self._search_page(doc, key, number, folded, ignore_marks)
            hits.extend((number, boxes) for boxes in found)
            with_text += text_search.has_text(self.page_texts.get((key, number), ""))
            number += 1
            if time.perf_counter() > deadline:
                break
        return ("hits", hits, number, doc.page_count, with_text)

    def _search_page(self, doc: pymupdf.Document, key: int, number: int, query: str,
                     ignore_marks: bool) -> list[list[Rect]]:
        known = self.page_texts.get((key, number))
        if known is not None and (not query or not text_search.contains(known, query, ignore_marks)):
            return []
        try:
            page = doc.load_page(number)
            page_text = text_search.read_page(page)
        except Exception:  # a page whose text cannot be read has no hits
            return []
        self.page_texts[(key, number)] = page_text.text
        # Characters come in unrotated page space; the image is of the rotated page.
        rotation = page.rotation_matrix
        found = []
        for boxes in text_search.find(page_text, query, ignore_marks):
            rects = [pymupdf.Rect(box) * rotation for box in boxes]
            found.append([(r.x0, r.y0, r.width, r.height) for r in rects])
        return found

    def op_words(self, key: int, number: int) -> tuple[Any, ...]:
        doc = self._doc(key)
        if not 0 <= number < doc.page_count:
            raise PdfError("internal", f"There is no page {number + 1}.")
        return ("words", annotated.page_words(doc.load_page(number)))

    def op_export(self, source: str, target: str, annotations: list[dict[str, Any]],
                  password: str | None, cache_key: bytes | None = None,
                  watermark: str | None = None) -> tuple[Any, ...]:
        plain = read_cached(Path(source), cache_key)
        try:
            return ("exported", annotated.export(Path(source), Path(target), annotations, password,
                                                 plain, watermark))
        except Exception as error:
            raise PdfError("internal", f"The annotated copy could not be written: {error}") from error

    def op_summary(self, target: str, body: str, title: str) -> tuple[Any, ...]:
        try:
            return ("exported", summary.write(Path(target), body, title))
        except Exception as error:
            raise PdfError("internal", f"The summary could not be written: {error}") from error

    def op_close(self, key: int) -> tuple[Any, ...]:
        doc = self.docs.pop(key, None)
        if doc is not None:
            doc.close()
        self.page_texts = {k: v for k, v in self.page_texts.items() if k[0] != key}
        return ("ok",)

    def op_shrink(self) -> tuple[Any, ...]:
        pymupdf.TOOLS.store_shrink(100)
        return ("ok",)


def main(argv: list[str]) -> None:
    """Entry point of the PDF process: ``python -m meeting_app.pdf.child PORT SHM_NAME``,
    with the connection key in hex on stdin (see ``worker.Worker._start``)."""
    port, shm_name = int(argv[1]), argv[2]
    key = bytes.fromhex(sys.stdin.readline().strip())
    conn = Connection(socket.create_connection(("127.0.0.1", port)).detach())
    answer_challenge(conn, key)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C in a terminal reaches us too
        Child(conn, shm_name).serve()


if __name__ == "__main__":
    main(sys.argv)
