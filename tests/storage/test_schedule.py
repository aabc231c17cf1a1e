"""Sites on a schedule and their leases: two workers never hold one site, an expired lease is
taken over with the run under way, a released site is due again after its interval."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.archive import start_run
from storage.db import open_engine, transaction
from storage.schedule import (
    lease_due_site,
    note_run,
    release_lease,
    renew_lease,
    schedule_site,
    scheduled_sites,
    unschedule_site,
)

PROFILE = '[site]\nkey = "demo"\nhosts = ["demo.example"]\n'


def schedule(session: object, *keys: str, every_s: int = 3600) -> None:
    for key in keys:
        schedule_site(
            session,  # type: ignore[arg-type]
            key,
            profile_text=PROFILE,
            start_urls=[f"https://{key}.example/news/"],
            every_s=every_s,
            delay=0.5,
            base_url=None,
        )


def test_sites_are_registered_updated_and_removed_with_their_profile(db_url: str) -> None:
    engine = open_engine(db_url)
    with transaction(engine) as session:
        schedule(session, "b", "a")
        assert not schedule_site(
            session, "a", profile_text=PROFILE, start_urls=[], every_s=60, delay=None, base_url=None
        ), "a second add updates the site"
    with transaction(engine) as session:
        found = {s.key: s for s in scheduled_sites(session)}
        assert set(found) == {"a", "b"}
        assert (found["a"].every_s, found["a"].start_urls, found["a"].delay) == (60, [], None)
        assert found["b"].profile_key == "demo" and found["b"].start_urls == [
            "https://b.example/news/"
        ]
        assert unschedule_site(session, "a") and not unschedule_site(session, "nowhere")
    with transaction(engine) as session:
        found = {s.key: s for s in scheduled_sites(session)}
        assert found["a"].every_s is None, "the site stays in the archive, unscheduled"
    engine.dispose()


@pytest.mark.postgres
def test_two_workers_lease_different_sites_and_a_dead_ones_run_is_taken_over(pg_url: str) -> None:
    engine = open_engine(pg_url)
    with transaction(engine) as session:
        schedule(session, "a", "b")
    # two workers leasing at the same moment, in open transactions: SKIP LOCKED parts them
    with transaction(engine) as first, transaction(engine) as second:
        one = lease_due_site(first, "w1", lease_s=60)
        two = lease_due_site(second, "w2", lease_s=60)
        assert one is not None and two is not None and {one.key, two.key} == {"a", "b"}
    with transaction(engine) as session:
        assert lease_due_site(session, "w3", lease_s=60) is None, "both sites are held"
        run_id = start_run(session, started_at=dt.datetime.now(dt.UTC), site=one.key)
        note_run(session, one.site_id, "w1", run_id)
        # w1 dies: its lease runs out (a negative length: expired at once, no waiting)
        assert renew_lease(session, one.site_id, "w1", lease_s=-1)
    with transaction(engine) as session:
        taken = lease_due_site(session, "w3", lease_s=60)
        assert taken is not None
        assert (taken.key, taken.run_id, taken.previous_owner) == (one.key, run_id, "w1")
        assert not renew_lease(session, one.site_id, "w1", lease_s=60), "w1 lost it"
    with transaction(engine) as session:
        release_lease(session, taken.site_id, "w3", run_id=run_id, due_in_s=None)
        release_lease(session, two.site_id, "w2", run_id=None, due_in_s=0)
    with transaction(engine) as session:
        found = {s.key: s for s in scheduled_sites(session)}
        assert found[one.key].lease_owner is None and found[one.key].last_run_id == run_id
        due_again = found[one.key].due_at
        assert due_again is not None
        assert due_again - dt.datetime.now(dt.UTC) > dt.timedelta(minutes=55), "after every_s"
        again = lease_due_site(session, "w3", lease_s=60)
        assert again is not None and again.key == two.key and again.run_id is None
    engine.dispose()
