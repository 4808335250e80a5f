"""The package-checking process: ``python -m server.documents.office_worker [limits] SOURCE TARGET``.

Measuring an Office package and parsing its XML parts (up to hundreds of megabytes) is CPU
work the server's event loop should not share a process with, so it runs here, under the
same self-imposed CPU and memory limits as the PDF inspector. It prints one JSON line:
``{"ok": true, "cleaned": [...], "suffix": ".xlsx"}`` or ``{"ok": false, "error": "..."}``.
With ``--ole`` it only says which program wrote an OLE file (``{"ok": true, "suffix": ".xls"}``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from server.documents.inspect_worker import limit_self

MB = 1024 * 1024


def run(source: Path, target: Path, limits: dict[str, Any], ole: bool = False) -> dict[str, Any]:
    from server.documents import office_ole, office_package
    from server.documents.refusals import FileRefused

    try:
        if ole:
            return {"ok": True, "suffix": office_ole.suffix_of(source)}
        cleaned = office_package.rebuild(source, target, office_package.PackageLimits(**limits))
        return {"ok": True, "cleaned": cleaned, "suffix": office_package.suffix_of(target)}
    except FileRefused as refusal:
        return {"ok": False, "error": refusal.message, "status": refusal.status}
    except MemoryError:
        return {"ok": False, "error": "Checking the document needs more memory than allowed"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check and clean one Office package under limits")
    parser.add_argument("--cpu-seconds", type=float, default=30.0)
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--max-parts", type=int, default=10_000)
    parser.add_argument("--part-mb", type=int, default=128)
    parser.add_argument("--total-mb", type=int, default=256)
    parser.add_argument("--max-ratio", type=float, default=100.0)
    parser.add_argument("--ole", action="store_true", help="only tell which program wrote an OLE file")
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    limit_self(args.cpu_seconds, args.memory_mb)
    limits = {"max_members": args.max_parts, "max_member_bytes": args.part_mb * MB,
              "max_total_bytes": args.total_mb * MB, "max_ratio": args.max_ratio}
    sys.stdout.write(json.dumps(run(args.source, args.target, limits, args.ole), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
