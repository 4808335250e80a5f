"""Run a server module with one addition: SIGUSR2 runs a full garbage collection.

    python -m bench.with_gc GC_FILE MODULE [ARGS ...]

The memory benchmark reads a server's resident set after a collection, without changing
the server's code: on SIGUSR2 this process runs ``gc.collect()`` (on the main thread,
between two bytecodes of its event loop) and then writes how many collections it has run
so far to ``GC_FILE``, which the benchmark polls. Nothing else differs from
``python -m MODULE ARGS``.
"""

from __future__ import annotations

import gc
import runpy
import signal
import sys
from pathlib import Path
from types import FrameType


def main() -> None:
    """Install the handler and run the module as ``__main__``."""
    if len(sys.argv) < 3:
        raise SystemExit("usage: python -m bench.with_gc GC_FILE MODULE [ARGS ...]")
    gc_file, module = Path(sys.argv[1]), sys.argv[2]
    done = 0

    def collect(_signum: int, _frame: FrameType | None) -> None:
        nonlocal done
        gc.collect()
        done += 1
        gc_file.write_text(str(done))

    signal.signal(signal.SIGUSR2, collect)
    sys.argv = [module, *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
