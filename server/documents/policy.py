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
    inspect_timeout_seconds: float = 60.0
    """Wall-clock limit of one inspection (a process that sleeps uses no CPU)."""
    convert_timeout_seconds: float = 120.0
    soffice: str | None = None
    """LibreOffice's ``soffice`` program; None looks for soffice or libreoffice on PATH."""
    workers: int = 2
    """Conversions and inspections running at once in one server process (more wait)."""
