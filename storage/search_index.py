"""Keep the search index in step with the archive: index new versions, rebuild, fold accents.

`index_versions` is called by `storage.batch` inside the store's own transaction, after the
versions' Q&A and contact rows: a version and its search document commit together or not at all,
and each document is built once, from the version and all its rows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.search_ddl import (
    PG_DOCUMENT_INDEX,
    index_statement,
    pg_unaccent_statements,
    rebuild_statements,
)

log = logging.getLogger(__name__)

#: What a person reads when PostgreSQL will not fold accents.
NO_UNACCENT = (
    "PostgreSQL refused CREATE EXTENSION unaccent ({reason}): searches on this archive are "
    "accent-sensitive. To fold accents, have an administrator run `CREATE EXTENSION unaccent;` in "
    "this database, then rebuild the search index (storage.search.rebuild_index)."
)


def index_versions(session: Session, version_ids: Sequence[int]) -> None:
    """Add the content versions `version_ids` to the search index (tombstones are skipped)."""
    if not version_ids:
        return
    dialect = session.get_bind().dialect.name
    statement = text(index_statement(dialect))
    if dialect == "sqlite":
        statement = statement.bindparams(bindparam("ids", expanding=True))
    session.execute(statement, {"ids": list(version_ids)})


def fold_accents(connection: Connection) -> bool:
    """PostgreSQL: create `unaccent` if allowed and put it in the archive's text search
    configurations; False, with a logged warning saying what to do, when the server refuses.

    Documents indexed before keep their accents until the index is rebuilt.
    """
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DBAPIError as exc:
        reason = (str(exc.orig).strip().splitlines() or ["no reason given"])[0]
        log.warning(NO_UNACCENT.format(reason=reason))
        return False
    for statement in pg_unaccent_statements():
        connection.exec_driver_sql(statement)
    return True


def rebuild(connection: Connection) -> None:
    """Refill the whole search index from the stored versions (PostgreSQL: folding accents first,
    when the server allows it)."""
    if connection.dialect.name == "postgresql":
        fold_accents(connection)
    for statement in rebuild_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
    if connection.dialect.name == "postgresql":
        # a bulk insert leaves up to gin_pending_list_limit (4 MB) of documents in the GIN
        # index's pending list, which every search then reads through (1.5 MB at 200,000
        # versions; autovacuum would merge it later, or never where it is off): merge it now
        connection.exec_driver_sql(f"SELECT gin_clean_pending_list('{PG_DOCUMENT_INDEX}')")
