"""The mission file: SQLAlchemy models, engine and sessions, migrations and backups.

Knows nothing of Qt, of documents, or of the services built on it.
"""
