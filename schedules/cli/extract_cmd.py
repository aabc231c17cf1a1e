"""`hubarchive extract`: print the record the extractor sees in a saved page."""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

import click

from schedules.cli.common import UsageError, echo_json, json_option, url_argument
from schedules.wording import plural
from scraper.errors import ProfileError
from scraper.extract import extract_article
from scraper.extract.decode import decode_html, looks_binary
from scraper.fetch import FetchConfig
from scraper.models import Article
from scraper.sites import DEFAULT_PROFILE, load_profile, profile_for_url

#: The largest page read (the crawler's own limit on a body).
MAX_PAGE_BYTES = FetchConfig.max_bytes
#: The openings that make a resource HTML (WHATWG MIME Sniffing §7.1, "identifying a resource
#: with an unknown MIME type"), matched case-insensitively after leading whitespace and followed
#: by a space or ">". The standard checks them before its binary-byte test, so a saved page with
#: a stray NUL or control byte in its head is still a page, as the crawl (which archives it) reads it.
HTML_OPENINGS = tuple(
    tag.encode()
    for tag in (
        "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT",
        "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--",
    )
)  # fmt: skip


#: A start tag: "<" then a letter (WHATWG HTML tokenizer, "tag open state"). A file without one
#: (plain text, a doctype or comment alone) holds no HTML element, so no article to read.
_START_TAG = re.compile(r"<[A-Za-z]")


def _opens_as_html(data: bytes) -> bool:
    """True when `data` starts, after whitespace, with one of the standard's HTML openings."""
    head = data[:512].lstrip(b"\t\n\x0c\r ").upper()
    return any(
        head.startswith(tag) and head[len(tag) : len(tag) + 1] in (b" ", b">")
        for tag in HTML_OPENINGS
    )


def _format(article: Article) -> str:
    """A person-readable summary: one line per scalar field, then the nested records."""
    data = article.to_dict()
    lines = []
    for key in ("url", "lang", "title", "published", "modified", "sector", "sector_key", "lead"):
        source = data["sources"].get(key)
        value = "-" if data[key] is None else data[key]
        lines.append(f"{key:>11}: {value}" + (f"  [{source}]" if source and data[key] else ""))
    body = data["body"] or ""
    lines.append(
        f"{'body':>11}: {plural(len(body.split(chr(10) * 2)) if body else 0, 'paragraph')}, "
        f"{plural(len(body), 'character')}"
    )
    for pair in data["qa"]:
        lines.append(f"{'qa':>11}: {pair['question']}  — {pair['speaker'] or '?'}")
    for contact in data["contacts"]:
        details = ", ".join(
            x
            for x in [contact["role"], contact["address"], *contact["phones"], *contact["emails"]]
            if x
        )
        lines.append(f"{'contact':>11}: {contact['name'] or '?'} ({details})")
    for card in data["related"]:
        lines.append(
            f"{'related':>11}: {card['title']} [{card['sector'] or '-'}, {card['published'] or '-'}]"
        )
    for lang, url in data["translations"].items():
        lines.append(f"{'translation':>11}: {lang} {url}")
    for warning in data["warnings"]:
        lines.append(f"{'warning':>11}: {warning}")
    return "\n".join(lines)


def _known_charset(value: str | None) -> str | None:
    """--encoding names a charset Python can decode, else a usage error (exit 2, one line): an
    unknown name was accepted and ignored without a word."""
    if value is None:
        return None
    try:
        codecs.lookup(value.strip().strip("\"'").lower())
    except LookupError:
        raise UsageError(
            f"--encoding {value!r} is no charset known here (e.g. utf-8, iso-8859-1, windows-1252)"
        ) from None
    return value


@click.command("extract")
@click.argument(
    "page", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option(
    "--url",
    default=None,
    metavar="URL",
    help="The URL the page was fetched from (default: a file:// URL of PAGE).",
)
@click.option(
    "--encoding",
    default=None,
    metavar="CHARSET",
    callback=lambda ctx, param, value: _known_charset(value),
    help="Charset of the HTTP Content-Type header, when known (a name Python knows: utf-8, "
    "iso-8859-1, windows-1252…).",
)
@click.option(
    "--profile",
    "profile_name",
    default=None,
    metavar="NAME|FILE",
    help="Site profile: a bundled key or a TOML file (default: the bundled profile whose hosts"
    f" hold --url, else {DEFAULT_PROFILE} without --url).",
)
@json_option
def extract_command(
    page: Path, url: str | None, encoding: str | None, profile_name: str | None, as_json: bool
) -> None:
    """Print the record the extractor produces from a saved HTML PAGE (`-`: standard input).

    \b
    Example:
      hubarchive extract saved/le-reve-americain.html \\
          --url https://hub.brussels/fr/news/le-reve-americain-existe-encore/ --json
    """
    if url is not None:
        url_argument(url)  # a usage error (exit 2) for what is no http(s) URL, not a crash
    try:
        if profile_name is None and url:
            profile = profile_for_url(url)
        else:
            profile = load_profile(profile_name or DEFAULT_PROFILE)
    except ProfileError as exc:
        raise UsageError(f"{exc} (see --profile)") from exc
    stdin = str(page) == "-"
    name = "standard input" if stdin else str(page)
    try:
        if stdin:
            html = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        else:
            with page.open("rb") as stream:
                html = stream.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise click.ClickException(f"cannot read {name}: {exc.strerror}") from exc
    if len(html) > MAX_PAGE_BYTES:
        raise click.ClickException(
            f"{name} is larger than {MAX_PAGE_BYTES} bytes, the most the crawler fetches of a page"
        )
    if not html.strip():
        raise click.ClickException(f"{name} is empty: there is no page to read")
    if looks_binary(html) and not _opens_as_html(html):
        raise click.ClickException(f"{name} is not an HTML page (it holds binary bytes)")
    text, _ = decode_html(html, encoding)  # as the extractor reads it: a BOM alone is no text
    if not text.strip().strip("\ufeff").strip():
        raise click.ClickException(f"{name} is empty: there is no page to read")
    if not _START_TAG.search(text):
        raise click.ClickException(f"{name} is not an HTML page (no HTML element in it)")
    if url is None:
        click.echo(
            f"note: no --url: read with the profile {profile.key!r}, links resolved against"
            " a file:// URL; give the page's --url for its site's profile, links and dates",
            err=True,
        )
        url = "file:///dev/stdin" if stdin else page.resolve().as_uri()
    article = extract_article(html, url, encoding=encoding, profile=profile)
    if as_json:
        echo_json(article.to_dict())
    else:
        click.echo(_format(article))


def register(group: click.Group) -> None:
    """Add this module's commands to the `hubarchive` group."""
    group.add_command(extract_command)
