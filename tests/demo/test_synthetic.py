"""Synthetic missions: the asked size, proportional content, valid values, one per seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side
from desktop.db.missionfile import MissionFile
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    HotelStay,
    MeetingRequest,
    Organization,
    Person,
    ProgramSession,
    RoomBlock,
    Transfer,
    TransferPassenger,
)
from desktop.demo import build_synthetic
from desktop.roster.organizations import organization_input, validate_organization
from desktop.roster.people import person_input, validate_person

SIZE = 300
Dump = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def synthetic_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "s.mission"
    with MissionFile.create(path) as mission, mission.transaction() as session:
        build_synthetic(session, size=SIZE, seed=7)
    return path


@pytest.fixture
def synthetic(synthetic_path: Path) -> Iterator[Session]:
    with MissionFile.open(synthetic_path, read_only=True) as mission, \
            mission.session() as session:
        yield session


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_it_has_exactly_the_asked_number_of_people(synthetic: Session) -> None:
    assert _count(synthetic, Person) == SIZE


def test_organisations_are_about_a_third_of_the_people_on_both_sides(synthetic: Session) -> None:
    sides = Counter(synthetic.scalars(select(Organization.side)))
    assert sum(sides.values()) == SIZE // 3
    assert sides[Side.DELEGATION] > 0 and sides[Side.HOST] > sides[Side.DELEGATION]
    assert _count(synthetic, B2BParticipant) == SIZE // 3


def test_volumes_are_proportional_to_the_size(synthetic: Session) -> None:
    assert _count(synthetic, MeetingRequest) == 2 * SIZE
    travellers = synthetic.scalar(select(func.count(func.distinct(FlightSegment.person_id))))
    assert travellers is not None and 0.8 * SIZE <= travellers < SIZE
    assert 2 * travellers <= _count(synthetic, FlightSegment) <= 3 * travellers
    assert travellers <= _count(synthetic, HotelStay) <= 2 * travellers
    assert _count(synthetic, TransferPassenger) == 2 * travellers
    assert _count(synthetic, Transfer) > 0 and _count(synthetic, RoomBlock) > 0


def test_b2b_blocks_have_slots_and_tables_enough_for_the_requests(synthetic: Session) -> None:
    blocks = synthetic.scalars(select(ProgramSession).where(
        ProgramSession.slot_minutes.is_not(None))).all()
    assert len(blocks) == 2
    slots, tables = _count(synthetic, B2BSlot), _count(synthetic, B2BTable)
    assert slots == 32
    assert tables // 2 * slots >= _count(synthetic, MeetingRequest)


def test_requests_pair_the_two_sides_once_each(synthetic: Session) -> None:
    side = {p.id: p.organization.side for p in synthetic.scalars(select(B2BParticipant))
            if p.organization}
    pairs = [(r.requester_id, r.target_id) for r in synthetic.scalars(select(MeetingRequest))]
    assert len(set(pairs)) == len(pairs)
    assert all({side[a], side[b]} == {Side.DELEGATION, Side.HOST} for a, b in pairs)


def test_a_sample_of_people_and_organisations_passes_the_services_validation(
        synthetic: Session) -> None:
    people = synthetic.scalars(select(Person).order_by(Person.id)).all()
    for person in people[::7]:
        data = person_input(person)
        assert validate_person(synthetic, data) == data, person.id
    for organization in synthetic.scalars(select(Organization)).all()[::5]:
        data = organization_input(organization)
        assert validate_organization(synthetic, data, existing_id=organization.id) == data


def test_categories_include_delegates_hosts_and_a_few_staff(synthetic: Session) -> None:
    categories = Counter(synthetic.scalars(select(Person.category)))
    assert categories[Category.DELEGATE] > 50 and categories[Category.HOST] > 50
    assert sum(categories.values()) - categories[Category.DELEGATE] - categories[
        Category.HOST] == SIZE // 40


def test_the_same_seed_writes_the_same_mission_and_another_seed_another(
        tmp_path: Path, write_mission: Callable[..., Path],
        canonical_dump: Callable[[Path], Dump]) -> None:
    def build(name: str, seed: int) -> Dump:
        builder = partial(build_synthetic, size=120, seed=seed)
        return canonical_dump(write_mission(tmp_path / name, builder))

    first, again, other = build("a.mission", 1), build("b.mission", 1), build("c.mission", 2)
    assert first == again
    assert first["person"] != other["person"]
    assert first["meeting_request"] != other["meeting_request"]


def test_a_mission_needs_at_least_two_people(tmp_path: Path) -> None:
    with MissionFile.create(tmp_path / "x.mission") as mission, \
            mission.session() as session, pytest.raises(ValueError):
        build_synthetic(session, size=1, seed=1)


def test_the_smallest_mission_still_builds(tmp_path: Path,
                                           write_mission: Callable[..., Path]) -> None:
    path = write_mission(tmp_path / "tiny.mission", partial(build_synthetic, size=2, seed=3))
    with MissionFile.open(path, read_only=True) as mission, mission.session() as session:
        assert _count(session, Person) == 2
        assert _count(session, MeetingRequest) >= 1
