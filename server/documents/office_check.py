"""Running the package-checking process (``office_worker``) from the event loop.

As with the PDF inspector: started with ``asyncio.create_subprocess_exec`` in a session of
its own, held to a wall-clock limit on top of the CPU and memory limits it sets itself,
and any way it can fail is a 422.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.documents.children import run_child
from server.documents.policy import DocumentPolicy
from server.documents.refusals import unprocessable, unsupported


@dataclass(frozen=True)
class CheckedPackage:
    cleaned: list[str]
    """The parts whose links out were removed."""
    suffix: str
    """What the package is (``.docx`` … ``.odp``), read from inside it."""


def _command(source: Path, target: Path, policy: DocumentPolicy, ole: bool) -> list[str]:
    return [sys.executable, "-m", "server.documents.office_worker",
            "--cpu-seconds", str(policy.inspect_cpu_seconds), "--memory-mb", str(policy.inspect_memory_mb),
            "--max-parts", str(policy.office_max_parts), "--part-mb", str(policy.office_part_mb),
            "--total-mb", str(policy.office_unpacked_mb), "--max-ratio", str(policy.office_max_ratio),
            *(["--ole"] if ole else []), str(source), str(target)]


async def check_package(source: Path, target: Path, policy: DocumentPolicy) -> CheckedPackage:
    """Check the Office package ``source`` (a zip) and write its clean copy to ``target``;
    or a 415 (no Office document) or 422."""
    answer = await _run(source, target, policy, ole=False)
    return CheckedPackage([str(name) for name in answer.get("cleaned") or []], str(answer["suffix"]))


async def ole_suffix(source: Path, policy: DocumentPolicy) -> str:
    """``.doc``, ``.xls`` or ``.ppt``: which program wrote the OLE file ``source``; or a 415/422."""
    return str((await _run(source, source, policy, ole=True))["suffix"])


async def _run(source: Path, target: Path, policy: DocumentPolicy, ole: bool) -> dict[str, Any]:
    try:
        _code, out, _err = await run_child(_command(source, target, policy, ole),
                                           policy.inspect_timeout_seconds)
    except TimeoutError:
        raise unprocessable(f"Checking the Office document took longer than "
                            f"{policy.inspect_timeout_seconds:g} s; it is too large, or built to stall "
                            "the checker") from None
    try:
        answer = json.loads(out.decode().strip().split("\n")[-1])
    except (ValueError, IndexError):
        raise unprocessable(f"Checking the Office document needed more than its limits "
                            f"({policy.inspect_cpu_seconds:g} s of processing, {policy.inspect_memory_mb} MB "
                            "of memory): it is too large, or built to exhaust the checker") from None
    if not answer.get("ok"):
        refuse = unsupported if answer.get("status") == 415 else unprocessable
        raise refuse(str(answer.get("error") or "The Office document was refused"))
    return dict(answer)
