"""The ``b2b solve`` and ``b2b check`` command handlers."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.b2b.commands import register
from desktop.errors import MissionDeskError, UsageError


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mission-desk")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_solve_then_check(tmp_path: Path, data: Callable[..., dict[str, Any]],
                          capsys: pytest.CaptureFixture[str]) -> None:
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(data(meetings=[("A", "B"), ("B", "C"), ("A", "C")])))
    out = tmp_path / "s.json"
    assert _run(["b2b", "solve", str(problem), "-o", str(out), "--time-limit", "5"]) == 0
    captured = capsys.readouterr()
    assert "3 meetings placed" in captured.out and "proved optimal" in captured.out
    assert "placed" in captured.err  # progress lines
    assert json.loads(out.read_text())["status"] == "optimal"
    assert _run(["b2b", "check", str(out), "--problem", str(problem)]) == 0
    assert "valid" in capsys.readouterr().out
    broken = json.loads(out.read_text())
    broken["meetings"][0]["slot"] = broken["meetings"][1]["slot"]
    out.write_text(json.dumps(broken))
    assert _run(["b2b", "check", str(out), "--problem", str(problem)]) == 1
    assert "both in slot" in capsys.readouterr().out


def test_infeasible_prints_reasons(tmp_path: Path, data: Callable[..., dict[str, Any]],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    doc = data(slots=2, meetings=[("A", "B")])
    doc["participants"][0]["unavailable"] = [1]
    doc["participants"][1]["unavailable"] = [2]
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(doc))
    assert _run(["b2b", "solve", str(problem), "-o", str(tmp_path / "s.json"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "m1: A Company and B Company share no free slot" in captured.out
    assert captured.err == ""


def test_bad_input_is_a_user_error(tmp_path: Path) -> None:
    problem = tmp_path / "p.json"
    problem.write_text("[]")
    with pytest.raises(MissionDeskError):
        _run(["b2b", "solve", str(problem), "-o", str(tmp_path / "s.json")])
    for limit in ("0", "-3", "nan", "inf", "abc"):
        with pytest.raises(SystemExit) as info:  # argparse: a usage error, exit 2
            _run(["b2b", "solve", str(problem), "-o", str(tmp_path / "s.json"),
                  "--time-limit", limit])
        assert info.value.code == 2


def test_the_output_is_checked_before_solving_and_never_replaces_the_input(
        tmp_path: Path, data: Callable[..., dict[str, Any]]) -> None:
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(data(meetings=[("A", "B")])))
    kept = problem.read_text()
    cases = {str(tmp_path / "nowhere" / "s.json"): "does not exist",
             str(tmp_path): "is a folder", str(problem): "is what the command reads",
             "": "needs a name"}
    for output, said in cases.items():
        with pytest.raises(UsageError, match=said):
            _run(["b2b", "solve", str(problem), "-o", output, "--quiet"])
    assert problem.read_text() == kept


def test_a_schedule_that_cannot_be_written_leaves_the_old_one_whole(
        tmp_path: Path, data: Callable[..., dict[str, Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.b2b import instance

    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(data(meetings=[("A", "B")])))
    out = tmp_path / "s.json"
    out.write_text("the previous schedule")

    def full_disk(self: Path, text: str, encoding: str) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(instance.Path, "write_text", full_disk)
    with pytest.raises(MissionDeskError, match=r"s\.json: cannot be written: the disk is full"):
        _run(["b2b", "solve", str(problem), "-o", str(out), "--quiet"])
    monkeypatch.undo()
    assert out.read_text() == "the previous schedule"
    assert {p.name for p in tmp_path.iterdir()} == {"p.json", "s.json"}  # no side file left


def test_odd_files_are_refused_in_words(tmp_path: Path,
                                        data: Callable[..., dict[str, Any]]) -> None:
    from desktop.b2b.instance import load_instance

    good = json.dumps(data(meetings=[("A", "B")]))
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + good.encode())
    assert len(load_instance(bom).meetings) == 1  # a byte-order mark is no fault
    cases = {b'{"a": \xff}': "is not UTF-8 text",
             good.replace('"required": true', '"required": NaN', 1).encode():
                 "NaN is not a number JSON knows",
             b"[" * 100_000 + b"]" * 100_000: "nested too deeply"}
    for content, said in cases.items():
        path = tmp_path / "odd.json"
        path.write_bytes(content)
        with pytest.raises(MissionDeskError, match=said):
            load_instance(path)


def test_a_missing_part_of_the_problem_is_named(tmp_path: Path,
                                                data: Callable[..., dict[str, Any]]) -> None:
    from desktop.b2b.instance import parse_instance

    for key in ("slots", "tables", "participants", "meetings"):
        doc = data(meetings=[("A", "B")])
        del doc[key]
        with pytest.raises(MissionDeskError) as info:
            parse_instance(doc, file="p.json")
        assert str(info.value) == f"p.json, {key}: is missing"
    doc = data(meetings=[("A", "B")])
    doc["meetings"][0]["priority"] = 7
    with pytest.raises(MissionDeskError) as info:
        parse_instance(doc, file="p.json")
    assert str(info.value) == "p.json, meetings[0].priority: should be 1, 2 or 3"


def test_check_names_a_schedule_of_another_problem(
        tmp_path: Path, data: Callable[..., dict[str, Any]],
        capsys: pytest.CaptureFixture[str]) -> None:
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(data(meetings=[("A", "B")])))
    out = tmp_path / "s.json"
    assert _run(["b2b", "solve", str(problem), "-o", str(out), "--quiet"]) == 0
    other = json.loads(out.read_text())
    other["instance"] = "another forum"
    other["unscheduled"] = [{"id": "m77", "reason": "?"}]
    out.write_text(json.dumps(other))
    capsys.readouterr()
    assert _run(["b2b", "check", str(out), "--problem", str(problem)]) == 1
    said = capsys.readouterr()
    assert "the schedule is for the problem “another forum”" in said.out
    assert "m77 is listed as unscheduled but is not a meeting of the instance" in said.out
    assert "2 violations." in said.err


def test_unmet_spread_is_said_and_not_called_optimal(
        tmp_path: Path, data: Callable[..., dict[str, Any]],
        capsys: pytest.CaptureFixture[str]) -> None:
    doc = data(slots=3, meetings=[("A", "B"), ("A", "C")], max_break_spread=0)
    doc["participants"][0]["unavailable"] = [2]  # A's two meetings straddle slot 2: one break
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(doc))
    out = tmp_path / "s.json"
    assert _run(["b2b", "solve", str(problem), "-o", str(out), "--quiet"]) == 0
    assert "within 0 of each other" in capsys.readouterr().out
    assert json.loads(out.read_text())["status"] == "feasible"
    assert _run(["b2b", "check", str(out), "--problem", str(problem)]) == 1
    assert "spread" in capsys.readouterr().out.lower()
