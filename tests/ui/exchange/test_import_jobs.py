"""The import's background work: stopped half-way, it leaves the mission as it was."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db.missionfile import MissionFile
from desktop.db.models import Person
from desktop.errors import Cancelled
from desktop.exchange.fields import Kind
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.ui.exchange.jobs import importing
from desktop.ui.operations import Progress, _OperationSignals


def people(mission: MissionFile) -> int:
    with mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_a_cancelled_import_writes_nothing(mission_file: MissionFile, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("First name,Last name,Email\n" + "".join(
        f"Ann,Lee{i},ann{i}@example.com\n" for i in range(600)), encoding="utf-8")
    source = read_source(path)
    work = importing(Kind.PEOPLE, source, guess_mapping(Kind.PEOPLE, source.headers),
                     skip_invalid=False, rejected_file=None)
    stop = threading.Event()
    signals = _OperationSignals()
    reports: list[str] = []

    def reported(_done: int, _total: int, message: str) -> None:
        reports.append(message)
        if message.startswith("Writing"):  # Cancel pressed once the first rows are written
            stop.set()

    signals.progress.connect(reported)
    with pytest.raises(Cancelled), mission_file.transaction() as session:
        work(session, Progress(signals, stop))
    assert reports[-1] == "Writing record 250 of 600…"
    assert people(mission_file) == 0
