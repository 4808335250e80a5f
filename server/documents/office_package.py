"""An uploaded Office package (.docx, .xlsx, .pptx, .odt: a zip) checked and rebuilt clean.

Before LibreOffice sees a package, every member is measured: its declared size, its
compression ratio, and its real size, inflated here with a cap (a zip's headers may lie, and
a reader that trusts the deflate stream over the header would inflate far more). 150 KB of
zip can hold 50 MB of XML that keeps LibreOffice busy for minutes at gigabytes of memory;
such a file is refused in a fraction of a second. The members are then written into a new
zip, each XML member without its links out (``office_links``): LibreOffice reads only what
was checked, never the upload's own (possibly contradictory) headers.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from server.documents import office_links
from server.documents.refusals import unprocessable, unsupported

MB = 1024 * 1024
CHUNK = 256 * 1024
LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
LOCAL_MAGIC = b"PK\x03\x04"
EOCD = struct.Struct("<4sHHHHIIH")
EOCD_MAGIC = b"PK\x05\x06"
EOCD_SEARCH = EOCD.size + 65_535
"""The end record is within the last 22 bytes plus the longest comment."""
DIRECTORY_ENTRY = 1024
"""Bytes of central directory allowed per part (46 fixed, the name, extra fields)."""
XML_SUFFIXES = (".xml", ".rels", ".vml")
SMALL = 1 * MB
"""A member up to this size may have any compression ratio (an empty sheet compresses well)."""


@dataclass(frozen=True)
class PackageLimits:
    max_members: int = 10_000
    max_member_bytes: int = 128 * MB
    max_total_bytes: int = 256 * MB
    """Real (inflated) size of all members together."""
    max_ratio: float = 100.0
    """Inflated size over compressed size, for members over SMALL (XML rarely passes 20)."""


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


def check_declared(infos: list[zipfile.ZipInfo], limits: PackageLimits) -> None:
    """Refuse by the central directory alone: too many members, names twice, encryption, an
    unknown compression, sizes or ratios past the limits."""
    if len(infos) > limits.max_members:
        raise unprocessable(f"The document holds {len(infos)} parts; at most {limits.max_members} "
                            "are accepted")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise unprocessable("The document holds two parts under one name (readers would disagree on "
                            "which counts)")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise unprocessable("The document is protected by a password; upload it without the password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unprocessable(f"The document's part {info.filename} uses an unusual compression "
                          f"(method {info.compress_type}); save it again from the Office program")
        _check_member(info.filename, info.file_size, info.compress_size, limits)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise unprocessable(f"The document unpacks to more than {_size(limits.max_total_bytes)}; "
                          "it is too large to convert (or built to exhaust the converter)")


def _check_member(name: str, size: int, compressed: int, limits: PackageLimits) -> None:
    if size > limits.max_member_bytes:
        raise unprocessable(f"The document's part {name} unpacks to {_size(size)}; parts up to "
                      f"{_size(limits.max_member_bytes)} are accepted")
    if size > SMALL and size > limits.max_ratio * max(1, compressed):
        raise unprocessable(f"The document's part {name} unpacks from {_size(compressed)} to {_size(size)} "
                      f"(more than {limits.max_ratio:g} times): a compression bomb, refused")


def read_member(raw: zipfile.ZipFile, info: zipfile.ZipInfo, limits: PackageLimits) -> bytes:
    """A member's bytes, inflated from its local header with a cap; refused unless its real
    size is the declared one."""
    fp = raw.fp
    assert fp is not None
    fp.seek(info.header_offset)
    header = fp.read(LOCAL_HEADER.size)
    if len(header) != LOCAL_HEADER.size or header[:4] != LOCAL_MAGIC:
        raise unprocessable(f"The document's part {info.filename} is damaged (no local header)")
    fields = LOCAL_HEADER.unpack(header)
    fp.seek(info.header_offset + LOCAL_HEADER.size + fields[9] + fields[10])
    cap = min(limits.max_member_bytes, info.file_size) + 1  # one byte more than declared shows a lie
    if info.compress_type == zipfile.ZIP_STORED:
        data = fp.read(min(cap, info.compress_size))
    else:
        data = _inflate(fp, info, cap)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise unprocessable(f"The document's part {info.filename} is not what its header says "
                      f"({_size(info.file_size)} declared): damaged, or built to mislead")
    return data


def _inflate(fp: object, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Inflate until the deflate stream ends, the cap is passed, or the file ends."""
    inflater = zlib.decompressobj(-15)
    out = bytearray()
    read = fp.read  # type: ignore[attr-defined]
    try:
        while not inflater.eof and len(out) < cap:
            pending = inflater.unconsumed_tail or read(CHUNK)
            if not pending:
                break
            out += inflater.decompress(pending, cap - len(out))
    except zlib.error:
        raise unprocessable(f"The document's part {info.filename} is damaged (bad compressed data)") from None
    return bytes(out)


def looks_like_xml(data: bytes) -> bool:
    """Whether a member starts as XML does (any encoding, a byte order mark or not)."""
    head = data[:4].lstrip(b" \t\r\n")
    return head.startswith((b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<"))


def check_directory(source: Path, limits: PackageLimits) -> None:
    """Refuse a central directory too large to parse before ``zipfile`` parses it (it holds
    every entry in memory: 100 MB of directory would be a gigabyte in the server)."""
    with source.open("rb") as file:
        file.seek(0, 2)
        size = file.tell()
        file.seek(max(0, size - EOCD_SEARCH))
        tail = file.read()
    at = tail.rfind(EOCD_MAGIC)
    if at < 0 or len(tail) - at < EOCD.size:
        return  # not a zip: zipfile says so
    *_, entries, directory_size, _offset, _comment = EOCD.unpack(tail[at:at + EOCD.size])
    if directory_size > limits.max_members * DIRECTORY_ENTRY or (
            entries != 0xFFFF and entries > limits.max_members):
        raise unprocessable(f"The document holds {entries} parts; at most {limits.max_members} "
                            "are accepted")


ODF_SUFFIXES = {"application/vnd.oasis.opendocument.text": ".odt",
                "application/vnd.oasis.opendocument.spreadsheet": ".ods",
                "application/vnd.oasis.opendocument.presentation": ".odp"}
OOXML_MAIN_PARTS = (("word/document.xml", ".docx"), ("xl/workbook.xml", ".xlsx"),
                    ("ppt/presentation.xml", ".pptx"))


def package_suffix(names: set[str], mimetype: bytes | None) -> str:
    """The kind of Office package holding the parts ``names`` (ODF's ``mimetype`` content if
    it has one) as a suffix LibreOffice knows; refused when the zip is no Office document."""
    if mimetype is not None:
        suffix = ODF_SUFFIXES.get(mimetype.decode("ascii", "replace").strip())
        if suffix:
            return suffix
    elif "[Content_Types].xml" in names:
        for part, suffix in OOXML_MAIN_PARTS:
            if part in names:
                return suffix
    raise unsupported("The file is a zip archive but not a Word, Excel, PowerPoint or OpenDocument "
                      "text, spreadsheet or presentation")


def suffix_of(path: Path) -> str:
    """``package_suffix`` of the (already checked) package at ``path``."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:200] if "mimetype" in names else None
    return package_suffix(names, mimetype)


def rebuild(source: Path, target: Path, limits: PackageLimits) -> list[str]:
    """Check ``source`` and write its clean copy to ``target``; the names of the members whose
    links out were removed. FileRefused when the package is refused."""
    check_directory(source, limits)
    try:
        raw = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise unprocessable("The file is a zip but not a readable one (damaged or incomplete); "
                            "save it again and upload it") from None
    cleaned: list[str] = []
    with raw, zipfile.ZipFile(target, "w") as out:
        infos = raw.infolist()
        check_declared(infos, limits)
        for info in infos:
            if info.is_dir():
                continue
            data = read_member(raw, info, limits)
            named_xml = info.filename.lower().endswith(XML_SUFFIXES)
            if named_xml or looks_like_xml(data):
                # A part of any name may be declared XML ([Content_Types].xml, the manifest).
                new = office_links.neutralize(info.filename, data, strict=named_xml)
                if new is not data:
                    cleaned.append(info.filename)
                data = new
            # ODF's "mimetype" must stay first and stored; everything else is deflated afresh.
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), data, method)
    return cleaned
