"""PDFs built to hurt a reader, written as raw bytes (fast, and exactly what we mean).

``wide_page``: one page 200,000 pt wide. ``many_pages``: more pages than the server takes.
``deflate_bomb``: a 10 KB file whose one content stream inflates to gigabytes of spaces.
``text_bomb``: a few hundred bytes that show tens of millions of letters (memory for text).
``minimal``: a valid one-page PDF with a line of text (to wrap in other names).

The hostile corpus (uploaded by tests/e2e/test_hostile_uploads.py): ``truncated``,
``encrypted`` (with PyMuPDF), ``cyclic_page_tree`` and ``nested_page_tree_loop`` (Kids
pointing back), ``page_count_lie``, ``cyclic_outlines``, ``xref_loop`` (/Prev to itself),
``deep_nesting``, ``image_bomb``, ``scripted`` (JavaScript and Launch actions), and files
that are no PDF at all: ``png``, ``zip_archive``, ``random_bytes``, ``header_then_noise``.
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


# ------------------------------------------------------------------- the hostile corpus


def truncated() -> bytes:
    """A ten-page PDF cut off in the middle (no xref, no trailer, no %%EOF)."""
    data = many_pages(10)
    return data[: len(data) // 2]


def encrypted() -> bytes:
    """A valid PDF that opens only with a password (AES-256, made with PyMuPDF)."""
    import pymupdf

    doc = pymupdf.open(stream=minimal("Secret"), filetype="pdf")
    try:
        return bytes(doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256,  # type: ignore[attr-defined]
                                 user_pw="mật khẩu", owner_pw="chủ sở hữu"))
    finally:
        doc.close()


def cyclic_page_tree() -> bytes:
    """A page tree whose Pages node lists itself (and the catalog) among its kids."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R 1 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])


def nested_page_tree_loop() -> bytes:
    """Two Pages nodes that are each other's kid, under a catalog that claims 1,000 pages."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1000 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1000 >>",
    ])


def cyclic_outlines() -> bytes:
    """A fine one-page PDF whose bookmarks (outline items) point at each other in a ring."""
    content = b"BT /F1 24 Tf 72 720 Td (Outlines) Tj ET"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R /PageMode /UseOutlines >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content),
        FONT,
        b"<< /Type /Outlines /First 7 0 R /Last 8 0 R /Count 2 >>",
        b"<< /Title (One) /Parent 6 0 R /Next 8 0 R /Prev 8 0 R /First 8 0 R /Dest [3 0 R /Fit] >>",
        b"<< /Title (Two) /Parent 7 0 R /Next 7 0 R /Prev 7 0 R /First 7 0 R /Dest [3 0 R /Fit] >>",
    ])


def xref_loop() -> bytes:
    """A PDF whose trailer's /Prev points at its own xref section, forever."""
    data = minimal("Loop")
    xref = data.rindex(b"xref\n")
    return data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev %d >>" % xref)


def page_count_lie(count: int = 4000) -> bytes:
    """A page tree that claims ``count`` pages and holds one."""
    return minimal("Lie").replace(b"/Kids [3 0 R] /Count 1", b"/Kids [3 0 R] /Count %d" % count)


def deep_nesting(depth: int = 200_000) -> bytes:
    """A page whose resources hold an array nested ``depth`` levels deep (a parser's stack)."""
    nested = b"[" * depth + b"]" * depth
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Nested " + nested + b" >>",
    ])


def image_bomb(side: int = 60_000) -> bytes:
    """The first page draws a ``side`` x ``side`` RGB image (gigabytes decoded) that is a few
    hundred kilobytes of zeros compressed."""
    row_bytes = side * 3
    deflate = zlib.compressobj(9)
    zero_row = b"\x00" * row_bytes
    data = b"".join(deflate.compress(zero_row) for _ in range(min(side, 4096))) + deflate.flush()
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(data))
             + data + b"\nendstream")
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        image,
    ])


def scripted() -> bytes:
    """A fine page that runs JavaScript when opened and has a link that launches a program:
    harmless to a reader without a script engine or launcher (MuPDF runs neither)."""
    content = b"BT /F1 24 Tf 72 720 Td (Scripted) Tj ET"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R "
        b"/Names << /JavaScript << /Names [(a) 6 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R] /AA << /O 6 0 R >> >>",
        _stream(content),
        FONT,
        b"<< /Type /Action /S /JavaScript /JS (app.alert\\('boom'\\); while\\(true\\){}) >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 740] /Border [0 0 0] "
        b"/A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>",
    ])


def png() -> bytes:
    """A real (1 x 1) PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def zip_archive() -> bytes:
    """A real zip archive holding a PDF."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("bao-cao.pdf", minimal("Zipped"))
    return out.getvalue()


def random_bytes(size: int = 64 * 1024, seed: int = 2026) -> bytes:
    """Noise (the same every time)."""
    import random

    return random.Random(seed).randbytes(size)


def header_then_noise() -> bytes:
    """``%PDF-1.7`` and then noise: sniffed as a PDF, unreadable as one."""
    return b"%PDF-1.7\n" + random_bytes(32 * 1024)


# ----------------------------------------------------------------- damaged, yet whole and readable

def junk_before_header() -> bytes:
    """A mail gateway's headers before ``%PDF-`` (within the first kilobyte)."""
    return b"Content-Type: application/pdf\r\nX-Scanned: yes\r\n\r\n" + many_pages(3)


def without_startxref() -> bytes:
    """A whole file whose ``startxref`` line is missing (MuPDF rebuilds the table)."""
    data = many_pages(3)
    at = data.rindex(b"startxref")
    return data[:at] + b"%%EOF\n"


def junk_after_end(size: int = 12_000) -> bytes:
    """A whole file with a signature tool's padding after ``%%EOF``."""
    return many_pages(3) + b"\x00padding" * (size // 8)


def empty_user_password(method: str = "rc4-40") -> bytes:
    """Encrypted under an older handler (RC4 or AES-128) with an empty user password: any
    reader opens it without asking (only printing or copying may be restricted)."""
    import pymupdf

    methods = {"rc4-40": pymupdf.PDF_ENCRYPT_RC4_40, "rc4-128": pymupdf.PDF_ENCRYPT_RC4_128,  # type: ignore[attr-defined]
               "aes-128": pymupdf.PDF_ENCRYPT_AES_128}  # type: ignore[attr-defined]
    doc = pymupdf.open(stream=many_pages(2), filetype="pdf")
    try:
        return bytes(doc.tobytes(encryption=methods[method], user_pw="", owner_pw="chủ sở hữu",
                                 permissions=pymupdf.PDF_PERM_ACCESSIBILITY))  # type: ignore[attr-defined]
    finally:
        doc.close()
