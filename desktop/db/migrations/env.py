"""Alembic environment: always run on a connection handed over by desktop.db.schema."""

from __future__ import annotations

from alembic import context

from desktop.db import models  # noqa: F401 - registers every table on the metadata
from desktop.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run through desktop.db.schema, on an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
