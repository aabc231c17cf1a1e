"""The per-host politeness gate a `Fetcher` can share with other processes (several workers on one
archive): a turn per request, so that the delay between two requests to one host holds across
every process that uses the same gate. The gate itself (e.g. `storage.hostgate.PgHostGate`) is
passed in; the scraper never knows where it keeps its state.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol


class HostGate(Protocol):
    """Hands out turns to send a request to one host.

    `turn(host, delay)` blocks until `delay` seconds have passed since the end of the last turn
    on `host` (a lower-case host name, as `scraper.urls.host_of` gives it: every port of a
    machine counts, as the in-process delay does) taken by anyone sharing the gate, and holds
    the host for the block: the request is sent inside it. At most one turn per host is held at
    a time (the per-host limit of one request at a time).
    """

    def turn(self, host: str, delay: float) -> AbstractContextManager[None]: ...
