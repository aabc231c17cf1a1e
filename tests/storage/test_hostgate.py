"""The PostgreSQL host gate: a request waits for the rest of the delay another process's request
to the same host left, measured from the end of that request; other hosts do not wait."""

from __future__ import annotations

import pytest

from storage.db import open_engine
from storage.hostgate import PgHostGate

pytestmark = pytest.mark.postgres


def test_the_delay_runs_from_the_last_request_of_any_gate(pg_url: str) -> None:
    engine, other = open_engine(pg_url), open_engine(pg_url)  # two "processes"
    waits: list[float] = []
    first, second = PgHostGate(engine, sleep=waits.append), PgHostGate(other, sleep=waits.append)
    first.wait_turn("example.org", 30.0)
    first.done("example.org")
    second.wait_turn("other.example", 30.0)  # another host: its own slot
    second.done("other.example")
    assert waits == []
    second.wait_turn("example.org", 30.0)
    second.done("example.org")
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0, "the rest of the first gate's delay"
    engine.dispose()
    other.dispose()


def test_an_interrupted_wait_leaves_the_slot_and_the_host_free(pg_url: str) -> None:
    engine = open_engine(pg_url)
    gate = PgHostGate(engine)
    gate.wait_turn("example.org", 30.0)
    gate.done("example.org")

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        PgHostGate(engine, sleep=interrupted).wait_turn("example.org", 30.0)
    waits: list[float] = []
    after = PgHostGate(engine, sleep=waits.append)
    after.wait_turn("example.org", 30.0)  # not blocked by the interrupted one
    after.done("example.org")
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0, "the slot is the first request's"
    engine.dispose()
