"""PDFs built to hurt a reader, written as raw bytes (fast, and exactly what we mean).

``wide_page``: one page 200,000 pt wide. ``many_pages``: more pages than the server takes.
``deflate_bomb``: a 10 KB file whose one content stream inflates to gigabytes of spaces.
``text_bomb``: a few hundred bytes that show tens of millions of letters (memory for text).
``minimal``: a valid one-page PDF with a line of text (to wrap in other names).
"""

from __future__ import annotations

import struct
import zlib


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object N+1 is ``objects[N]`` (1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def minimal(text: str = "Hello") -> bytes:
    """One A4 page showing ``text`` (ASCII) in Helvetica."""
    content = b"BT /F1 24 Tf 72 720 Td (%s) Tj ET" % text.encode("ascii")
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        FONT,
    ])


def wide_page(width: int = 200_000) -> bytes:
    """One page ``width`` pt wide: a render at any useful scale needs gigabytes."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 500] /Contents 4 0 R >>" % width,
        _stream(b"0 0 m 100 100 l S"),
    ])


def many_pages(count: int) -> bytes:
    """``count`` real (empty) pages in one flat page tree."""
    first_page = 3
    kids = b" ".join(b"%d 0 R" % (first_page + n) for n in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * count
    return raw_pdf(objects)


def deflate_bomb(megabytes: int = 4096) -> bytes:
    """One page whose content stream inflates to ``megabytes`` MB of spaces: a file of a
    few kilobytes (two layers of FlateDecode).

    One megabyte is compressed once with a full flush (a self-contained deflate run) and
    repeated; the zlib trailer carries the true checksum of the whole. That stream is
    compressed again.
    """
    chunk = b" " * (1024 * 1024)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.flush(zlib.Z_FINISH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    inner = b"\x78\xda" + block * megabytes + tail + struct.pack(">I", checksum)
    data = zlib.compress(inner, 9)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(data, b"/Filter [/FlateDecode /FlateDecode] "),
    ])


def text_bomb(megachars: int = 256) -> bytes:
    """One page showing ``megachars`` million letters in one string: every one of them
    costs memory when the page's text is extracted."""
    chunk = b"A" * (1024 * 1024)
    deflate = zlib.compressobj(9)
    inner = deflate.compress(b"BT /F1 1 Tf 0 0 Td (")
    inner += b"".join(deflate.compress(chunk) for _ in range(megachars))
    inner += deflate.compress(b") Tj ET") + deflate.flush()
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(zlib.compress(inner, 9), b"/Filter [/FlateDecode /FlateDecode] "),
        FONT,
    ])
