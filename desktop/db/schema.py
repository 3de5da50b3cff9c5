"""Schema versions: creating the newest schema, recognising older and newer files, upgrading.

Opening a file at the newest revision never imports Alembic (it is slow to import); only an
upgrade or a revision we do not know does.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import sqlalchemy as sa

from desktop.db import models  # noqa: F401 - registers every table on the metadata
from desktop.db.base import Base

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest schema revision this version of the app writes (tests check it is Alembic's head).
HEAD_REVISION = "0004"

#: ``PRAGMA application_id`` of a mission file ("MDSK"), so other SQLite files are recognised.
APPLICATION_ID = 0x4D44534B


def alembic_config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("desktop.db").joinpath("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def create_schema(connection: sa.Connection) -> None:
    """Create every table of the newest schema on an empty database and stamp its revision."""
    Base.metadata.create_all(connection)
    version = sa.Table("alembic_version", sa.MetaData(),
                       sa.Column("version_num", sa.String(32), primary_key=True))
    version.create(connection)
    connection.execute(version.insert().values(version_num=HEAD_REVISION))
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def current_revision(connection: sa.Connection) -> str | None:
    """The revision a database is at (None when it has no version table)."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    """Every revision this version of the app has a migration for."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(connection: sa.Connection, target: str = "head") -> None:
    """Run the migrations on ``connection`` up to ``target``."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)
