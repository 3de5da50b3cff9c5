"""A guard against a PySide6 reference-count bug on Python 3.11.

PySide6 6.12 returns ``None`` from its void methods without taking a reference, as if ``None``
were immortal (it is only from Python 3.12 on). On 3.11 every ``label.setText()`` or
``app.processEvents()`` takes one reference from ``None`` for good, and after some tens of
thousands of calls the interpreter aborts ("deallocating None"). Giving ``None`` a very large
reference count once, at import, keeps it alive for the life of the process; ``None`` is never
freed anyway, so this costs nothing.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def pin_none() -> None:
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        refcount = ctypes.c_ssize_t.from_address(id(None))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
