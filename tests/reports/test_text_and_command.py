"""Fitting text into boxes, Arabic shaping, and ``mission-desk print``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.reports.fonts import SANS_BOLD, register_fonts, string_width
from desktop.reports.text import ELLIPSIS, fit_text, visual
from tests.conftest import new_mission_file
from tests.reports.conftest import ARABIC_NAME, LONG_NAME, build_sample

WIDTH, HEIGHT = 250.0, 80.0


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def _fits(lines: tuple[str, ...], size: float, width: float) -> bool:
    return all(string_width(line, SANS_BOLD, size) <= width + 0.01 for line in lines)


def test_a_short_name_stays_on_one_line_at_full_size() -> None:
    fitted = fit_text("Zoë Ng", SANS_BOLD, WIDTH, HEIGHT, 26, 12)
    assert fitted.lines == ("Zoë Ng",) and fitted.size == 26


def test_a_longer_name_shrinks_before_it_wraps() -> None:
    fitted = fit_text("Jean-François Lefèvre-Dubois", SANS_BOLD, WIDTH, HEIGHT, 26, 12)
    assert len(fitted.lines) == 1 and 12 <= fitted.size < 26
    assert _fits(fitted.lines, fitted.size, WIDTH)


def test_a_very_long_name_wraps_onto_two_lines_above_the_minimum_size() -> None:
    fitted = fit_text(LONG_NAME, SANS_BOLD, WIDTH, HEIGHT, 26, 14)
    assert len(fitted.lines) == 2 and fitted.size >= 14 and not fitted.shortened
    assert " ".join(fitted.lines) == LONG_NAME
    assert _fits(fitted.lines, fitted.size, WIDTH) and fitted.height <= HEIGHT


def test_only_text_that_cannot_fit_at_the_minimum_is_shortened_and_never_overflows() -> None:
    text = " ".join([LONG_NAME] * 3)
    fitted = fit_text(text, SANS_BOLD, 120, 40, 26, 12)
    assert fitted.shortened and fitted.lines[-1].endswith(ELLIPSIS)
    assert _fits(fitted.lines, fitted.size, 120) and fitted.height <= 40


def test_arabic_is_shaped_and_put_in_visual_order() -> None:
    shown = visual(ARABIC_NAME)
    assert shown != ARABIC_NAME
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shown if ch != " ")  # joined forms
    assert shown[0] == "\ufef2"  # drawn left to right: the last letter (final yeh) first
    assert visual("Éloïse Ouellet") == "Éloïse Ouellet"


def test_print_writes_each_kind_of_document_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.mission"
    mission = new_mission_file(path)
    with mission.transaction() as session:
        sample = build_sample(session)
    mission.close()
    common = ["--mission", str(path)]
    for kind, extra in (("badges", ["--layout", "a6", "--category", "host"]),
                        ("itinerary", ["--person", str(sample.eloise), "--lang", "en"]),
                        ("programme", ["--lang", "fr"]), ("programme-grid", []),
                        ("b2b-participant", []), ("b2b-table", []), ("b2b-grid", []),
                        ("rooming-list", []), ("transfer-manifest", []),
                        ("arrivals-board", ["--day", "14/05/2007"]), ("directory", [])):
        out = tmp_path / f"{kind}.pdf"
        assert main(["print", kind, *common, "-o", str(out), *extra]) == 0, kind
        assert len(PdfReader(out).pages) >= 1
    assert len(PdfReader(tmp_path / "badges.pdf").pages) == 2  # two hosts, one A6 each
    assert main(["print", "itinerary", *common, "--split-dir", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 5
    assert main(["print", "arrivals-board", *common, "-o", str(tmp_path / "x.pdf")]) == 2
    assert "--day" in capsys.readouterr().err
    # An option the kind does not read is refused, never silently ignored.
    assert main(["print", "badges", *common, "-o", str(tmp_path / "x.pdf"), "--person", "1",
                 "--category", "host"]) == 2
    assert "by name or by category, not both" in capsys.readouterr().err
    assert main(["print", "b2b-grid", *common, "-o", str(tmp_path / "x.pdf"),
                 "--day", "16/05/2007", "--person", "1"]) == 2
    assert "b2b-grid does not use --person, --day." in capsys.readouterr().err
    assert main(["print", "b2b-table", *common, "-o", str(tmp_path / "day.pdf"),
                 "--day", "15/05/2007"]) == 0
    assert main(["print", "b2b-participant", *common, "-o", str(tmp_path / "x.pdf"),
                 "--participant", "999"]) == 2
    assert "no B2B participant with the number 999" in capsys.readouterr().err
