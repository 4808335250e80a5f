"""Office documents to PDF with LibreOffice headless, in a subprocess with a time limit.

Each conversion gets its own LibreOffice profile (``-env:UserInstallation``) in its work
directory: two conversions at once would otherwise fight over the default profile's lock,
and nothing is left in the server user's home.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
from pathlib import Path

from server.documents.refusals import unprocessable, unsupported

OUTPUT_TAIL = 300
"""How much of LibreOffice's output a refusal quotes."""


def find_soffice(configured: str | None) -> str | None:
    """The LibreOffice program to run: the configured one, else soffice or libreoffice on PATH."""
    if configured:
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice(configured: str | None, filename: str) -> str:
    """The LibreOffice program, or a 415 that says it is missing."""
    program = find_soffice(configured)
    if program is None:
        raise unsupported(
            f"{filename} is an Office document. This server converts Office documents to PDF "
            "with LibreOffice, which is not installed on it: upload the document as PDF, or ask "
            "the administrator to install LibreOffice (e.g. the libreoffice-writer-nogui package).")
    return program


async def to_pdf(program: str, source: Path, workdir: Path, timeout: float) -> Path:
    """Convert ``source`` (in ``workdir``) to PDF; the PDF's path, or a 422.

    The process runs in a session of its own so that it and any helper it starts are
    killed together on a timeout or when the upload is abandoned.
    """
    out_dir, profile = workdir / "out", workdir / "profile"
    out_dir.mkdir(exist_ok=True)
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf",
               "--outdir", str(out_dir), str(source)]
    env = {**os.environ, "HOME": str(workdir)}
    process = await asyncio.create_subprocess_exec(
        *command, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT, cwd=workdir, env=env, start_new_session=True)
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        raise unprocessable(f"Converting {source.name} to PDF took longer than {timeout:g} s") from None
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            await process.wait()
    pdf = out_dir / f"{source.stem}.pdf"
    if process.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        said = output.decode(errors="replace").strip()[-OUTPUT_TAIL:]
        raise unprocessable(f"LibreOffice could not convert the document to PDF"
                            f"{f': {said}' if said else ''}")
    return pdf
