"""What kind of file an upload is, by its content; the name is only shown.

A PDF is a PDF whatever it is called (a scanner's ``scan.bin`` is fine). An Office document
is a zip (Office Open XML, OpenDocument), an OLE compound file (Word, Excel and PowerPoint
97–2003) or RTF; which of them it is, is read from inside it before conversion
(``office_package.suffix_of``, ``office_ole.suffix_of``): a zip or an OLE file that is no
document is refused there, whatever its name.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from server.documents.refusals import FileRefused, unprocessable, unsupported

HEAD_BYTES = 1024
"""PDF readers accept a header anywhere in the first kilobyte; so do we."""
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
RTF_MAGIC = b"{\\rtf"
OFFICE_SUFFIXES = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls", ".ppt", ".rtf")
ACCEPTED = "PDF, or an Office document (" + ", ".join(OFFICE_SUFFIXES) + ")"

Container = Literal["zip", "ole", "rtf"]


class Kind(StrEnum):
    PDF = "pdf"
    OFFICE = "office"


def sniff(head: bytes, size: int, filename: str) -> Kind:
    """The kind of an upload whose first bytes are ``head``; refuses anything else.

    ``head`` is at least the first HEAD_BYTES of the file (all of it if shorter).
    """
    if size == 0:
        raise unprocessable("The file is empty (0 bytes)")
    suffix = Path(filename).suffix.lower()
    # A zip or an OLE file is never a PDF, even one that holds a PDF near its start (a zip
    # stores a small file as it is): readers would find the PDF inside and show it, while
    # the stored bytes are an archive (a polyglot: one thing to us, another to the next tool).
    other = head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC)
    if PDF_MAGIC in head[:HEAD_BYTES] and not other:
        return Kind.PDF
    if other or head.startswith(RTF_MAGIC):
        return Kind.OFFICE
    raise _refusal(head, suffix, filename)


def container(head: bytes) -> Container:
    """How an Office upload (``sniff`` said so) is packed: a zip, an OLE file or RTF."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    return "ole" if head.startswith(OLE_MAGIC) else "rtf"


def _refusal(head: bytes, suffix: str, filename: str) -> FileRefused:
    if suffix == ".pdf":
        return unsupported(f"{filename} is named like a PDF but is not one (it does not start "
                           f"with %PDF-); accepted: {ACCEPTED}")
    if suffix in OFFICE_SUFFIXES:
        return unsupported(f"{filename} is named like an Office document but its content is not "
                           f"one; accepted: {ACCEPTED}")
    return unsupported(f"{filename or 'The file'} is not a document this server takes; accepted: {ACCEPTED}")


def read_head(path: Path) -> bytes:
    """The first HEAD_BYTES of a file (blocking)."""
    with path.open("rb") as file:
        return file.read(HEAD_BYTES)


def safe_filename(name: str | None, default: str = "document.pdf") -> str:
    """The last component of a client-given file name, without control characters, at most
    255 characters (the name is shown to people and stored, never used as a path)."""
    if not name:
        return default
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    if not cleaned or cleaned in (".", ".."):
        return default
    if len(cleaned) > 255:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (stem[: 254 - len(suffix)] + dot + suffix) if dot and len(suffix) < 16 else cleaned[:255]
    return cleaned
