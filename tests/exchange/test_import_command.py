"""``mission-desk import`` and ``export attendees``: exit codes, reports, and a mission left
exactly as it was whenever an import is refused, fails or is killed."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.db.missionfile import MissionFile

from .conftest import FRENCH_EXCEL, US_EXPORT

Writer = Callable[..., Path]


@pytest.fixture
def mission(mission_file: MissionFile) -> Path:
    """The path of a closed mission file, ready for commands."""
    assert mission_file.path is not None
    mission_file.close()
    return mission_file.path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_import_writes_and_reports(mission: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    code, out, err = run(capsys, "import", "people", FRENCH_EXCEL, "--mission", mission,
                         "--report", report)
    assert (code, err) == (0, "")
    assert "2 added, 0 updated, 0 unchanged, 0 rejected" in out
    assert json.loads(report.read_text("utf-8")) == {
        "added": 2, "updated": 0, "unchanged": 0, "rejected": 0, "problems": []}
    code, out, _err = run(capsys, "import", "people", FRENCH_EXCEL, "-m", mission)
    assert code == 0 and "0 added, 0 updated, 2 unchanged" in out


def test_rejected_rows_write_nothing_and_exit_1(mission: Path, tmp_path: Path,
                                                write_file: Writer,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(mission)
    path = write_file("p.csv", "Prénom;Nom;Courriel\nAnn;Lee;ann@example.com\nBob;;bob@x\n")
    report = tmp_path / "r.json"
    code, out, _err = run(capsys, "import", "people", path, "-m", mission, "--report", report)
    assert code == 1
    assert "p.csv, row 3, column Nom: The family name is required." in out
    assert "Nothing was written" in out
    data = json.loads(report.read_text("utf-8"))
    assert (data["added"], data["rejected"]) == (1, 1)
    assert {(p["row"], p["column"]) for p in data["problems"]} == {(3, "Nom"), (3, "Courriel")}
    assert digest(mission) == before


def test_dry_run_shows_the_counts_and_writes_nothing(mission: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(mission)
    code, out, _err = run(capsys, "import", "people", US_EXPORT, "-m", mission, "--dry-run")
    assert code == 0 and "1 added" in out and "Nothing was written" in out
    assert digest(mission) == before


def test_skip_invalid_imports_the_rest_and_keeps_the_rejected_rows(
        mission: Path, write_file: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_file("p.csv", "First name,Last name,Email\nAnn,Lee,ann@example.com\n"
                               "Bob,Stone,bob@\n")
    code, out, _err = run(capsys, "import", "people", path, "-m", mission, "--skip-invalid")
    assert code == 0 and "1 added" in out and "1 rejected" in out
    rejected = path.with_name("p-rejected.csv")
    assert "Bob,Stone,bob@" in rejected.read_text("utf-8-sig")
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        from desktop.roster.people import list_people

        assert [p.full_name for p in list_people(session)] == ["Ann Lee"]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"First name,Last name\r\n", "header row but no data rows"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)), "binary data"),
    (b"Flight,From,To\nAT 201,JFK,CMN\n", "does not look like a list of people"),
    (b"First name,Email\nAnn,a@b.com\n", "no column for Last name"),
])
def test_bad_files_give_one_message_and_change_nothing(
        mission: Path, tmp_path: Path, write_file: Writer, content: bytes, message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(mission)
    report = tmp_path / "r.json"
    code, out, err = run(capsys, "import", "people", write_file("bad.csv", content), "-m",
                         mission, "--report", report)
    assert code == 1
    assert message in err and "bad.csv" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out
    assert message in json.loads(report.read_text("utf-8"))["problems"][0]["message"]
    assert digest(mission) == before


def test_a_mapping_file_and_a_sheet(mission: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Cover"  # type: ignore[union-attr]
    sheet = book.create_sheet("Inscrits")
    sheet.append(["Given", "Family", "Boîte", "Kind"])
    sheet.append(["Ann", "Lee", "ann@example.com", "Speaker"])
    book.save(tmp_path / "list.xlsx")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"Given": "given_name", "Family": "family_name",
                                               "Boîte": "email", "Kind": "category"}}), "utf-8")
    saved = tmp_path / "saved.json"
    code, out, err = run(capsys, "import", "people", tmp_path / "list.xlsx", "-m", mission,
                         "--sheet", "Inscrits", "--mapping", mapping, "--save-mapping", saved)
    assert (code, err) == (0, ""), out
    assert "1 added" in out
    assert json.loads(saved.read_text("utf-8"))["columns"]["Boîte"] == "email"


def test_an_import_killed_half_way_leaves_the_mission_as_it_was(mission: Path,
                                                                write_file: Writer) -> None:
    lines = "".join(f"P{i},Q{i},p{i}@example.com,Org {i % 50}\n" for i in range(3000))
    source = write_file("many.csv", "First name,Last name,Email,Company\n" + lines)
    before = dump(mission)
    script = textwrap.dedent("""
        import os, signal, sys
        from desktop.db.missionfile import MissionFile
        from desktop.exchange.importer import apply, preview
        from desktop.exchange.mapping import guess_mapping
        from desktop.exchange.sources import read_source

        source = read_source(sys.argv[2])
        with MissionFile.open(sys.argv[1]) as mission, mission.transaction() as session:
            result = preview(session, "people", source, guess_mapping("people", source.headers))
            def progress(done, total):
                if done >= total // 2:
                    print("killing at", done, flush=True)
                    os.kill(os.getpid(), signal.SIGKILL)
            apply(session, result, progress=progress)
    """)
    finished = subprocess.run([sys.executable, "-c", script, str(mission), str(source)],
                              capture_output=True, text=True, timeout=120)
    assert finished.returncode == -signal.SIGKILL, finished.stderr
    assert "killing at" in finished.stdout
    assert dump(mission) == before


def test_export_commands(mission: Path, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "import", "people", US_EXPORT, "-m", mission)[0] == 0
    code, out, _err = run(capsys, "export", "attendees", "-m", mission, "--format", "xlsx",
                          "-o", tmp_path / "roster.xlsx", "--side", "Délégation")
    assert code == 0 and "1 people" in out
    code, _out, err = run(capsys, "export", "attendees", "-m", mission, "-o",
                          tmp_path / "p.csv", "--preset", "passports")
    assert code == 2 and "--include-sensitive" in err
    code, out, _err = run(capsys, "export", "attendees", "-m", mission, "-o",
                          tmp_path / "p.csv", "--preset", "passports", "--include-sensitive")
    assert code == 0 and (tmp_path / "p-confidential.csv").exists()
    assert "confidential" in out
    code, out, _err = run(capsys, "import", "people", tmp_path / "roster.xlsx", "-m", mission)
    assert code == 0 and "0 added, 0 updated, 1 unchanged, 0 rejected" in out
    code, _out, err = run(capsys, "export", "attendees", "-m", mission, "-o",
                          tmp_path / "x.doc")
    assert code == 2 and "--format" in err


def test_no_traceback_for_a_missing_file(mission: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "import", "people", "nowhere.csv", "-m", mission)
    assert code == 1 and "nowhere.csv: The file does not exist" in err
    assert os.path.exists(mission)
