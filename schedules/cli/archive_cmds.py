"""Archive commands: `db upgrade`, `db check`, `history`, `diff`, `reparse`, `warc export`, `warc import`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import click

from schedules.cli.common import (
    DAY,
    WHOLE_NUMBER,
    UsageError,
    archive_engine,
    db_option,
    echo_json,
    json_option,
    storage_problem,
    url_argument,
)
from schedules.exits import EXIT_LOCKED
from schedules.lock import archive_lock
from scraper.errors import ProfileError
from scraper.sites import BASE_PROFILE, SiteProfile, load_profile, profile_hosts
from storage.db import check_reachable, current_revision, head_revision, transaction, upgrade
from storage.diff import FieldChange, VersionDiff, diff_versions
from storage.errors import ExportError, LockedError
from storage.forget import forget_articles, undo_forget
from storage.history import ArticleHistory, article_history
from storage.integrity import check_integrity
from storage.safefiles import SafeFiles
from storage.warc import export_warc

if TYPE_CHECKING:
    from schedules.reparse import ReparseReport


def _utc_day(value: dt.datetime | None) -> dt.datetime | None:
    """A `--since` day as the start of that day in UTC."""
    return value.replace(tzinfo=dt.UTC) if value is not None else None


def _when(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _short(value: Any, width: int = 70) -> str:
    text = "—" if value in (None, "", [], {}) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _echo_history(history: ArticleHistory) -> None:
    click.echo(f"{history.url}  [{history.lang or '?'}, {history.status}]")
    click.echo(
        f"first seen {_when(history.first_seen)}, last seen {_when(history.last_seen)}, "
        f"last changed {_when(history.last_changed)} (UTC)"
    )
    for lang, url in history.translations.items():
        click.echo(f"  {lang}: {url}")
    click.echo(f"{'v':>3}  {'seen at (UTC)':<19}  {'kind':<7}  {'http':<4}  {'hash':<12}  changes")
    for v in history.versions:
        changes = (
            "404/410: gone"
            if v.kind == "gone"
            else (
                ", ".join(v.changed_fields)
                if v.changed_fields
                else ("first version" if v.seq == 1 else "—")
            )
        )
        marker = "*" if v.seq == history.current_version else " "
        click.echo(
            f"{v.seq:>3}{marker} {_when(v.seen_at):<19}  {v.kind:<7}  "
            f"{v.http_status or '':<4}  {(v.content_hash or '')[:12]:<12}  {changes}"
        )
        if v.revived_at is not None:
            click.echo(
                f"{'':>4} {_when(v.revived_at):<19}  {'back':<7}  {'':<4}  {'':<12}  "
                "answered again, same content (no new version)"
            )


def _echo_change(change: FieldChange) -> None:
    click.echo(f"\n{change.field}:")
    if change.items:
        for item in change.items:
            if item.change == "changed":
                click.echo(f"  #{item.new_position}: {', '.join(item.fields)} changed")
                for key in item.fields:
                    old, new = (item.old or {}).get(key), (item.new or {}).get(key)
                    click.echo(f"    - {key}: {_short(old)}\n    + {key}: {_short(new)}")
            else:
                position = item.new_position if item.change == "added" else item.old_position
                click.echo(f"  #{position} {item.change}: {_short(item.new or item.old)}")
    elif change.text_diff is not None:
        click.echo(change.text_diff)
    else:
        click.echo(f"  - {_short(change.old)}\n  + {_short(change.new)}")


def _echo_diff(diff: VersionDiff) -> None:
    fields = ", ".join(diff.changed_fields) or "nothing (same content)"
    click.echo(f"{diff.url}: version {diff.from_version} -> {diff.to_version}: {fields}")
    for change in diff.changes:
        _echo_change(change)


def _echo_reparse(report: ReparseReport) -> None:
    prefix = "dry run, nothing written: " if report.dry_run else ""
    click.echo(
        f"{prefix}{report.checked} articles re-extracted: {report.changed} changed, "
        f"{report.unchanged} unchanged, {report.failed} failed"
    )
    for name, count in sorted(report.fields.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {name:<14} {count}")
    for error in report.errors:
        click.echo(f"failed: {error}", err=True)


def _load(profile_name: str, hint: str = "") -> SiteProfile:
    try:
        return load_profile(profile_name)
    except ProfileError as exc:
        raise UsageError(f"{exc}{hint}") from exc


def _article_filter(profile_name: str) -> tuple[str | None, Any]:
    """(site key, URL filter) of a site profile, for `warc import`. The generic base (the profile
    of a site crawled with --start-url) takes the generic rule's article URLs, and is no site's:
    its pages belong to the site of their origin (None), as a `--start-url` crawl keys them. Any
    other profile takes its article patterns on its own hosts (no pattern: a configuration
    error): another host's pages are not its site's, whatever their path."""
    from scraper.discover import crawl_profile, generic_article_url
    from scraper.urls import is_allowed_host

    try:
        profile = load_profile(profile_name)
        if profile.key == BASE_PROFILE:
            return None, generic_article_url
        crawl = crawl_profile(profile)
        return profile.key, lambda url: is_allowed_host(url, crawl.hosts) and crawl.is_article(url)
    except ProfileError as exc:
        raise UsageError(f"{exc} (or pass --all-pages to import every HTML page)") from exc


@contextmanager
def _alone(engine: Any, command: str, *, skip: bool = False) -> Iterator[None]:
    """Hold the archive lock for an archive-wide writer; exit 75 when a crawl or another one runs."""
    if skip:
        yield
        return
    try:
        with archive_lock(engine, command):
            yield
    except LockedError as exc:
        click.echo(f"hubarchive {command}: {exc}", err=True)
        sys.exit(EXIT_LOCKED)


def register(group: click.Group) -> None:
    """Add the archive commands to the `hubarchive` group."""

    @group.command("forget")
    @click.argument("urls", nargs=-1, metavar="URL...")
    @click.option("--pattern", metavar="GLOB", help="Every article whose URL matches (fnmatch).")
    @click.option(
        "--site", metavar="SITE", help="Only this site: its key (`sites list`) or a URL on it."
    )
    @click.option("--dry-run", is_flag=True, help="Show what would be removed; remove nothing.")
    @click.option(
        "--undo", is_flag=True, help="Let the crawls take these URLs / this pattern again."
    )
    @db_option
    @json_option
    def forget_cmd(
        urls: tuple[str, ...],
        pattern: str | None,
        site: str | None,
        dry_run: bool,
        undo: bool,
        db_url: str,
        as_json: bool,
    ) -> None:
        """Remove articles archived by mistake (a listing, a legal page) with their versions,
        fetches and raw pages; the site's crawls skip them until `forget --undo`.

        \b
        Example:
          hubarchive forget https://example.org/news/page2.html --dry-run
          hubarchive forget --pattern 'https://example.org/tag/*' --site https://example.org
          hubarchive forget --undo --pattern 'https://example.org/tag/*'
        """
        if not urls and not pattern:
            raise UsageError("name the URLs to forget, or give --pattern GLOB")
        wanted = [url_argument(u) for u in urls]
        with archive_engine(db_url, write=True) as engine, _alone(engine, "forget", skip=dry_run):
            with transaction(engine, dry_run=dry_run) as session:
                if undo:
                    undo_forget(
                        session,
                        urls=wanted,
                        pattern=pattern,
                        site=site,
                        profile_hosts=profile_hosts,
                    )
                    click.echo(f"the crawls may take {len(wanted) or 'the pattern'} again")
                    return
                report = forget_articles(
                    session,
                    urls=wanted,
                    pattern=pattern,
                    site=site,
                    dry_run=dry_run,
                    profile_hosts=profile_hosts,
                )
        if as_json:
            echo_json(report.to_dict())
            return
        verb = "would forget" if dry_run else "forgot"
        click.echo(
            f"{verb} {len(report.urls)} articles ({report.versions} versions, {report.fetches} "
            f"fetches, {report.raw_pages} raw pages)"
        )
        for url in report.urls:
            click.echo(f"  {url}")

    @group.group("db")
    def db() -> None:
        """The archive's database: schema migrations and integrity.

        \b
        Example:
          hubarchive db upgrade --db postgresql+psycopg://me@localhost/hubarchive
          hubarchive db check --deep
        """

    @db.command("upgrade")
    @db_option
    def db_upgrade(db_url: str) -> None:
        """Create or migrate the archive's tables to this version of hubarchive.

        \b
        Example:
          hubarchive db upgrade --db archive.db
        """
        with archive_engine(db_url, migrate=False, create=True) as engine:
            # a server that is down or a database not created yet: one line (exit 70 or 2, as
            # every other command), before the archive lock's own connection reports a crash
            check_reachable(engine)
            with _alone(engine, "db upgrade"):
                before, after = upgrade(engine)
        if before == after:
            click.echo(f"archive already at schema revision {after}")
        else:
            click.echo(f"archive upgraded from revision {before or '(empty)'} to {after}")

    @db.command("check")
    @db_option
    @click.option(
        "--deep", is_flag=True, help="Also decompress every raw page and check its sha256."
    )
    @json_option
    def db_check(db_url: str, deep: bool, as_json: bool) -> None:
        """Check that the archive is consistent; exit 1 when it is not.

        \b
        Example:
          hubarchive db check --deep
        """
        with archive_engine(db_url) as engine, transaction(engine) as session:
            problems = check_integrity(session, deep=deep)
            revision = current_revision(engine)
        if as_json:
            echo_json({"revision": revision, "head": head_revision(), "problems": problems})
        elif problems:
            for problem in problems:
                click.echo(problem)
        else:
            click.echo(f"archive consistent (schema revision {revision})")
        if problems:
            raise click.exceptions.Exit(1)

    @group.command("history")
    @click.argument("url")
    @db_option
    @json_option
    def history(url: str, db_url: str, as_json: bool) -> None:
        """Every version of the article at URL: when seen, content hash, fields changed, tombstones.

        \b
        Example:
          hubarchive history https://hub.brussels/fr/blog/silicon-valley/ --json
        """
        with archive_engine(db_url) as engine, transaction(engine) as session:
            found = article_history(session, url_argument(url))
        if as_json:
            echo_json(found.to_dict())
        else:
            _echo_history(found)

    @group.command("diff")
    @click.argument("url")
    @click.option(
        "--from",
        "from_seq",
        type=WHOLE_NUMBER,
        metavar="N",
        help="Older version (default: the content version before --to).",
    )
    @click.option(
        "--to",
        "to_seq",
        type=WHOLE_NUMBER,
        metavar="M",
        help="Newer version (default: the current one).",
    )
    @db_option
    @json_option
    def diff(
        url: str, from_seq: int | None, to_seq: int | None, db_url: str, as_json: bool
    ) -> None:
        """Field-level diff between two versions of the article at URL (text diffs for long text).

        \b
        Example:
          hubarchive diff https://hub.brussels/fr/blog/silicon-valley/ --from 1 --to 3
        """
        with archive_engine(db_url) as engine, transaction(engine) as session:
            found = diff_versions(session, url_argument(url), from_seq=from_seq, to_seq=to_seq)
        if as_json:
            echo_json(found.to_dict())
        else:
            _echo_diff(found)

    @group.command("reparse")
    @click.option("--url", metavar="URL", help="Only this article.")
    @click.option(
        "--since",
        type=DAY,
        metavar="YYYY-MM-DD",
        help="Only articles whose stored page was fetched on or after this day (UTC).",
    )
    @click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
    @click.option(
        "--profile",
        metavar="KEY|FILE.toml",
        help="Site profile the pages are read with (default: hub_brussels).",
    )
    @db_option
    @json_option
    def reparse_cmd(
        url: str | None,
        since: dt.datetime | None,
        dry_run: bool,
        profile: str | None,
        db_url: str,
        as_json: bool,
    ) -> None:
        """Re-run the current extractor over stored pages (no network); version what changed.

        Reports how many articles changed, per field: run it with --dry-run after changing the
        extractor to see what an improvement (or a regression) would do to the archive.

        \b
        Example:
          hubarchive reparse --since 2025-01-01 --dry-run
          hubarchive reparse --profile sites/gazette.toml --dry-run
        """
        # imported here, not at the top: the re-extraction (and the fetch layer it brings) is
        # for `reparse` only, not for the light commands of this module (`history`, `diff`, `db`)
        from schedules.reparse import reparse

        site_profile = _load(profile) if profile else None
        with (
            archive_engine(db_url, migrate=True) as engine,
            _alone(engine, "reparse", skip=dry_run),
        ):
            report = reparse(
                engine,
                url=url_argument(url) if url else None,
                since=_utc_day(since),
                dry_run=dry_run,
                profile=site_profile,
            )
        if as_json:
            echo_json(report.to_dict())
        else:
            _echo_reparse(report)

    @group.group("warc")
    def warc() -> None:
        """Exchange captures with other web-archiving tools as WARC files (ISO 28500).

        \b
        Example:
          hubarchive warc export hubarchive.warc.gz
          hubarchive warc import crawl-2019.warc.gz crawl-2020.warc.gz
        """

    @warc.command("export")
    @click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
    @click.option(
        "--since",
        type=DAY,
        metavar="YYYY-MM-DD",
        help="Only captures fetched on or after this day (UTC).",
    )
    @click.option("--url", metavar="URL", help="Only the captures of this URL.")
    @db_option
    def warc_export(file: Path, since: dt.datetime | None, url: str | None, db_url: str) -> None:
        """Write the stored captures (request + response records, original headers) to a WARC.gz.

        \b
        Example:
          hubarchive warc export hubarchive-2025.warc.gz --since 2025-01-01
        """
        # a temporary file created exclusively beside FILE, renamed over it at the end: a failed
        # export leaves neither a truncated FILE nor a `.part`; a symlink or device is refused
        try:
            with (
                archive_engine(db_url) as engine,
                transaction(engine) as session,
                SafeFiles(file.parent) as files,
            ):
                report = export_warc(
                    session,
                    cast(BinaryIO, files.open(file.name, "wb")),
                    since=_utc_day(since),
                    url=url_argument(url) if url else None,
                )
                files.commit()
        except ExportError as exc:
            raise storage_problem(exc) from exc
        except OSError as exc:
            raise click.ClickException(f"cannot write {file}: {exc.strerror}") from exc
        click.echo(f"{report.captures} captures ({report.records} records) written to {file}")

    @warc.command("import")
    @click.argument(
        "files",
        nargs=-1,
        required=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
    )
    @click.option(
        "--profile",
        default=None,
        help="Site profile whose hosts and article URL patterns select the pages to import, and"
        " that the pages are read with (base: the generic rule's article URLs on any host)."
        " Without it, each capture is chosen and read with the profile of its host, as `crawl"
        " --start-url` picks it (the bundled profile whose hosts hold it, else base with the site"
        " keyed by its origin), and a page the archive already holds with the profile its site"
        " was crawled with (as reparse does).",
    )
    @click.option("--all-pages", is_flag=True, help="Import every HTML page, article or not.")
    @click.option(
        "--assume-date",
        type=DAY,
        metavar="YYYY-MM-DD",
        help="Date (midnight UTC) of records that have no WARC-Date (refused otherwise).",
    )
    @db_option
    @json_option
    def warc_import(
        files: tuple[Path, ...],
        profile: str | None,
        all_pages: bool,
        assume_date: dt.datetime | None,
        db_url: str,
        as_json: bool,
    ) -> None:
        """Extract and archive the captures of WARC files, each under its own date, oldest first.

        One bad record is counted as failed (file, offset, reason) and the rest imported. Exit
        codes: 0 all imported; 1 some records failed or a file is truncated; 2 a file is not
        WARC; 3 nothing imported (no HTML page in the files, or none the profile takes for an
        article: try --all-pages); 70 unexpected error; 75 a crawl or another archive-wide
        command runs.

        \b
        Example:
          hubarchive warc import heritrix-2019.warc.gz heritrix-2020.warc.gz --json
          hubarchive warc import old.warc --assume-date 2019-05-01 --all-pages
        """
        # imported here, not at the top, as `reparse` above: extraction and fetch layers are
        # for `warc import` only
        from schedules.warc import WarcReadError, import_warcs

        by_host = profile is None
        site, is_article, site_profile = None, None, None
        if profile is not None:
            site, is_article = (None, None) if all_pages else _article_filter(profile)
            site_profile = _load(profile, " (or pass --all-pages to import every HTML page)")
        with archive_engine(db_url, migrate=True, create=True) as engine:
            try:
                report = import_warcs(
                    engine,
                    list(files),
                    site=site,
                    is_article=is_article,
                    profile=site_profile,
                    profile_name=profile,
                    assume_date=_utc_day(assume_date),
                    stored_profiles=by_host,
                    by_host=by_host,
                    all_pages=all_pages,
                )
            except WarcReadError as exc:
                raise UsageError(str(exc)) from exc
            except LockedError as exc:
                click.echo(f"hubarchive warc import: {exc}", err=True)
                sys.exit(EXIT_LOCKED)
        if as_json:
            echo_json(report.to_dict())
        else:
            counts = report.to_dict()["counts"]
            span = (
                f" captured {report.first_date:%Y-%m-%d} to {report.last_date:%Y-%m-%d}"
                if report.first_date and report.last_date
                else ""
            )
            click.echo(
                f"{report.files} files, {report.records} records{span}: "
                + ", ".join(f"{n} {name}" for name, n in counts.items())
            )
        for note in report.notes():
            click.echo(f"note: {note}", err=True)
        for error in report.errors:
            click.echo(f"failed: {error}", err=True)
        sys.exit(report.exit_code)
