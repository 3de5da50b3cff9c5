"""Shared fixtures. Qt runs offscreen; every test starts in English with a fresh mission."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.db.missionfile import MissionFile
from desktop.i18n import set_language
from desktop.missions import MissionInput, create_mission

MISSION_START = date(2007, 5, 14)
MISSION_END = date(2007, 5, 17)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def new_mission_file(path: Path) -> MissionFile:
    """A new mission file with its mission row and the shipped airports."""
    mission = MissionFile.create(path)
    with mission.transaction() as session:
        create_mission(session, MissionInput(name="Test mission", start_date=MISSION_START,
                                             end_date=MISSION_END,
                                             organisers="APEBI and AMPA"))
    return mission


@pytest.fixture
def mission_file(tmp_path: Path) -> Iterator[MissionFile]:
    mission = new_mission_file(tmp_path / "test.mission")
    yield mission
    mission.close()


@pytest.fixture
def session(mission_file: MissionFile) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back after the test; the code under
    test may commit (it commits a SAVEPOINT)."""
    connection = mission_file.engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint",
                 expire_on_commit=False)
    yield db
    db.close()
    outer.rollback()
    connection.close()
