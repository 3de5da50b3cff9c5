"""Models and migrations agree, and the app knows its newest revision."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.db import schema
from desktop.db.base import Base


def test_the_head_revision_the_app_writes_is_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(schema.alembic_config())
    assert script.get_heads() == [schema.HEAD_REVISION]


def test_migrations_from_nothing_build_exactly_the_models() -> None:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        schema.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert schema.current_revision(connection) == schema.HEAD_REVISION


def _schema_of(connection: sa.Connection) -> dict[str, object]:
    inspector = sa.inspect(connection)
    found: dict[str, object] = {}
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        found[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"])
                        for c in inspector.get_columns(table)],
            "fks": sorted((fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"],
                           fk["options"].get("ondelete"))
                          for fk in inspector.get_foreign_keys(table)),
            "checks": sorted((ck["name"] or "", ck["sqltext"])
                             for ck in inspector.get_check_constraints(table)),
            "uniques": sorted((uq["name"], tuple(uq["column_names"]))
                              for uq in inspector.get_unique_constraints(table)),
            "indexes": sorted((ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                              for ix in inspector.get_indexes(table)),
        }
    return found


def test_a_created_file_and_a_migrated_file_have_the_same_schema() -> None:
    created, migrated = sa.create_engine("sqlite://"), sa.create_engine("sqlite://")
    with created.begin() as a, migrated.begin() as b:
        schema.create_schema(a)
        schema.upgrade(b)
        assert _schema_of(a) == _schema_of(b)
        assert schema.current_revision(a) == schema.current_revision(b)


def test_every_migration_can_be_undone() -> None:
    from alembic import command

    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        schema.upgrade(connection)
        command.downgrade(schema.alembic_config(connection), "base")
        assert set(sa.inspect(connection).get_table_names()) <= {"alembic_version"}
