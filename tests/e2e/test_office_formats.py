"""Office documents of every kind LibreOffice reads are taken by their content, whatever
they are called: OpenDocument spreadsheets and presentations, the 97–2003 binary formats
(.doc, .xls, .ppt) and RTF, each converted in the sandbox to a PDF with its text. A zip or
an OLE file that is no document is refused, whatever its name."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from server.documents import convert, office_ole
from server.documents.refusals import FileRefused
from tests.e2e.conftest import DEMO_USERS
from tests.e2e.documents import TunedServer, upload
from tests.e2e.helpers import Client, Meeting, login, new_meeting
from tests.support import office_files

pytestmark = pytest.mark.e2e

SOFFICE = convert.find_soffice(None)
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
MARKERS = {"odt": "Công văn số 17 về cải cách", "ods": "Kinh phí", "odp": "Trình chiếu kết quả"}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Each format, the binary ones made from OpenDocument files by LibreOffice itself."""
    folder = tmp_path_factory.mktemp("formats")
    sources = {"odt": office_files.odt_paragraphs(MARKERS["odt"]),
               "ods": office_files.ods([[MARKERS["ods"], "1200"]]),
               "odp": office_files.odp(MARKERS["odp"])}
    for suffix, data in sources.items():
        (folder / f"source.{suffix}").write_bytes(data)
    made = dict(sources)
    if SOFFICE is not None:
        profile = (folder / "profile").as_uri()
        for source, target in (("odt", "doc"), ("odt", "rtf"), ("ods", "xls"), ("odp", "ppt")):
            subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", str(folder / target), str(folder / f"source.{source}")],
                           check=True, capture_output=True, timeout=180)
            made[target] = (folder / target / f"source.{target}").read_bytes()
    return made


def pdf_text(server: TunedServer, sha256: str) -> str:
    with pymupdf.open(server.blob_dir / sha256[:2] / sha256[2:4] / sha256) as doc:
        return " ".join(" ".join(page.get_text() for page in doc).split())


@needs_soffice
@pytest.mark.parametrize(("kind", "marker", "name"), [
    ("ods", MARKERS["ods"], "bang-kinh-phi.ods"),
    ("odp", MARKERS["odp"], "trinh-chieu.odp"),
    ("doc", MARKERS["odt"], "cong-van.doc"),
    ("xls", MARKERS["ods"], "bang.xls"),
    ("ppt", MARKERS["odp"], "trinh-chieu.ppt"),
    ("rtf", MARKERS["odt"], "cong-van.rtf"),
    ("xls", MARKERS["ods"], "bang-tinh-khong-duoi"),  # no suffix: the content decides
    ("odt", MARKERS["odt"], "cong-van.pdf"),  # a wrong one: the content still decides
])
def test_every_office_kind_is_taken_by_its_content(docs_server: TunedServer, tokens: dict[str, str],
                                                   meeting: Meeting, documents: dict[str, bytes],
                                                   kind: str, marker: str, name: str) -> None:
    status, body = upload(docs_server, tokens["secretary"], meeting.id, documents[kind], name, title=name)
    assert status == 201, body
    assert marker in pdf_text(docs_server, body["document"]["sha256"])


@needs_soffice
def test_a_zip_or_ole_file_that_is_no_document_is_refused(docs_server: TunedServer, tokens: dict[str, str],
                                                         meeting: Meeting, documents: dict[str, bytes],
                                                         tmp_path: Path) -> None:
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("ghi-chu.txt", "không phải tài liệu")
    status, body = upload(docs_server, tokens["secretary"], meeting.id, archive.getvalue(), "bao-cao.docx",
                          title="Báo cáo")
    assert status == 415 and "zip archive" in body["error"]["message"]

    # An OLE file whose streams are not Word's, Excel's or PowerPoint's (here: damaged).
    status, body = upload(docs_server, tokens["secretary"], meeting.id,
                          documents["doc"][:512] + b"\x00" * 4096, "thu.doc", title="Thư")
    assert status in (415, 422) and body["error"]["message"]


def test_the_program_of_an_ole_file_is_read_from_its_streams(documents: dict[str, bytes],
                                                            tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed: no binary Office files to read")
    for kind in ("doc", "xls", "ppt"):
        path = tmp_path / f"x{kind}"  # no suffix to go by
        path.write_bytes(documents[kind])
        assert office_ole.suffix_of(path) == f".{kind}"
    broken = tmp_path / "broken"
    broken.write_bytes(documents["doc"][:700])
    with pytest.raises(FileRefused):
        office_ole.suffix_of(broken)


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[TunedServer]:
    server = TunedServer(tmp_path_factory.mktemp("formats-server"))
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


@pytest.fixture(scope="module")
def tokens(docs_server: TunedServer) -> dict[str, str]:
    return {name: str(login(docs_server, name)["token"]) for name in ("admin", "secretary")}


@pytest.fixture(scope="module")
def meeting(docs_server: TunedServer, tokens: dict[str, str]) -> Meeting:
    async def make() -> Meeting:
        admin = await Client(docs_server, tokens["admin"], "admin").connect()
        try:
            ids = {name: int(login(docs_server, name)["user"]["id"]) for name in DEMO_USERS}
            return await new_meeting(admin, ids)
        finally:
            await admin.close()

    return asyncio.run(make())
