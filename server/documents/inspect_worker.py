"""The inspecting process: ``python -m server.documents.inspect_worker [limits] PATH``.

It limits itself (CPU time, address space, no core file) *before* importing PyMuPDF, then
inspects the file and prints one JSON line: ``{"ok": true, "pages", "title", ...}`` or
``{"ok": false, "error": "..."}``. A file that needs more than its limits gets the process
killed (SIGXCPU) or an allocation failure; the parent turns either into a refusal.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def limit_self(cpu_seconds: float, memory_mb: int) -> None:
    """CPU time (SIGXCPU at the soft limit, SIGKILL a second later) and address space."""
    cpu = max(1, math.ceil(cpu_seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(path: Path, max_pages: int, max_side: float, memory_mb: int,
        inflated_mb: int = 256, repaired_to: Path | None = None) -> dict[str, Any]:
    from server.documents import pdf  # only now: PyMuPDF loads under the limits

    try:
        return {"ok": True, **pdf.inspect(path, max_pages, max_side, inflated_mb * MB, repaired_to)}
    except pdf.PdfRefused as refusal:
        return {"ok": False, "error": str(refusal)}
    except MemoryError:
        return {"ok": False, "error": f"Reading the PDF needs more than {memory_mb} MB of memory"}
    except Exception as error:  # MuPDF's own errors: a damaged or hostile file
        text = str(error) or type(error).__name__
        if "alloc" in text or "out of memory" in text.lower():  # malloc, realloc, calloc failed
            return {"ok": False, "error": f"Reading the PDF needs more than {memory_mb} MB of memory"}
        return {"ok": False, "error": f"The PDF is damaged and cannot be read ({text[:200]})"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Inspect one PDF under resource limits")
    parser.add_argument("--cpu-seconds", type=float, default=30.0)
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--max-pages", type=int, default=5000)
    parser.add_argument("--max-side", type=float, default=14_400.0)
    parser.add_argument("--max-inflated-mb", type=int, default=256)
    parser.add_argument("--repaired-to", type=Path, default=None,
                        help="where to write a repaired file sound (when MuPDF had to repair it)")
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    limit_self(args.cpu_seconds, args.memory_mb)
    result = run(args.path, args.max_pages, args.max_side, args.memory_mb, args.max_inflated_mb,
                 args.repaired_to)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
