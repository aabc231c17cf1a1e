"""Reading commands: `hubarchive search`, `hubarchive show` and `hubarchive export`."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.orm import Session

from schedules.cli.common import (
    DAY,
    LANG,
    WHOLE_NUMBER,
    F,
    archive_engine,
    db_option,
    echo_json,
    is_terminal,
    json_option,
    limit_option,
    storage_problem,
    url_argument,
)
from scraper.sites import profile_hosts
from storage.db import transaction
from storage.errors import NotFoundError, StorageError, UnknownSiteError
from storage.export import FORMATS, count_selected, export_archive
from storage.records import ArticleView, VersionEntry, load_article
from storage.search import MARK, SearchHit, search
from storage.selection import STATUSES, Filters, resolve_site


def filter_options(func: F) -> F:
    """The filters shared by `search` and `export`."""
    options = [
        click.option(
            "--site", metavar="KEY", help="Only this site: its key (`sites list`) or a URL on it."
        ),
        click.option(
            "--lang",
            type=LANG,
            metavar="CODE",
            help="Only articles in this language: an ISO 639-1 code (fr, nl, en).",
        ),
        click.option(
            "--sector", metavar="LABEL|KEY", help="Only this sector, by label (any case) or key."
        ),
        click.option(
            "--from",
            "date_from",
            type=DAY,
            metavar="YYYY-MM-DD",
            help="Published on or after this day.",
        ),
        click.option(
            "--to",
            "date_to",
            type=DAY,
            metavar="YYYY-MM-DD",
            help="Published on or before this day.",
        ),
        click.option("--speaker", metavar="NAME", help="Only interviews where NAME answers."),
        click.option("--has-qa", is_flag=True, help="Only articles with an interview."),
        click.option("--status", type=click.Choice(STATUSES), help="live or gone."),
        click.option(
            "--as-of",
            "as_of",
            type=DAY,
            metavar="YYYY-MM-DD",
            help="The archive as it stood at the end of this day (UTC).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(options: dict[str, Any]) -> Filters:
    def day(name: str) -> dt.date | None:
        value = options.get(name)
        return value.date() if value is not None else None

    try:
        return Filters(
            site=options.get("site"),
            lang=options.get("lang"),
            sector=options.get("sector"),
            published_from=day("date_from"),
            published_to=day("date_to"),
            speaker=options.get("speaker"),
            has_qa=bool(options.get("has_qa")),
            status=options.get("status"),
            as_of=day("as_of"),
        )
    except StorageError as exc:
        raise storage_problem(exc) from exc  # a range that cannot be searched: usage, exit 2


@contextmanager
def _archive(db_url: str) -> Iterator[Session]:
    """A read session on an existing archive; storage errors inside it become messages too."""
    with archive_engine(db_url) as engine, transaction(engine) as session:
        yield session


def _check_site(session: Session, filters: Filters) -> Filters:
    """`filters` with `--site` read as the site's key (given with a trailing slash or as a URL
    on the site too); a site the archive does not hold is a typo to report (exit 2), not an
    empty result."""
    if filters.site is None:
        return filters
    try:
        return replace(filters, site=resolve_site(session, filters.site, profile_hosts)[1])
    except UnknownSiteError as exc:
        raise storage_problem(exc) from exc


def _rich_snippet(snippet: str) -> str:
    parts = escape(snippet).split(MARK[0])
    return "".join(p if i % 2 == 0 else f"[bold yellow]{p}[/]" for i, p in enumerate(parts))


def _print_hits(hits: list[SearchHit]) -> None:
    table = Table(show_lines=True, expand=False)
    for name in ("#", "published", "lang", "status", "article", "snippet"):
        table.add_column(name, overflow="fold")
    for n, hit in enumerate(hits, 1):
        title = escape(hit.title or "(no title)")
        article = f"[bold]{title}[/]\n{escape(hit.url)} (v{hit.version})"
        table.add_row(
            str(n),
            str(hit.published or ""),
            hit.lang or "",
            hit.status,
            article,
            _rich_snippet(hit.snippet),
        )
    Console(soft_wrap=False).print(table)


@click.command("search")
@click.argument("query")
@filter_options
@db_option
@json_option
@limit_option(20)
def search_cmd(query: str, db_url: str, as_json: bool, limit: int, **options: Any) -> None:
    """Full-text search over title, lead, body, Q&A and contacts, best matches first.

    QUERY is words (all must match), "a phrase", prefix* , -excluded words, and OR between groups.

    \b
    Examples:
      hubarchive search "Silicon Valley" --lang fr
      hubarchive search 'douane OR tariffs' --has-qa --as-of 2025-06-30 --json
    """
    filters = _filters(options)
    with _archive(db_url) as session:
        filters = _check_site(session, filters)
        hits = search(session, query, filters, limit=limit)
    if as_json:
        echo_json([hit.to_dict() for hit in hits])
    elif not hits:
        narrowed = " with these filters" if filters.to_dict() else ""
        click.echo(f"No article matches {query!r}{narrowed}.")
    else:
        _print_hits(hits)
    if hits.searched_since is not None:
        click.echo(
            f"Searched the versions stored since {_when(hits.searched_since)} only (a phrase of "
            "common words): older matches may exist; narrow with a rarer word or filters.",
            err=True,
        )


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def _block(title: str, lines: list[str]) -> list[str]:
    return ["", click.style(title, bold=True)] + lines if lines else []


def _wrap(text: str, indent: str = "  ") -> list[str]:
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += textwrap.wrap(paragraph, 96, initial_indent=indent, subsequent_indent=indent) or [""]
    return out


def _version_label(entry: VersionEntry) -> str:
    if entry.kind != "gone":
        return str(entry.seq)
    back = f", back {entry.revived_at:%Y-%m-%d}" if entry.revived_at else ""
    return f"{entry.seq} (gone {entry.seen_at:%Y-%m-%d}{back})"


def render_article(view: ArticleView) -> str:
    """The human page of `hubarchive show`."""
    v, r = view.version, view.version.record
    versions = ", ".join(_version_label(entry) for entry in view.history)
    lines = [
        click.style(r.title or "(no title)", bold=True),
        f"{r.url}",
        f"lang {r.lang or '?'} · status {v.status} · version {v.version} (versions: {versions})",
        f"published {r.published or '—'} · modified {r.modified or '—'} · sector "
        f"{r.sector or '—'}" + (f" ({r.sector_key})" if r.sector_key else ""),
        (
            f"first seen {_when(v.first_seen)} · last changed {_when(v.last_changed)} · "
            f"last seen {_when(v.last_seen)}"
        ),
    ]
    lines += _block("Lead", _wrap(r.lead or ""))
    lines += _block("Body", _wrap(r.body or ""))
    dialogue: list[str] = []
    for pair in r.qa:
        dialogue += [""] + _wrap("Q: " + pair.question)
        dialogue += _wrap(f"{pair.speaker or 'A'}: {pair.answer}")
    lines += _block("Interview", dialogue[1:])
    contacts: list[str] = []
    for c in r.contacts:
        contacts += [f"  {c.name or '—'}" + (f" — {c.role}" if c.role else "")]
        contacts += [f"    {x}" for x in [c.address, *c.phones, *c.emails] if x]
    lines += _block("Contacts", contacts)
    lines += _block(
        "Translations",
        [
            f"  {lang}  {url}" + ("" if archived else "  (not archived)")
            for lang, (url, archived) in sorted(view.translations.items())
        ],
    )
    layers = ", ".join(f"{k} ← {val}" for k, val in sorted(r.sources.items())) or "—"
    lines += _block(
        "Provenance",
        [
            (
                f"  version seen {_when(v.seen_at)} · fetched {_when(v.fetched_at)} · extractor "
                f"{v.extractor_version or '—'}"
            ),
            f"  raw page sha256 {v.raw_page_sha256 or '— (none kept)'}"
            + (f" ({v.raw_page_size} bytes)" if v.raw_page_size else ""),
            f"  layers: {layers}",
        ],
    )
    if r.warnings:
        lines += _block("Warnings", [f"  {w}" for w in r.warnings])
    return "\n".join(lines)


@click.command("show")
@click.argument("url")
@click.option(
    "--version",
    "version",
    type=WHOLE_NUMBER,
    metavar="N",
    help="This version instead of the current one (see `hubarchive history`).",
)
@db_option
@json_option
def show_cmd(url: str, version: int | None, db_url: str, as_json: bool) -> None:
    """One archived article, readable: metadata, interview, contacts, translations, provenance.

    \b
    Examples:
      hubarchive show https://hub.brussels/fr/blog/le-reve-americain-existe-encore/
      hubarchive show https://hub.brussels/nl/blog/zorg-in-brussel/ --version 1 --json
    """
    canonical = url_argument(url)
    with _archive(db_url) as session:
        try:
            view = load_article(session, canonical, version)
        except NotFoundError:
            if canonical == url:
                raise
            view = load_article(session, url, version)
    if as_json:
        echo_json(view.to_dict())
    else:
        click.echo(render_article(view))


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="csv (articles, qa, contacts, related), jsonl (nested), or parquet (typed).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into (created if missing); file names are fixed.",
)
@filter_options
@click.option("--all-versions", is_flag=True, help="Every version, not only the current one.")
@click.option(
    "--raw-cells",
    is_flag=True,
    help="Keep CSV cells starting with = + - @ as they are (no leading ').",
)
@db_option
@json_option
@click.option(
    "--limit",
    type=WHOLE_NUMBER,
    default=None,
    help="At most this many versions (default: all).",
)
def export_cmd(
    fmt: str,
    out_dir: Path,
    all_versions: bool,
    raw_cells: bool,
    db_url: str,
    as_json: bool,
    limit: int | None,
    **options: Any,
) -> None:
    """Export the archive for analysis, with a datapackage.json describing every column.

    \b
    Examples:
      hubarchive export --format csv --out export/
      hubarchive export --format parquet --out data/ --all-versions --lang fr --from 2025-01-01
    """
    filters = _filters(options)
    with _archive(db_url) as session:
        filters = _check_site(session, filters)
        if is_terminal() and not as_json:
            report = _export_with_progress(
                session, out_dir, fmt, filters, all_versions, raw_cells, limit
            )
        else:
            report = export_archive(
                session,
                out_dir,
                fmt,
                filters=filters,
                all_versions=all_versions,
                raw_cells=raw_cells,
                limit=limit,
            )
    if as_json:
        echo_json(report.to_dict())
        return
    noun = "version" if report.versions == 1 else "versions"
    click.echo(f"Exported {report.versions} {noun} to {out_dir} ({fmt}):")
    for name, rows in report.rows.items():
        click.echo(f"  {name:<20} {rows:>8} rows")
    click.echo(f"  {'datapackage.json':<20} the data dictionary")


def _export_with_progress(
    session: Session,
    out_dir: Path,
    fmt: str,
    filters: Filters,
    all_versions: bool,
    raw_cells: bool,
    limit: int | None,
) -> Any:
    from rich.progress import Progress

    total = count_selected(session, filters, all_versions=all_versions)
    if limit is not None:
        total = min(total, limit)
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"exporting {fmt}", total=total)
        return export_archive(
            session,
            out_dir,
            fmt,
            filters=filters,
            all_versions=all_versions,
            raw_cells=raw_cells,
            limit=limit,
            progress=lambda n: bar.advance(task, n),
        )


def register(group: click.Group) -> None:
    """Add this module's commands to the `hubarchive` group."""
    for command in (search_cmd, show_cmd, export_cmd):
        group.add_command(command)
