"""Notifications after a run: one message listing what the run found, sent through Apprise.

Apprise speaks e-mail, Slack, Matrix, Telegram, generic JSON webhooks (`json://host:port/path`)
and many more from one URL each. A notification that fails never fails the crawl and never
touches archived data: it is logged, added to the run's warnings and recorded in its run row.
Notification URLs carry secrets (tokens, passwords): only `redact(url)` is ever logged or stored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import apprise
from sqlalchemy import Engine

from schedules.feeds import DEFAULT_VIEW_URL, change_link, view_link
from storage.changes import ArticleChange, ChangeQuery, list_changes
from storage.db import open_engine, transaction
from storage.schema import RunRow

log = logging.getLogger("hubarchive.notify")

#: Environment variable holding notification URLs (separated by spaces), as `--notify` does.
NOTIFY_ENV = "HUBARCHIVE_NOTIFY"
#: Key of the profile's `[crawl]` table that lists notification URLs.
PROFILE_KEY = "notify"
#: Changes listed in one message; the rest are counted, with a link to the changes page.
MESSAGE_CHANGES = 30
#: Characters of a failure's reason kept in warnings (Apprise's messages can be long).
REASON_CHARS = 200


def redact(url: str) -> str:
    """What may be shown of a notification URL: its scheme only (hosts can be tokens too)."""
    scheme = urlsplit(url.strip()).scheme or "?"
    return f"{scheme}://…"


def _secrets(url: str) -> list[str]:
    """Parts of `url` that must not appear in a stored reason, longest first."""
    parts = urlsplit(url.strip())
    pieces = [parts.netloc, parts.hostname or "", parts.username or "", parts.password or ""]
    pieces += [p for p in re.split(r"[/?&=:@#]", url) if p]
    return sorted(
        {p for p in pieces if len(p) >= 3 and p not in (parts.scheme,)}, key=len, reverse=True
    )


def _scrub(text: str, url: str) -> str:
    for secret in _secrets(url):
        text = text.replace(secret, "…")
    return text[:REASON_CHARS]


@dataclass
class Delivery:
    """The outcome of one notification URL: `target` is redacted, `reason` scrubbed of secrets."""

    target: str
    ok: bool
    reason: str | None = None


@dataclass
class NotifyReport:
    """What the notifications of one run did; `warnings` are ready for the run's warnings."""

    sent: int = 0
    failed: int = 0
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [
            f"notification to {d.target} failed: {d.reason}" for d in self.deliveries if not d.ok
        ]


def message(changes: Sequence[ArticleChange], run_id: int, view_url: str) -> tuple[str, str]:
    """(title, body) of the message of run `run_id`: counts, then each change with its links."""
    counts = {
        kind: sum(c.kind == kind for c in changes) for kind in ("new", "changed", "gone", "revived")
    }
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    title = f"hubarchive run {run_id}: {summary}"
    lines: list[str] = []
    for change in changes[:MESSAGE_CHANGES]:
        lines.append(f"{change.kind.upper()}: {change.title or change.url}")
        lines.append(f"  {change.url}")
        if change.kind != "gone":
            lines.append(
                f"  {'diff' if change.from_version else 'view'}: {change_link(change, view_url)}"
            )
        for diff in change.diff:
            shown = " | ".join(f"{line.op} {line.text}" for line in diff.lines)
            lines.append(f"  {diff.field}: {shown}")
    if len(changes) > MESSAGE_CHANGES:
        more = len(changes) - MESSAGE_CHANGES
        lines.append(f"… and {more} more: {view_link(view_url, '/changes', run=run_id)}")
    return title, "\n".join(lines)


def notification_urls(given: Iterable[str], profile_urls: Iterable[str] | None = None) -> list[str]:
    """The URLs to notify: those given (flag or environment) then the profile's, each once."""
    urls: list[str] = []
    for url in [*given, *(profile_urls or [])]:
        for part in str(url).split():
            if part and part not in urls:
                urls.append(part)
    return urls


def send(urls: Sequence[str], title: str, body: str) -> NotifyReport:
    """Send one message to each URL; never raises for a failed or unknown URL (reported instead)."""
    report = NotifyReport()
    for url in urls:
        delivery = _send_one(url, title, body)
        report.deliveries.append(delivery)
        if delivery.ok:
            report.sent += 1
        else:
            report.failed += 1
    return report


def _send_one(url: str, title: str, body: str) -> Delivery:
    target = redact(url)
    notifier = apprise.Apprise()
    # Apprise logs the URLs it reads and sends to: keep its records to ourselves, scrubbed
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        if not notifier.add(url):
            return Delivery(
                target, False, "not a notification URL Apprise knows (see its URL list)"
            )
        try:
            ok = bool(notifier.notify(title=title, body=body))
        except Exception as exc:  # a plugin's own failure must not end the run
            return Delivery(target, False, _scrub(f"{type(exc).__name__}: {exc}", url))
        logged = captured.getvalue().strip().splitlines()
    if ok:
        return Delivery(target, True)
    reason = logged[-1] if logged else "the service did not accept the message"
    return Delivery(target, False, _scrub(reason, url))


def notify_run(
    engine: Engine, run_id: int, urls: Sequence[str], *, view_url: str = DEFAULT_VIEW_URL
) -> NotifyReport:
    """Send run `run_id`'s changes (if it found any) to `urls`; record failures in its run row.

    The run's `message` gets each failure's warning and its `counts` a `notifications` entry;
    nothing else of the archive is written. Never raises for a failed delivery.
    """
    with transaction(engine) as session:
        changes = list_changes(session, ChangeQuery(run_id=run_id))
    if not changes or not urls:
        return NotifyReport()
    title, body = message(changes, run_id, view_url)
    report = send(urls, title, body)
    for warning in report.warnings:
        log.warning("%s", warning)
    with transaction(engine) as session:
        run = session.get(RunRow, run_id)
        if run is not None:
            run.counts = {
                **(run.counts or {}),
                "notifications": {"sent": report.sent, "failed": report.failed},
            }
            if report.warnings:
                run.message = "; ".join(filter(None, [run.message, *report.warnings]))
    return report


def notify_after_crawl(
    db_url: str, run_id: int | None, urls: Sequence[str], *, view_url: str = DEFAULT_VIEW_URL
) -> list[str]:
    """`notify_run` for the crawl command: the warnings to add to the run's report.

    Whatever goes wrong here (the archive unreadable after the run, a notifier's bug) becomes a
    warning: the crawl's exit code and its archived data stay as the run left them.
    """
    if run_id is None or not urls:
        return []
    try:
        engine = open_engine(db_url, migrate=False, create=False)
        try:
            return notify_run(engine, run_id, urls, view_url=view_url).warnings
        finally:
            engine.dispose()
    except Exception as exc:  # the one fragile step after a finished run: never fail the crawl
        log.warning("notifications of run %s not sent: %s", run_id, type(exc).__name__)
        return [f"notifications of run {run_id} not sent: {type(exc).__name__}"]
