"""Synthetic missions (placeholder)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def build_synthetic(session: Session, *, size: int, seed: int) -> None:
    raise NotImplementedError
