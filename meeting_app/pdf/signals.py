"""``emit``: a signal emission that survives PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without taking a reference to
it, so every emit from Python code drops one reference to ``True``. Python 3.12+ makes
``True`` immortal and does not notice; on 3.11, after a few hundred emits, ``True``'s
count reaches zero and the interpreter aborts ("bool_dealloc: deallocating True or
False"). Giving the reference back is harmless on a fixed PySide6 (``True`` is never freed
anyway), so this is safe on every version. Pinning PySide6 to a release without the bug
is the project-wide fix; until then, code that emits often should go through here.
"""

from __future__ import annotations

import ctypes
from typing import Any

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` without losing a reference to the returned bool."""
    result = signal.emit(*args)
    if result is True or result is False:
        _incref(result)
