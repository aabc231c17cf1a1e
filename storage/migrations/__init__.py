"""Alembic migrations of the archive, shipped inside the package and run by `storage.db.upgrade`."""
