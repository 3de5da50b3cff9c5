"""The mission-desk command: one clear line for every user error, and the right exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.db.backup import list_backups
from desktop.db.missionfile import MissionFile


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_new_makes_an_empty_mission(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "casa.mission"
    code, out, _err = run(capsys, "new", str(target), "--name", "Casablanca 2007",
                          "--start", "14/05/2007", "--end", "2007-05-17")
    assert code == 0 and "Created" in out
    code, out, _err = run(capsys, "info", str(target))
    assert code == 0
    assert "Casablanca 2007" in out and "0 warnings" in out


def test_new_refuses_dates_in_the_wrong_order_without_making_a_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "casa.mission"
    code, _out, err = run(capsys, "new", str(target), "--name", "X", "--start", "2007-05-17",
                          "--end", "2007-05-14")
    assert code == 1
    assert err.strip() == "mission-desk: The mission ends before it starts."
    assert not target.exists()


def test_new_refuses_to_replace_a_file_unless_forced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "casa.mission"
    args = ["new", str(target), "--name", "X", "--start", "2007-05-14", "--end", "2007-05-17"]
    assert run(capsys, *args)[0] == 0
    code, _out, err = run(capsys, *args)
    assert code == 1 and "already exists" in err
    assert run(capsys, *args, "--force")[0] == 0


def test_a_bad_date_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["new", str(tmp_path / "x.mission"), "--name", "X", "--start", "31/02/2007",
              "--end", "2007-05-17"])
    assert caught.value.code == 2
    assert "not a real date" in capsys.readouterr().err


def test_info_on_something_that_is_not_a_mission(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "list.csv"
    bogus.write_text("Nom;Prénom\n", encoding="utf-8")
    code, _out, err = run(capsys, "info", str(bogus))
    assert code == 1
    assert err.strip() == "mission-desk: list.csv is not a mission file."


def test_backups_are_listed_and_one_can_be_restored(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "casa.mission"
    run(capsys, "new", str(target), "--name", "X", "--start", "2007-05-14", "--end",
        "2007-05-17")
    code, out, _err = run(capsys, "backups", str(target))
    assert code == 0 and "no backups" in out
    MissionFile.open(target).close()
    backup = list_backups(target)[0].path
    code, out, _err = run(capsys, "backups", str(target))
    assert backup.name in out
    code, out, _err = run(capsys, "restore", str(target), str(backup))
    assert code == 0 and "Restored" in out


def test_messages_follow_the_chosen_language(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--lang", "fr", "info", str(tmp_path / "absent.mission"))
    assert code == 1
    assert "n’existe pas" in err or "n'existe pas" in err


def test_the_installed_command_never_shows_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "broken.mission"
    bogus.write_bytes(b"\x00" * 100)
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "info", str(bogus)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    usage = subprocess.run([sys.executable, "-m", "desktop.cli", "info"],
                           capture_output=True, text=True, timeout=60, check=False)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    # ``mission-desk info FILE | head -c 0``: the pipe is closed before anything is written.
    mission = tmp_path / "forum.mission"
    assert main(["new", str(mission), "--name", "Forum", "--start", "2007-05-14",
                 "--end", "2007-05-17"]) == 0
    process = subprocess.Popen([sys.executable, "-m", "desktop.cli", "info", str(mission)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    with process.stderr:
        err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in err and "Exception ignored" not in err, err


def test_argparse_speaks_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.i18n import set_language

    try:
        with pytest.raises(SystemExit) as info:
            main(["--lang", "fr", "b2b", "solve"])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert "ces arguments sont requis\u00a0: INSTANCE.json, -o/--output" in err
        assert "Essayez «\u00a0mission-desk b2b solve --help\u00a0»." in err
        with pytest.raises(SystemExit):
            main(["--lang", "fr", "b2b", "solve", "--help"])
        out = capsys.readouterr().out
        assert out.startswith("usage\u00a0: mission-desk b2b solve")
        assert "afficher cette aide et quitter" in out
    finally:
        set_language("en")
    with pytest.raises(SystemExit):
        main(["b2b", "solve"])
    assert "the following arguments are required" in capsys.readouterr().err


def test_a_refusal_of_the_system_is_told_in_the_users_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The operating system's own words are English; the usual causes are worded in ours."""
    import errno
    import os

    target = tmp_path / "casa.mission"

    def full(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(os, "open", full)
    code, _out, err = run(capsys, "--lang", "fr", "new", str(target), "--name", "Casa",
                          "--start", "2007-05-14", "--end", "2007-05-17")
    monkeypatch.undo()
    assert code == 1
    assert "le disque est plein" in err and "No space" not in err
    assert not target.exists()


def test_an_unforeseen_system_error_is_one_line_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    mission = tmp_path / "casa.mission"
    assert run(capsys, "new", str(mission), "--name", "Casa", "--start", "2007-05-14",
               "--end", "2007-05-17")[0] == 0

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, "Input/output error", str(mission))

    monkeypatch.setattr(MissionFile, "open", broken)
    code, _out, err = run(capsys, "info", str(mission))
    assert code == 1
    assert err.strip() == (f"mission-desk: {mission}: the disk could not be read or written "
                           "(input/output error).")
