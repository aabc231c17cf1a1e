"""`--notify URL` and `--view-url` of `hubarchive crawl`, and where notification URLs come from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from schedules.feeds import DEFAULT_VIEW_URL
from schedules.notify import NOTIFY_ENV, PROFILE_KEY, notification_urls, notify_after_crawl
from scraper.sites import SiteProfile


def notify_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--notify URL` (repeatable, env HUBARCHIVE_NOTIFY) and `--view-url URL`."""
    func = click.option(
        "--view-url",
        envvar="HUBARCHIVE_VIEW_URL",
        default=DEFAULT_VIEW_URL,
        show_default=True,
        metavar="URL",
        help="Base URL of `hubarchive serve`, for the links in notifications.",
    )(func)
    return click.option(
        "--notify",
        multiple=True,
        envvar=NOTIFY_ENV,
        metavar="URL",
        help="Send what the run found to this Apprise URL (repeatable; env "
        f"{NOTIFY_ENV}, space-separated). Failures are warnings, never the exit code.",
    )(func)


def crawl_notify_urls(given: tuple[str, ...], profile: SiteProfile) -> list[str]:
    """The flag's (or environment's) URLs, then those of the profile's `[crawl] notify` list."""
    listed = profile.crawl.get(PROFILE_KEY) or []
    if isinstance(listed, str):
        listed = [listed]
    return notification_urls(given, [str(u) for u in listed])


def notify_after_run(
    run_id: int | None, db_url: str, given: tuple[str, ...], profile: SiteProfile, view_url: str
) -> list[str]:
    """Notify every URL of `crawl_notify_urls` of run `run_id`'s changes; the warnings to add."""
    urls = crawl_notify_urls(given, profile)
    return notify_after_crawl(db_url, run_id, urls, view_url=view_url)
