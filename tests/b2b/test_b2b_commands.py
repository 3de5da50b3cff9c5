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
    with pytest.raises(UsageError):
        _run(["b2b", "solve", str(problem), "-o", str(tmp_path / "s.json"), "--time-limit",
              "0"])


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
