"""Alembic revisions of the archive, one file per schema change, applied in order."""
