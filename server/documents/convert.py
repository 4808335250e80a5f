"""Office documents to PDF with LibreOffice headless, in a sandbox (``sandbox``), under
memory and CPU limits and a wall-clock limit.

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

from server.documents import sandbox
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


def require_sandbox(unsandboxed: bool, filename: str) -> str | None:
    """The ``bwrap`` program to convert in (blocking: probed once), or a 415 when it cannot
    run here; None when the administrator chose unsandboxed conversion (unsafe)."""
    if unsandboxed:
        return None
    bwrap = sandbox.find_bwrap()
    if bwrap is not None and sandbox.usable(bwrap):
        return bwrap
    raise unsupported(
        f"{filename} is an Office document. This server converts Office documents only in a "
        "sandbox (bubblewrap), which is not installed or cannot run here: upload the document "
        "as PDF, or ask the administrator to install the bubblewrap package.")


async def to_pdf(program: str, bwrap: str | None, source: Path, workdir: Path, timeout: float,
                 limits: sandbox.Limits) -> Path:
    """Convert ``source`` (in ``workdir``) to PDF inside the sandbox ``bwrap`` (None: without
    one); the PDF's path, or a 422.

    The process runs in a session of its own so that it and any helper it starts are
    killed together on a timeout or when the upload is abandoned.
    """
    out_dir, profile = workdir / "out", workdir / "profile"
    out_dir.mkdir(exist_ok=True)
    await asyncio.to_thread(sandbox.write_settings, profile)
    if bwrap is not None:
        command = sandbox.command(bwrap, program, source, out_dir, profile, limits)
    else:
        command = [*_prlimit(limits), program, *sandbox.soffice_options(profile.as_uri()),
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
        if process.returncode in (-signal.SIGKILL, -signal.SIGXCPU, 128 + signal.SIGKILL,
                                  128 + signal.SIGXCPU, 128 + signal.SIGSEGV, 128 + signal.SIGABRT):
            raise unprocessable(f"Converting the document to PDF needed more than its limits "
                                f"({limits.memory_mb} MB of memory, {limits.cpu_seconds} s of "
                                "processing): it is too complex, or built to exhaust the converter")
        raise unprocessable(f"LibreOffice could not convert the document to PDF"
                            f"{f': {said}' if said else ''}")
    return pdf


def _prlimit(limits: sandbox.Limits) -> list[str]:
    """prlimit's command prefix for ``limits`` (nothing where prlimit is missing)."""
    program = shutil.which("prlimit")
    if program is None:
        return []
    return [program, f"--as={limits.memory_mb * sandbox.MB}", f"--cpu={limits.cpu_seconds}",
            f"--fsize={limits.file_mb * sandbox.MB}", "--core=0", "--"]
