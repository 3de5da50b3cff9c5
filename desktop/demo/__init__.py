"""Demo missions: the 2007 Morocco mission written by hand, and synthetic ones at any size.

``mission-desk demo`` writes them into a new mission file; tests and benchmarks use them too.
"""

from __future__ import annotations

from desktop.demo.mission2007 import build_demo
from desktop.demo.synthetic import build_synthetic

__all__ = ["build_demo", "build_synthetic"]
