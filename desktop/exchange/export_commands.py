"""``mission-desk export attendees``: written with the exporter (see exporter.py)."""

from __future__ import annotations

import argparse


def register_export(sub: argparse._SubParsersAction) -> None:
    """Added once the exporter exists."""
