"""Fixtures of the archive tests: an open, migrated archive on each engine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from storage.db import open_engine


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated, empty archive on SQLite and on PostgreSQL."""
    engine = open_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()
