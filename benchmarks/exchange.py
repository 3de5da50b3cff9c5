"""Benchmark of list import and export at the size of a large registration export.

Usage: python benchmarks/exchange.py [--rows 10000] [--runs 5]

Import: a generated French-Excel-style CSV (Windows-1252, ``;``, French headers, local phone
numbers, 500 organisations) read, previewed with every row validated, written and committed
into a new mission file; then the same file again (every row matched, nothing to write).
Flights: a travel agent's sheet of two legs for each of the first ``--flights`` people, in
local times, imported after them. Export: the full roster of those people written as .xlsx and
as CSV. Each figure is the median of ``--runs`` runs, wall-clock and CPU, in seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.db.missionfile import MissionFile
from desktop.exchange.exporter import select_attendees
from desktop.exchange.importer import apply, preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.exchange.writers import write_csv, write_xlsx
from desktop.missions import MissionInput, create_mission

GIVEN = ["Samir", "Rim", "Nadia", "Karim", "Éloïse", "Daniel", "Ann", "José", "Hélène", "Omar"]
FAMILY = ["Alami", "Benjelloun", "Tazi", "Idrissi", "Lefèvre", "Price", "Lee", "Núñez", "Chraïbi"]
CITIES = [("Casablanca", "Maroc"), ("Rabat", "Maroc"), ("Montréal", "Canada"),
          ("San Francisco", "États-Unis"), ("Boston", "USA")]
DIETS = ["", "", "", "Halal", "Végétarien", "Sans gluten"]


def generate_csv(path: Path, rows: int, seed: int = 2007) -> None:
    rng = random.Random(seed)
    lines = ["Nom;Prénom;Société;Fonction;Email;Tél.;Ville;Pays;Régime alimentaire;"
             "Date de naissance"]
    for i in range(rows):
        city, country = CITIES[i % 500 % len(CITIES)]
        phone = (f"06 6{rng.randint(1, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                 f"{rng.randint(10, 99)}" if country == "Maroc"
                 else f"(415) 555-{rng.randint(1000, 9999)}")
        born = date(1950 + rng.randint(0, 40), rng.randint(1, 12), rng.randint(1, 28))
        lines.append(";".join([
            rng.choice(FAMILY) + str(i), rng.choice(GIVEN), f"Société {i % 500}",
            "Directeur général", f"person{i}@example.com", phone, city, country,
            rng.choice(DIETS), born.strftime("%d/%m/%Y")]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("windows-1252"))


def generate_flights(path: Path, people: int) -> None:
    """Two legs per person (out and back), as an agent's sheet lists them: one row per leg."""
    lines = ["Email,Flight,From,To,Departure date,Departure time,Arrival time,PNR"]
    for i in range(people):
        email = f"person{i}@example.com"
        lines.append(f"{email},AT {200 + i % 50},JFK,CMN,05/12/2007,6:40 PM,7:05 AM,P{i:05d}")
        lines.append(f"{email},AT {250 + i % 50},CMN,JFK,05/18/2007,3:00 PM,5:45 PM,P{i:05d}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def new_mission(path: Path) -> MissionFile:
    mission = MissionFile.create(path)
    with mission.transaction() as session:
        create_mission(session, MissionInput(name="Benchmark", start_date=date(2007, 5, 14),
                                             end_date=date(2007, 5, 17)))
    return mission


CPU: dict[str, list[float]] = {}


def timed(action: Callable[[], object]) -> float:
    """Wall-clock seconds of ``action``; its CPU seconds go to ``CPU`` under the same name."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    timed.cpu = time.process_time() - cpu  # type: ignore[attr-defined]
    return time.perf_counter() - start


def record(figures: dict[str, list[float]], name: str, action: Callable[[], object]) -> None:
    figures.setdefault(name, []).append(timed(action))
    CPU.setdefault(name, []).append(timed.cpu)  # type: ignore[attr-defined]


def import_once(mission: MissionFile, csv_path: Path, kind: str = "people") -> dict[str, int]:
    source = read_source(csv_path)
    with mission.transaction() as session:
        result = preview(session, kind, source, guess_mapping(kind, source.headers))
        apply(session, result)
    return result.counts


def one_run(work: Path, csv_path: Path, run: int, rows: int,
            figures: dict[str, list[float]]) -> None:
    mission = new_mission(work / f"run{run}.mission")
    counts: dict[str, int] = {}
    record(figures, "import (new people)", lambda: counts.update(import_once(mission, csv_path)))
    assert counts["added"] == rows, counts
    record(figures, "re-import (all unchanged)", lambda: import_once(mission, csv_path))
    flights = work / "flights.csv"
    legs: dict[str, int] = {}
    record(figures, "import flights (new legs)",
           lambda: legs.update(import_once(mission, flights, "flights")))
    assert legs["rejected"] == 0 and legs["added"] > 0, legs
    with mission.transaction() as session:
        table = select_attendees(session)
        record(figures, "select full roster", lambda: select_attendees(session))
        record(figures, "write xlsx", lambda: write_xlsx(table, work / "roster.xlsx"))
        record(figures, "write csv", lambda: write_csv(table, work / "roster.csv"))
        record(figures, "export xlsx (select + write)",
               lambda: write_xlsx(select_attendees(session), work / "r2.xlsx"))
    mission.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--flights", type=int, default=1000, help="people with two legs each")
    args = parser.parse_args()
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        csv_path = work / "registrations.csv"
        generate_csv(csv_path, args.rows)
        generate_flights(work / "flights.csv", min(args.flights, args.rows))
        for run in range(args.runs):
            one_run(work, csv_path, run, args.rows, figures)
    print(f"{args.rows} rows, median of {args.runs}; Python {platform.python_version()}, "
          f"{platform.machine()}, load average {os.getloadavg()[0]:.1f}")
    print(f"  {'':32s} {'wall':>7s} {'CPU':>7s}")
    for name, values in figures.items():
        print(f"  {name:32s} {statistics.median(values):6.2f}s "
              f"{statistics.median(CPU[name]):6.2f}s")


if __name__ == "__main__":
    main()
