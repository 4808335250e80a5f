"""The limits a file must fit to become a document (configurable with ``serve`` options)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass
class DocumentPolicy:
    max_upload_bytes: int = 100 * MB
    """A larger upload is refused with 413 before it is all read."""
    max_pages: int = 5000
    max_page_side: float = 14_400.0
    """PDF's own limit: 200 inches. A larger page is a trap for renderers."""
    inspect_cpu_seconds: float = 30.0
    """CPU time the inspecting process may use (it reads every page's text)."""
    inspect_memory_mb: int = 1024
    """Address space the inspecting process may use."""
    pdf_inflated_mb: int = 256
    """What a PDF's streams (all but images) may unpack to together: more is a compression
    bomb, refused before any page is read."""
    inspect_timeout_seconds: float = 60.0
    """Wall-clock limit of one inspection (a process that sleeps uses no CPU)."""
    convert_timeout_seconds: float = 120.0
    convert_memory_mb: int = 1536
    """Address space LibreOffice may use for one conversion."""
    convert_cpu_seconds: int = 60
    """CPU time LibreOffice may use for one conversion."""
    convert_file_mb: int = 512
    """The largest file LibreOffice may write (the PDF, its temporary files)."""
    office_unpacked_mb: int = 256
    """Real size of all an Office package's parts together."""
    office_part_mb: int = 128
    """Real size of one part."""
    office_max_ratio: float = 100.0
    """Unpacked over packed size of a part over 1 MB (honest XML stays under 20)."""
    office_max_parts: int = 10_000
    unsafe_unsandboxed_office: bool = False
    """Convert Office documents without the sandbox (where bubblewrap cannot run): UNSAFE,
    LibreOffice then has the server's network and files (the links a document still holds
    after cleaning, and LibreOffice's own flaws, reach them)."""
    soffice: str | None = None
    """LibreOffice's ``soffice`` program; None looks for soffice or libreoffice on PATH."""
    workers: int = 2
    """PDF inspections running at once in one server process (more wait)."""
    office_workers: int = 1
    """Office conversions running at once in one server process: a queue of their own, so a
    PDF never waits behind them."""
