"""The mission file: created private, opened safely, locked, backed up, upgraded, refused."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import stat
from datetime import datetime, time
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import select

from desktop.b2b.setup import generate_slots
from desktop.db import schema
from desktop.db.backup import list_backups
from desktop.db.enums import SessionKind
from desktop.db.lock import lock_path, read_holder
from desktop.db.missionfile import MissionFile, inspect_file, restore_backup
from desktop.db.models import B2BSlot, Mission, Organization
from desktop.errors import MissionFileError, MissionLockedError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from tests.conftest import new_mission_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    with new_mission_file(tmp_path / "m.mission") as mission:
        mode = stat.S_IMODE(os.stat(mission.path).st_mode)
    assert mode == 0o600


def test_connections_enforce_foreign_keys_use_wal_and_wait_when_busy(
        mission_file: MissionFile) -> None:
    with mission_file.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_a_new_file_is_at_the_newest_revision_and_marked_as_a_mission(
        mission_file: MissionFile) -> None:
    assert mission_file.path is not None
    assert inspect_file(mission_file.path) == schema.HEAD_REVISION
    raw = sqlite3.connect(mission_file.path)
    try:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    finally:
        raw.close()


def test_creating_over_an_existing_file_is_refused_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    with pytest.raises(MissionFileError, match="already exists"):
        MissionFile.create(path)
    MissionFile.create(path, overwrite=True).close()


def test_a_second_writer_is_told_who_holds_the_file(mission_file: MissionFile) -> None:
    assert mission_file.path is not None
    with pytest.raises(MissionLockedError) as caught:
        MissionFile.open(mission_file.path)
    holder = caught.value.holder
    assert holder["pid"] == os.getpid()
    assert holder["user"] and holder["host"] and holder["since"]
    assert "already open" in caught.value.message
    assert str(holder["host"]) in caught.value.message


def test_a_held_file_can_still_be_opened_read_only_and_cannot_be_written(
        mission_file: MissionFile) -> None:
    assert mission_file.path is not None
    with MissionFile.open(mission_file.path, read_only=True) as reader:
        assert reader.read_only
        with reader.transaction() as session:
            assert session.scalar(select(Mission.name)) == "Test mission"
        with pytest.raises(sa.exc.OperationalError), reader.transaction() as session:
            session.add(Organization(name="Atlas Offshore", side="delegation"))
            session.flush()


def test_the_lock_is_released_on_close_and_a_dead_holder_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    assert read_holder(path) is None
    # A lock left behind by a process that no longer runs on this host.
    ghost = {"user": "ghost", "host": socket.gethostname(), "pid": 999_999_999,
             "since": "2007-05-15T09:00:00"}
    lock_path(path).write_text(json.dumps(ghost))
    with MissionFile.open(path) as mission:
        holder = read_holder(path)
        assert holder is not None and holder.pid == os.getpid()
        assert not mission.read_only
    assert not lock_path(path).exists()


def test_an_open_backs_up_what_changed_and_keeps_only_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    for n in range(4):
        with MissionFile.open(path, keep_backups=3) as mission:
            assert mission.backup_path is not None
            with mission.transaction() as session:
                session.add(Organization(name=f"Company {n}", side="host"))
    backups = list_backups(path)
    assert len(backups) == 3
    for backup in backups:
        assert inspect_file(backup.path) == schema.HEAD_REVISION
        assert stat.S_IMODE(os.stat(backup.path).st_mode) == 0o600


def test_a_mission_nobody_changed_is_not_copied_again(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    with MissionFile.open(path) as first:
        assert first.backup_path is not None
    with MissionFile.open(path) as second:
        assert second.backup_path is None
    assert len(list_backups(path)) == 1


def test_a_backup_can_be_restored_and_the_replaced_content_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    with MissionFile.open(path) as mission:
        backup = mission.backup_path
        with mission.transaction() as session:
            session.add(Organization(name="Atlas Offshore", side="delegation"))
    assert backup is not None
    safety = restore_backup(backup, path)
    with MissionFile.open(path, read_only=True) as mission, mission.transaction() as session:
        assert session.scalar(select(sa.func.count()).select_from(Organization)) == 0
    assert safety is not None
    with MissionFile.open(safety, read_only=True) as old, old.transaction() as session:
        assert session.scalar(select(Organization.name)) == "Atlas Offshore"


def test_restoring_is_refused_while_the_mission_is_open(mission_file: MissionFile,
                                                         tmp_path: Path) -> None:
    assert mission_file.path is not None and mission_file.backup_path is None
    other = tmp_path / "other.mission"
    new_mission_file(other).close()
    with pytest.raises(MissionLockedError, match="Close it"):
        restore_backup(other, mission_file.path)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"Nom;Prenom\nAlami;Samir\n", "not a mission file"),
    (bytes(range(256)) * 8, "not a mission file"),
])
def test_files_that_are_not_missions_are_refused_untouched(tmp_path: Path, content: bytes,
                                                            message: str) -> None:
    path = tmp_path / "list.mission"
    path.write_bytes(content)
    with pytest.raises(MissionFileError, match=message):
        MissionFile.open(path)
    assert path.read_bytes() == content
    assert not lock_path(path).exists()


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(MissionFileError, match="not a Mission Desk mission"):
        MissionFile.open(path)
    assert digest(path) == before


def test_a_corrupt_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    with new_mission_file(path) as mission, mission.transaction() as session:
        for n in range(300):
            session.add(Organization(name=f"Company {n}", side="host", notes="x" * 500))
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 12)):
        data[offset] = 0xA5  # trash several pages after the schema
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(MissionFileError, match="damaged"):
        MissionFile.open(path)
    assert digest(path) == before
    assert not lock_path(path).exists()


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    before = digest(path)
    with pytest.raises(MissionFileError, match="newer version"):
        MissionFile.open(path)
    assert digest(path) == before


def test_a_file_from_an_older_version_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.mission"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        schema.upgrade(connection, "0001")
        connection.exec_driver_sql(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        connection.exec_driver_sql(
            "INSERT INTO organization (name, side, city, sectors, website, email, phone, offers,"
            " seeks, notes, created_at, updated_at) VALUES ('Atlas Offshore', 'delegation', '',"
            " '[]', '', '', '', '', '', '', '2007-05-01 10:00:00', '2007-05-01 10:00:00')")
    engine.dispose()
    assert inspect_file(path) == "0001"
    with MissionFile.open(path) as mission:
        assert mission.backup_path is not None
        assert inspect_file(mission.backup_path) == "0001"
        with mission.transaction() as session:
            assert session.scalar(select(Organization.name)) == "Atlas Offshore"
            indexes = {ix["name"] for ix in sa.inspect(session.connection()).get_indexes(
                "flight_segment")}
    assert "ix_flight_segment_departs_at" in indexes
    assert inspect_file(path) == schema.HEAD_REVISION


def test_slots_labelled_part_3_by_an_older_version_become_morning_and_afternoon(
        tmp_path: Path) -> None:
    # Older versions started a new part at every pause: with a coffee break at 10:20, the
    # lunch pause and a coffee break at 15:20, a block ran "am", "pm", "part 3", "part 4".
    path = tmp_path / "old.mission"
    with new_mission_file(path) as mission, mission.transaction() as session:
        coffee = add_program_session(session, ProgramSessionInput(
            "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
            datetime(2007, 5, 15, 17, 20)))
        plain = add_program_session(session, ProgramSessionInput(
            "B2B Rabat", SessionKind.B2B_BLOCK, datetime(2007, 5, 16, 9),
            datetime(2007, 5, 16, 17, 20)))
        old = generate_slots(session, coffee.id, 20, pauses=[
            (time(10, 20), time(10, 40)), (time(12, 40), time(14, 0)),
            (time(15, 20), time(15, 50))])
        for slot in old:
            start = slot.starts_at.time()
            slot.part = ("am" if start < time(10, 20) else "pm" if start < time(12, 40)
                         else "part 3" if start < time(15, 20) else "part 4")
        kept = generate_slots(session, plain.id, 20)
        kept[0].part = "pm"  # a hand-made label in a block without "part N" stays
        session.flush()
        coffee_id, plain_id = coffee.id, plain.id
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(schema.alembic_config(connection), "0002")
    engine.dispose()
    with MissionFile.open(path) as mission, mission.transaction() as session:
        def parts(block_id: int) -> list[tuple[str, str]]:
            return [(s.starts_at.strftime("%H:%M"), s.part) for s in session.scalars(
                select(B2BSlot).where(B2BSlot.session_id == block_id)
                .order_by(B2BSlot.starts_at))]
        relabelled = parts(coffee_id)
        assert {part for _t, part in relabelled} == {"am", "pm"}
        assert [part for t, part in relabelled if t in ("10:00", "10:40", "12:20", "14:00",
                                                         "15:50")] == ["am", "am", "am", "pm",
                                                                       "pm"]
        assert parts(plain_id)[0] == ("09:00", "pm")
        assert {part for _t, part in parts(plain_id)[1:]} == {"am", "pm"}
    assert inspect_file(path) == schema.HEAD_REVISION


def test_an_older_file_opened_read_only_says_it_needs_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "old.mission"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        schema.upgrade(connection, "0001")
        connection.exec_driver_sql(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    engine.dispose()
    with pytest.raises(MissionFileError, match="older version"):
        MissionFile.open(path, read_only=True)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissionFileError, match="does not exist"):
        MissionFile.open(tmp_path / "nowhere.mission")


def test_a_file_without_write_permission_asks_for_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.mission"
    new_mission_file(path).close()
    # Permissions do not bind the super-user that CI may run as: ask the check itself.
    monkeypatch.setattr("desktop.db.missionfile.os.access", lambda *_args: False)
    with pytest.raises(MissionFileError, match="read-only"):
        MissionFile.open(path)
    with MissionFile.open(path, read_only=True) as mission:
        assert mission.read_only
