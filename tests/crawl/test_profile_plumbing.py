"""The profile a crawl, a reparse or a WARC import runs with is the one the extractor reads the
pages with: a site other than hub.brussels, crawled with its own profile, gets its own sector
mapping and site names, end to end (CLI in-process, a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from schedules.cli import main
from tests.crawl.site import Request, Response, SiteServer

ARTICLE = "/fr/nouvelles/velos-cargo-gazette/"
LISTING = "/fr/nouvelles/"
PAGES = {
    LISTING: f"""<!doctype html><html lang="fr"><head><title>Nouvelles</title></head><body>
<main><article class="card"><h2><a href="{ARTICLE}">Les vélos cargo arrivent à la Gazette</a></h2>
<time datetime="2025-06-03">3 juin 2025</time></article></main></body></html>""",
    ARTICLE: """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Les vélos cargo arrivent à la Gazette</title></head><body>
<main><article>
<p class="post-category">Mobilité</p>
<h1>Les vélos cargo arrivent à la Gazette</h1>
<p><time datetime="2025-06-03">3 juin 2025</time></p>
<p>La rédaction teste depuis un mois trois vélos cargo pour livrer le journal dans le centre.</p>
<p>L'essai sera prolongé jusqu'à la fin de l'été si les livreurs le souhaitent.</p>
<p>Hubert Lambert<br>Responsable de la distribution<br>+32 2 555 01 02<br>hlambert@gazette.example</p>
</article>
<div class="bas"><p>La Gazette · info@gazette.example · +32 2 555 00 00</p></div>
</main></body></html>""",
}


def _handle(request: Request) -> Response:
    page = PAGES.get(request.route)
    if page is None:
        return Response(404, b"not found", {"Content-Type": "text/plain"})
    return Response(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})


@pytest.fixture
def site() -> Iterator[str]:
    with SiteServer(_handle) as server:
        yield server.base_url


def _profile(tmp_path: Path, base_url: str) -> Path:
    path = tmp_path / "gazette.toml"
    host = base_url.split("://", 1)[1]
    path.write_text(
        f"""[site]
key = "gazette"
name = "La Gazette"
hosts = ["{host}"]  # other ports only when listed
time_zone = "America/Montreal"

[extract]
site_names = ["La Gazette"]

[extract.sectors]
mobility = ["Mobilité"]

[crawl]
article_patterns = ['^/fr/nouvelles/[^/]+/$']
sitemaps = []
feeds = []
wp_json = ""

[crawl.start_urls]
fr = ["{base_url}{LISTING}"]
""",
        encoding="utf-8",
    )
    return path


def _run(*args: str) -> tuple[int, Any]:
    result = CliRunner().invoke(main, list(args))
    try:
        return result.exit_code, json.loads(result.stdout)
    except json.JSONDecodeError:
        return result.exit_code, result.output


def _record(db: str, url: str) -> dict[str, Any]:
    code, shown = _run("show", url, "--json", "--db", db)
    assert code == 0, shown
    return shown["record"] if "record" in shown else shown


def test_crawl_reparse_and_warc_import_read_pages_with_the_sites_profile(
    tmp_path: Path, site: str
) -> None:
    profile = str(_profile(tmp_path, site))
    db = str(tmp_path / "gazette.db")
    url = f"{site}{ARTICLE}"
    code, report = _run("crawl", "--db", db, "--profile", profile, "--delay", "0", "--json")
    assert code == 0, report
    record = _record(db, url)
    # the site's own mapping ("Mobilité" is "logistics" in the hub.brussels profile)
    assert (record["sector"], record["sector_key"]) == ("Mobilité", "mobility")
    # its site name makes its identity line furniture; "Hubert" is a person, not the site "hub"
    assert [c["name"] for c in record["contacts"]] == ["Hubert Lambert"]

    code, same = _run("reparse", "--db", db, "--profile", profile, "--json")
    assert code == 0 and same["changed"] == 0, same
    # without --profile, each article is read with the profile its site was crawled with (stored)
    code, stored = _run("reparse", "--db", db, "--json")
    assert code == 0 and stored["changed"] == 0, stored
    code, hub = _run("reparse", "--db", db, "--profile", "hub_brussels", "--dry-run", "--json")
    assert code == 0 and hub["changed"] == 1, hub  # the hub.brussels profile reads it otherwise

    warc = str(tmp_path / "gazette.warc.gz")
    code, out = _run("warc", "export", warc, "--db", db)
    assert code == 0, out
    other = str(tmp_path / "imported.db")
    code, imported = _run("warc", "import", warc, "--profile", profile, "--db", other, "--json")
    assert code == 0, imported
    again = _record(other, url)
    assert (again["sector_key"], [c["name"] for c in again["contacts"]]) == (
        "mobility",
        ["Hubert Lambert"],
    )
