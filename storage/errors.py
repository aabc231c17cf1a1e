"""Exceptions raised by the storage package: one base, specific leaves."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error the storage package raises on purpose."""


class ArchiveURLError(StorageError, ValueError):
    """Raised by `storage.db.open_engine` when the archive URL is malformed or its driver is missing."""


class ArchiveMissingError(StorageError):
    """Raised by `storage.db.open_engine` (with `create=False`) when the SQLite archive file does not exist."""


class NotFoundError(StorageError, LookupError):
    """Raised by read functions when an article or version asked for is not in the archive."""


class QueryError(StorageError, ValueError):
    """Raised by `storage.search` when a search query or filter cannot be understood."""


class UnknownSiteError(NotFoundError, QueryError):
    """A site key the archive does not hold, given as a filter: not found (the web view answers
    404) and a filter to fix (the command line exits 2, as for any bad flag)."""


class ExportError(StorageError):
    """Raised by `storage.export.export_archive` for an unknown format, an unusable folder, or pyarrow missing."""


class LockedError(StorageError):
    """Raised by `schedules.lock` when another crawl holds the archive's lock."""


class ArchiveUnavailableError(StorageError):
    """Raised by `storage.db` when the archive's database cannot be opened for what is asked
    (e.g. a read-only SQLite file for a crawl): a configuration problem."""


class ArchiveUnreachableError(ArchiveUnavailableError):
    """Raised by `storage.db` when the archive's database server cannot be reached (refused,
    down, timed out, bad credentials): the command could not complete, try again later."""


class SchemaVersionError(StorageError):
    """Raised by `storage.db.ensure_schema` when the archive's schema is older or newer than the code."""


class UnstorableRecordError(StorageError, ValueError):
    """Raised by `storage.archive.store_record` when a record holds text no database can store
    (a NUL, a lone surrogate): that record is refused, the session stays usable."""


class ArchiveBusyError(StorageError):
    """Raised by `storage.db.transaction` when the archive stays locked by another writer past
    the busy timeout."""


class NotAnArchiveError(StorageError):
    """Raised by `storage.db.require_archive` when a read command points at a database that
    holds no hubarchive schema (read commands never create one)."""
