"""The Office package check (``office_package``) and link removal (``office_links``) on
packages made here: honest files pass unchanged, every link out is removed or the file
refused, and compression bombs are refused before any converter sees them."""

from __future__ import annotations

import asyncio
import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from server.documents import office_check, office_links, office_package
from server.documents.office_package import PackageLimits
from server.documents.policy import DocumentPolicy
from server.documents.refusals import FileRefused
from tests.support import office_files as o

LIMITS = PackageLimits()


def rebuilt(tmp_path: Path, data: bytes,
            limits: PackageLimits = LIMITS) -> tuple[dict[str, bytes], list[str]]:
    source, target = tmp_path / "in.bin", tmp_path / "out.bin"
    source.write_bytes(data)
    cleaned = office_package.rebuild(source, target, limits)
    with zipfile.ZipFile(target) as package:
        return {info.filename: package.read(info) for info in package.infolist()}, cleaned


def refusal(tmp_path: Path, data: bytes, limits: PackageLimits = LIMITS) -> str:
    with pytest.raises(FileRefused) as refused:
        rebuilt(tmp_path, data, limits)
    assert refused.value.status == 422
    return refused.value.message


def test_an_honest_document_passes_unchanged(tmp_path: Path) -> None:
    original = o.odt('<text:p>Biên bản <text:a xlink:href="https://chinhphu.vn/">cổng</text:a> '
                     '<text:a xlink:href="#muc-2">mục 2</text:a></text:p>')
    members, cleaned = rebuilt(tmp_path, original)
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        assert members == {info.filename: package.read(info) for info in package.infolist()}
    assert cleaned == []
    with zipfile.ZipFile(tmp_path / "out.bin") as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)  # as ODF requires


@pytest.mark.parametrize("url", ["file:///var/lib/meeting/blobs/ab/cd/abcd", "http://127.0.0.1:8765/x.svg",
                                 "../../secret.svg", "/etc/passwd", "C:\\secret.png", "smb://host/share/a.png",
                                 "&#102;ile:///etc/passwd", "vnd.sun.star.script:Standard.Module1.Main"])
def test_a_linked_odf_image_loses_its_link(tmp_path: Path, url: str) -> None:
    members, cleaned = rebuilt(tmp_path, o.odt_linked_image(url))
    assert cleaned == ["content.xml"]
    assert b'xlink:href=""' in members["content.xml"] and b"Pictures" not in members["content.xml"]
    assert office_links.findings(members["content.xml"]) == []
    assert "Ảnh liên kết".encode() in members["content.xml"], "the text stays"


def test_a_linked_odf_section_loses_its_source(tmp_path: Path) -> None:
    members, _ = rebuilt(tmp_path, o.odt_linked_section("file:///etc/shadow"))
    assert b"/etc/shadow" not in members["content.xml"] and b"cached text" in members["content.xml"]


def test_a_hyperlink_to_a_file_is_removed_but_web_links_stay(tmp_path: Path) -> None:
    members, _ = rebuilt(tmp_path, o.odt('<text:p><text:a xlink:href="file:///etc/passwd">a</text:a>'
                                         '<text:a xlink:href="http://example.org/">b</text:a></text:p>'))
    assert b"/etc/passwd" not in members["content.xml"] and b"http://example.org/" in members["content.xml"]


def test_an_external_ooxml_relationship_points_nowhere(tmp_path: Path) -> None:
    members, cleaned = rebuilt(tmp_path, o.docx_external_image("file:///var/lib/meeting/secret.svg"))
    rels = members["word/_rels/document.xml.rels"]
    assert cleaned == ["word/_rels/document.xml.rels"]
    assert b"secret.svg" not in rels and b'TargetMode="Internal"' in rels
    assert office_links.findings(rels) == []


@pytest.mark.parametrize("kind", ["attachedTemplate", "oleObject", "subDocument", "frame",
                                  "externalLinkPath"])
def test_every_kind_of_external_relationship_is_removed(tmp_path: Path, kind: str) -> None:
    relationship = (f'<Relationship Id="rId5" Type="{o.OFFICE_DOC}/{kind}" '
                    "Target='http://10.0.0.1/t.dotm' TargetMode=\"External\"/>")
    members, _ = rebuilt(tmp_path, o.docx(o.w_paragraph("x"), relationship))
    assert b"10.0.0.1" not in members["word/_rels/document.xml.rels"]


def test_external_web_hyperlinks_stay(tmp_path: Path) -> None:
    relationship = (f'<Relationship Id="rId5" Type="{o.OFFICE_DOC}/hyperlink" '
                    'Target="https://chinhphu.vn/" TargetMode="External"/>')
    members, cleaned = rebuilt(tmp_path, o.docx(o.w_paragraph("x"), relationship))
    assert cleaned == [] and b"https://chinhphu.vn/" in members["word/_rels/document.xml.rels"]


@pytest.mark.parametrize("instruction", ['INCLUDETEXT "C:\\\\secret.docx"',
                                         'INCLUDEPICTURE "http://127.0.0.1/a.png" \\d',
                                         'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"',
                                         ' includetext "/etc/passwd" ', 'LINK Excel.Sheet.8 "/x.xls" "" \\a'])
def test_a_field_that_pulls_content_in_loses_its_instruction(tmp_path: Path, instruction: str) -> None:
    members, cleaned = rebuilt(tmp_path, o.docx_field(instruction))
    document = members["word/document.xml"]
    assert cleaned == ["word/document.xml"]
    assert b"<w:instrText" in document and instruction[2:8].encode() not in document
    assert "kết quả cũ".encode() in document, "the field shows the result it was saved with"


def test_harmless_fields_stay(tmp_path: Path) -> None:
    members, cleaned = rebuilt(tmp_path, o.docx_field("PAGE \\* MERGEFORMAT"))
    assert cleaned == [] and b"PAGE" in members["word/document.xml"]


def test_a_simple_field_is_emptied(tmp_path: Path) -> None:
    body = '<w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;http://127.0.0.1/p.png&quot;"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
    members, _ = rebuilt(tmp_path, o.docx(body))
    assert b'w:instr=""' in members["word/document.xml"]


def test_another_prefix_and_a_quoted_bracket_hide_nothing(tmp_path: Path) -> None:
    """The parser sees names by namespace, and a ``>`` inside a quoted value ends no tag."""
    body = ('<text:p><d:frame xmlns:d="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:l="http://www.w3.org/1999/xlink"><d:image d:name="a>b" l:href="http://127.0.0.1/a.svg"/>'
            '</d:frame></text:p>')
    members, _ = rebuilt(tmp_path, o.odt(body))
    assert b"127.0.0.1" not in members["content.xml"]


def test_a_macro_bound_to_an_event_is_unbound(tmp_path: Path) -> None:
    body = ('<text:p>x</text:p><office:event-listeners><script:event-listener script:language="ooo:script" '
            'script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.M.Main?language=Basic"/>'
            '</office:event-listeners>')
    members, _ = rebuilt(tmp_path, o.odt(body))
    assert b"Standard.M.Main" not in members["content.xml"]


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>',
])
def test_a_dtd_is_refused(tmp_path: Path, xml: bytes) -> None:
    message = refusal(tmp_path, o.odt("<text:p>x</text:p>", {"styles.xml": xml}))
    assert "styles.xml" in message and "DTD" in message


def test_a_link_that_cannot_be_rewritten_refuses_the_file(tmp_path: Path) -> None:
    """UTF-16 XML: the parser finds the link, the byte-level rewrite cannot remove it."""
    content = ('<?xml version="1.0" encoding="UTF-16"?><r xmlns:xlink="http://www.w3.org/1999/xlink">'
               '<i xlink:href="file:///etc/passwd"/></r>').encode("utf-16")
    message = refusal(tmp_path, o.odt("<text:p>x</text:p>", {"styles.xml": content}))
    assert "styles.xml" in message and "file:///etc/passwd" in message


def test_a_part_named_otherwise_is_read_as_xml_too(tmp_path: Path) -> None:
    members, cleaned = rebuilt(tmp_path, o.docx(o.w_paragraph("x"), parts={
        "word/media/part.bin": b'<r xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata src="file:///etc/passwd"/></r>'}))
    assert cleaned == ["word/media/part.bin"] and b"/etc/passwd" not in members["word/media/part.bin"]


# ------------------------------------------------------------------------------------ bombs

def test_an_xml_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """The issue's file: 50 MB of XML packed into about 150 KB."""
    bomb = o.docx_xml_bomb(50)
    assert len(bomb) < 400_000
    started = time.monotonic()
    message = refusal(tmp_path, bomb)
    assert "word/document.xml" in message and "compression bomb" in message
    assert time.monotonic() - started < 2


def test_a_header_that_understates_the_size_is_caught(tmp_path: Path) -> None:
    """The central directory says 1 KB; the deflate stream holds 20 MB (a reader trusting the
    stream would inflate it all)."""
    member = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = member.compress(b"<r>" + b"a" * (20 * 1024 * 1024) + b"</r>") + member.flush()
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as out:
        out.writestr("content.xml", b"<r>" + b"a" * 1017 + b"</r>", zipfile.ZIP_DEFLATED)
    data = package.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as read:
        info = read.infolist()[0]
    start = 30 + len(info.filename.encode())
    lying = data[:start] + payload
    directory = data[data.index(b"PK\x01\x02"):]
    directory = directory[:20] + struct.pack("<I", len(payload)) + directory[24:]  # the compressed size
    offset = directory.index(b"PK\x05\x06")
    directory = directory[:offset + 16] + struct.pack("<I", len(lying)) + directory[offset + 20:]
    started = time.monotonic()
    message = refusal(tmp_path, lying + directory)
    assert "content.xml" in message
    assert "not what its header says" in message or "compression bomb" in message
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(("limits", "word"), [
    (PackageLimits(max_members=5), "at most 5"),
    (PackageLimits(max_total_bytes=2000), "unpacks to more than"),
    (PackageLimits(max_member_bytes=500), "parts up to"),
])
def test_package_limits(tmp_path: Path, limits: PackageLimits, word: str) -> None:
    parts = {f"Pictures/{n}.png": b"\x89PNG" + bytes(300) for n in range(6)}
    message = refusal(tmp_path, o.odt("<text:p>" + "Biên bản " * 200 + "</text:p>", parts), limits)
    assert word in message, message


def test_a_huge_central_directory_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """The end record is read first: 20,000 entries are never turned into objects."""
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as out:
        for n in range(20_000):
            out.writestr(f"p/{n}", b"")
    path = tmp_path / "many.docx"
    path.write_bytes(package.getvalue())
    with pytest.raises(FileRefused) as refused:
        office_package.check_directory(path, PackageLimits())
    assert "20000 parts; at most 10000" in refused.value.message


def test_two_parts_under_one_name_are_refused(tmp_path: Path) -> None:
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as out, pytest.warns(UserWarning):
        out.writestr("content.xml", "<a/>")
        out.writestr("content.xml", "<b/>")
    assert "two parts under one name" in refusal(tmp_path, package.getvalue())


def test_an_encrypted_part_or_an_odd_compression_is_refused(tmp_path: Path) -> None:
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as out:
        out.writestr("content.xml", "<a/>", zipfile.ZIP_BZIP2)
    assert "unusual compression" in refusal(tmp_path, package.getvalue())
    data = bytearray(o.odt_paragraphs("x"))
    at = data.index(b"PK\x01\x02")
    data[at + 8] |= 1  # the central directory's encryption flag
    assert "password" in refusal(tmp_path, bytes(data))


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", o.odt_paragraphs("x")[:200]])
def test_a_broken_zip_is_refused_clearly(tmp_path: Path, data: bytes) -> None:
    assert "not a readable one" in refusal(tmp_path, data)


# ------------------------------------------------------------- in its own limited process

def test_the_check_runs_in_a_process_of_its_own(tmp_path: Path) -> None:
    source, target = tmp_path / "in.odt", tmp_path / "out.odt"
    source.write_bytes(o.odt_linked_image("http://127.0.0.1:9/a.svg"))
    checked = asyncio.run(office_check.check_package(source, target, DocumentPolicy()))
    assert (checked.cleaned, checked.suffix) == (["content.xml"], ".odt")
    with zipfile.ZipFile(target) as package:
        assert b"127.0.0.1" not in package.read("content.xml")
    source.write_bytes(o.docx_xml_bomb(50))
    with pytest.raises(FileRefused) as refused:
        asyncio.run(office_check.check_package(source, target, DocumentPolicy()))
    assert refused.value.status == 422 and "compression bomb" in refused.value.message


def test_the_checking_process_is_held_to_its_limits(tmp_path: Path) -> None:
    """Parsing lives in a child under CPU and memory limits: one that cannot finish within
    them is a refusal, never a load on the server."""
    source = tmp_path / "in.docx"
    source.write_bytes(o.docx(o.w_paragraph("x")))
    with pytest.raises(FileRefused) as refused:
        asyncio.run(office_check.check_package(source, tmp_path / "out.docx",
                                               DocumentPolicy(inspect_memory_mb=20)))
    assert refused.value.status == 422 and "20 MB of memory" in refused.value.message


# ------------------------------------------------------------- what a package is, from inside

@pytest.mark.parametrize(("data", "suffix"), [
    (o.odt_paragraphs("x"), ".odt"), (o.ods([["a", "b"]]), ".ods"), (o.odp("Trang 1"), ".odp"),
    (o.docx(o.w_paragraph("x")), ".docx"),
])
def test_the_kind_of_package_is_read_from_its_parts(tmp_path: Path, data: bytes, suffix: str) -> None:
    source, target = tmp_path / "upload", tmp_path / "clean.zip"  # no name to go by
    source.write_bytes(data)
    office_package.rebuild(source, target, office_package.PackageLimits())
    assert office_package.suffix_of(target) == suffix


def test_a_zip_that_is_no_office_document_is_refused_as_unsupported(tmp_path: Path) -> None:
    source = tmp_path / "upload"
    with zipfile.ZipFile(source, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")  # no main part of any program
        package.writestr("notes.txt", "không phải tài liệu")
    office_package.rebuild(source, tmp_path / "out.zip", office_package.PackageLimits())  # measured: fine
    with pytest.raises(FileRefused) as refused:
        office_package.suffix_of(tmp_path / "out.zip")
    assert refused.value.status == 415 and "zip archive" in refused.value.message
