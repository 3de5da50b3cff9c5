"""Alembic migrations of the mission schema (run through :mod:`desktop.db.schema`)."""
