"""Articles only, on a site without a profile (the generic rule): pagination pages ("« Précédent",
"2", `page2.html`) and footer, legal or contact pages are never archived, and the URL rules keep
them from being fetched at all; a page the rule took for an article but whose content is cards
without a body is a listing, not a version."""

from __future__ import annotations

from schedules.job import run_crawl

from .cases import CaseSite, serve_case
from .conftest import archived, fast_options

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _page(title: str, main: str, *, extra: str = "") -> dict[str, object]:
    body = (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><header><a href='/'>Accueil</a></header><main>{main}</main>{extra}"
        "<footer><a href='/mentions-legales/'>Mentions légales</a> "
        "<a href='/contact/'>Contact</a> <a href='/vie-privee.html'>Vie privée</a></footer>"
        "</body></html>"
    )
    return {"headers": HTML, "body": body}


def _cards(*slugs: str) -> str:
    return "".join(
        f'<div class="teaser"><h2><a href="/actus/{s}.html">Titre de {s.replace("-", " ")}</a>'
        "</h2><span>3 juin 2025</span></div>"
        for s in slugs
    )


def _article(slug: str) -> dict[str, object]:
    text = " ".join(["Un paragraphe qui raconte l'histoire de cet article en détail."] * 6)
    return _page(
        f"Titre de {slug}",
        f"<article><h1>Titre de {slug.replace('-', ' ')}</h1>"
        '<time datetime="2025-06-03">3 juin 2025</time>'
        f"<p>{text}</p><p>{text}</p></article>",
    )


FIRST = ("mission-au-japon", "salon-du-design", "prix-de-l-export")
SECOND = ("foire-de-lyon", "visite-a-gand", "atelier-numerique")
THIRD = ("rencontre-a-bruges", "forum-emploi", "journee-portes-ouvertes")
ROUTES: dict[str, dict[str, object]] = {
    "/robots.txt": {"headers": {"Content-Type": "text/plain"}, "body": "User-agent: *\n"},
    "/actus/": _page(
        "Actualités",
        "<h1>Actualités</h1>"
        + _cards(*FIRST)
        + '<div class="teaser"><h2><a href="/actus/dossier-export.html">Dossier : l\'export</a>'
        "</h2></div>"
        '<p>Lire nos <a href="/actus/mentions-legales.html">mentions légales</a></p>'
        '<div class="pages"><a href="/actus/page2.html">2</a> '
        '<a href="/actus/page2.html">Suivant »</a></div>',
    ),
    "/actus/page2.html": _page(
        "Actualités, page 2",
        "<h1>Actualités</h1>"
        + _cards(*SECOND)
        + '<div class="pages"><a href="/actus/">« Précédent</a> <a href="/actus/">1</a> '
        '<a href="/actus/page3.html">3</a> <a href="/actus/page3.html">Suivant »</a></div>',
    ),
    "/actus/page3.html": _page(
        "Actualités, page 3",
        "<h1>Actualités</h1>"
        + _cards(*THIRD)
        + '<div class="pages"><a href="/actus/page2.html">« Précédent</a> '
        '<a href="/actus/">1</a> <a href="/actus/page2.html">2</a></div>',
    ),
    "/actus/dossier-export.html": _page(
        "Dossier : l'export", "<h1>Dossier : l'export</h1>" + _cards(*FIRST, *SECOND)
    ),
    **{f"/actus/{slug}.html": _article(slug) for slug in FIRST + SECOND + THIRD},
}


def test_pagination_footer_and_listing_pages_are_not_archived(sqlite_url: str) -> None:
    site = CaseSite(dict(ROUTES))
    with serve_case(site) as server:
        start = (f"{server.base_url}/actus/",)
        report = run_crawl(fast_options(sqlite_url, server.base_url, start_urls=start))
        base = server.base_url
    assert report.exit_code == 0, report.warnings
    assert sorted(archived(sqlite_url)) == sorted(
        f"{base}/actus/{slug}.html" for slug in FIRST + SECOND + THIRD
    )
    paths = site.paths()
    # each page walked once, as a listing: page 3's "« Précédent" to page2.html is no article
    assert paths.count("/actus/page2.html") == paths.count("/actus/page3.html") == 1
    for never in (
        "/mentions-legales/",
        "/contact/",
        "/vie-privee.html",
        "/actus/mentions-legales.html",
    ):
        assert never not in paths, never
    # the dossier looked like an article to the URL rules: fetched, recognised as cards, not kept
    assert "/actus/dossier-export.html" in paths and report.counts.skipped == 1
    assert " 1 skipped, " in report.summary()  # the cron line adds up with what `runs` shows


def test_forget_removes_an_article_and_the_crawls_skip_it_until_undone(sqlite_url: str) -> None:
    from click.testing import CliRunner

    from schedules.cli import main

    site = CaseSite(dict(ROUTES))
    runner = CliRunner()
    with serve_case(site) as server:
        options = fast_options(
            sqlite_url, server.base_url, start_urls=(f"{server.base_url}/actus/",)
        )
        assert run_crawl(options).exit_code == 0
        junk = f"{server.base_url}/actus/{FIRST[0]}.html"
        dry = runner.invoke(main, ["forget", junk, "--dry-run", "--db", sqlite_url])
        assert dry.exit_code == 0 and "would forget 1 articles" in dry.stdout
        assert junk in archived(sqlite_url)
        done = runner.invoke(
            main,
            ["forget", "--pattern", f"{server.base_url}/actus/{FIRST[0]}*", "--db", sqlite_url],
        )
        assert done.exit_code == 0 and "forgot 1 articles" in done.stdout, done.output
        assert junk not in archived(sqlite_url)
        check = runner.invoke(main, ["db", "check", "--deep", "--db", sqlite_url])
        assert check.exit_code == 0, check.output
        before = site.paths().count(f"/actus/{FIRST[0]}.html")
        run_crawl(options)
        assert site.paths().count(f"/actus/{FIRST[0]}.html") == before  # skipped
        assert junk not in archived(sqlite_url)
        undo = runner.invoke(
            main,
            [
                "forget",
                "--undo",
                "--pattern",
                f"{server.base_url}/actus/{FIRST[0]}*",
                "--db",
                sqlite_url,
            ],
        )
        assert undo.exit_code == 0
        run_crawl(options)
        assert junk in archived(sqlite_url)
    runs = runner.invoke(main, ["runs", "--db", sqlite_url])
    assert " forget " in runs.stdout or "forget" in runs.stdout
