"""How long the B2B schedule grid takes to show a block again, on a large synthetic mission.

    python benchmarks/b2b_grid.py [--size 2000] [--seed 7] [--repeat 7]

The grid is read again after every move, swap, lock or undo. Besides the meetings, it marks
those that can no longer be held where they are (a participant away, booked twice), and the
checks behind the marks need what is known of the participants: when each cannot meet, from
flights, programme and marks, and their languages. The grid keeps that between moves and
reads it again only after other changes. This prints, for the block with the most meetings,
the median time of:

- a reload after a move (what the grid keeps still holds);
- a reload after another change (everything read again);
- the grid's meetings alone, without the marks (for comparison, in the same run).

The mission is built once (``--folder``) and its meetings placed by first fit, which takes
seconds where the optimiser would take a minute: the grid's cost depends on how many
meetings it shows, not on how good their schedule is.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def scheduled_file(size: int, seed: int, folder: Path) -> Path:
    """The synthetic mission with its meetings placed by first fit (made once)."""
    from sqlalchemy import func, select
    from ui_tables import synthetic_file

    from desktop.b2b.bridge import export_problem, store_schedule
    from desktop.b2b.greedy import greedy
    from desktop.db.missionfile import MissionFile
    from desktop.db.models import Meeting

    path = synthetic_file(size, seed, folder)
    with MissionFile.open(path, backup=False) as mission, mission.transaction() as session:
        if not session.scalar(select(func.count()).select_from(Meeting)):
            instance = export_problem(session, time_limit_s=None, max_break_spread=None)
            store_schedule(session, instance, greedy(instance))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select
    from ui_tables import median_ms

    from desktop.b2b.meetings import grid
    from desktop.db.missionfile import MissionFile
    from desktop.db.models import B2BSlot, Meeting
    from desktop.ui.b2b.gridmodel import MeetingGridModel

    app = QApplication.instance() or QApplication([])
    path = scheduled_file(args.size, args.seed, args.folder)
    with MissionFile.open(path, backup=False, read_only=True) as mission:
        with mission.session_factory() as session:
            block_id, meetings = session.execute(
                select(B2BSlot.session_id, func.count(Meeting.id))
                .join(Meeting, Meeting.slot_id == B2BSlot.id)
                .group_by(B2BSlot.session_id).order_by(func.count(Meeting.id).desc())).first()
        model = MeetingGridModel(mission.session_factory)
        model.set_block(block_id)
        assert len(model.cells()) == meetings

        def after_a_move() -> None:
            model.reload()

        def after_another_change() -> None:
            model.forget_people()
            model.reload()

        def meetings_alone() -> None:
            with mission.session_factory() as session:
                found = grid(session, block_id)
                for meeting in found.cells.values():
                    _ = meeting.participant_a.name, meeting.participant_b.name

        results = {
            "reload after a move (participants known)": median_ms(after_a_move, args.repeat),
            "reload after another change (all read again)": median_ms(after_another_change,
                                                                       args.repeat),
            "the block's meetings alone, no marks": median_ms(meetings_alone, args.repeat),
        }
    print(f"B2B grid, the largest block of a {args.size}-participant mission: {meetings} "
          f"meetings (median of {args.repeat})")
    for name, value in results.items():
        print(f"  {name:<48} {value:7.1f} ms")
    del app


if __name__ == "__main__":
    main()
