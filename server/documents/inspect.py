"""Running the inspecting process (``inspect_worker``) from the event loop (``children``).

Any way it can fail (a refusal, a kill by its CPU limit, a crash, silence) is a 422.
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.documents.children import run_child
from server.documents.policy import DocumentPolicy
from server.documents.refusals import unprocessable


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    title: str | None
    text_chars: int
    page_info: list[Any] = field(default_factory=list)
    """Per page ``[width, height, text_hash]``."""
    page_texts: list[str] = field(default_factory=list)
    """Per page its extracted text (for search)."""
    repaired: bool = False
    """MuPDF had to repair the file; its sound copy was written where ``inspect_pdf`` said."""


def _command(path: Path, policy: DocumentPolicy, repaired_to: Path | None) -> list[str]:
    return [sys.executable, "-m", "server.documents.inspect_worker",
            "--cpu-seconds", str(policy.inspect_cpu_seconds), "--memory-mb", str(policy.inspect_memory_mb),
            "--max-pages", str(policy.max_pages), "--max-side", str(policy.max_page_side),
            "--max-inflated-mb", str(policy.pdf_inflated_mb),
            *(["--repaired-to", str(repaired_to)] if repaired_to else []), str(path)]


async def inspect_pdf(path: Path, policy: DocumentPolicy, repaired_to: Path | None = None) -> PdfFacts:
    """The facts of a PDF that passed inspection; a 422 otherwise. A file that had to be
    repaired is written out sound to ``repaired_to`` (``PdfFacts.repaired``)."""
    try:
        code, out, err = await run_child(_command(path, policy, repaired_to), policy.inspect_timeout_seconds)
    except TimeoutError:
        raise unprocessable(f"Checking the PDF took longer than {policy.inspect_timeout_seconds:g} s; "
                            "it is too complex or built to stall a reader") from None
    if code is not None and code < 0:
        if -code in (signal.SIGXCPU, signal.SIGKILL):
            raise unprocessable(f"Checking the PDF needed more than {policy.inspect_cpu_seconds:g} s of "
                                "processing; it is too complex or built to exhaust a reader")
        raise unprocessable(f"Reading the PDF stopped the checking process (signal {-code}): the file is "
                            f"damaged, hostile, or needs more than {policy.inspect_memory_mb} MB of memory")
    try:
        # Lines split on "\n" only: page text may hold U+2028 and the like, which
        # splitlines() would split on but JSON does not escape.
        answer = json.loads(out.decode().strip().split("\n")[-1])
    except (ValueError, IndexError):
        tail = err.decode(errors="replace").strip()[-300:]
        if "MemoryError" in tail:
            raise unprocessable(f"Reading the PDF needs more than {policy.inspect_memory_mb} MB "
                                "of memory") from None
        raise unprocessable(f"The PDF could not be checked ({tail or f'exit status {code}'})") from None
    if not answer.get("ok"):
        raise unprocessable(str(answer.get("error") or "The PDF was refused"))
    return PdfFacts(int(answer["pages"]), answer.get("title"), int(answer.get("text_chars", 0)),
                    list(answer.get("page_info") or []), [str(t) for t in answer.get("page_texts") or []],
                    bool(answer.get("repaired")))
