"""A per-host politeness gate kept in PostgreSQL (`host_slots`), shared by every worker process on
every machine that writes the archive: a request to a host waits until the host's slot is free,
holds the host's row lock while it is sent and answered, and leaves the next slot `delay` seconds
after its end. Times come from the database server's clock, so the workers' clocks may differ.

A worker killed mid-request loses its connection, and PostgreSQL drops its row lock with it: the
host is free again at once, and its slot is the one the previous request left.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

_ENSURE = text(
    "INSERT INTO host_slots (host, next_allowed_at) VALUES (:host, clock_timestamp()) "
    "ON CONFLICT (host) DO NOTHING"
)
_TAKE = text(
    "SELECT GREATEST(0, EXTRACT(EPOCH FROM next_allowed_at - clock_timestamp())) "
    "FROM host_slots WHERE host = :host FOR UPDATE"
)
_LEAVE = text(
    "UPDATE host_slots SET next_allowed_at = clock_timestamp() + make_interval(secs => :delay) "
    "WHERE host = :host"
)


class PgHostGate:
    """`scraper.fetch.HostGate` on a PostgreSQL archive (see the module docstring).

    `wait_turn(host, delay)` blocks (the host's row lock, then the rest of the delay) and keeps
    one pooled connection, in a transaction, until `done(host)` from the same thread; threads
    of one process take turns like processes do. Raises SQLAlchemy's `OperationalError` when the
    database cannot be reached; an exception while waiting (a signal, the run's deadline)
    leaves the slot as it was.
    """

    def __init__(self, engine: Engine, *, sleep: Callable[[float], None] = time.sleep) -> None:
        if engine.url.get_backend_name() != "postgresql":
            raise ValueError("the shared host gate needs a PostgreSQL archive")
        self.engine = engine
        self._sleep = sleep
        #: the connection holding each (thread, host) turn, with the delay to leave after it
        self._held: dict[tuple[int, str], tuple[Connection, float]] = {}
        self._lock = threading.Lock()

    def wait_turn(self, host: str, delay: float) -> None:
        connection = self.engine.connect()
        try:
            connection.execute(_ENSURE, {"host": host})
            connection.commit()
            # the row lock is the host's: one request at a time, in every process
            wait = float(connection.execute(_TAKE, {"host": host}).scalar_one())
            if wait > 0:
                self._sleep(wait)
        except BaseException:
            connection.close()  # rolled back: the slot stays as the last request left it
            raise
        with self._lock:
            self._held[(threading.get_ident(), host)] = (connection, max(0.0, delay))

    def done(self, host: str) -> None:
        with self._lock:
            connection, delay = self._held.pop((threading.get_ident(), host))
        with connection:
            # measured from the end of the answer, as the in-process delay is
            connection.execute(_LEAVE, {"host": host, "delay": delay})
            connection.commit()
