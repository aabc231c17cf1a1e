"""WARC import record by record: the shared cases (25–28, 30, 31) as tests, a sibling of each written
here, and hostile files — one bad record is counted failed with its offset and reason and the
rest imported; a file that is not WARC or ends mid-record says so with a nonzero exit."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from schedules.cli import main
from schedules.warc import WarcImportReport, WarcReadError, import_warcs
from storage.archive import known_articles
from storage.db import open_engine, transaction
from storage.history import article_history
from storage.schema import RunRow, Site

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
NEWS = "https://hub.brussels/fr/news/"


def _page(title: str, text: str = "Un paragraphe de texte en français pour la page.") -> bytes:
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="article:published_time" content="2024-01-09T10:00:00+01:00"></head>'
        f"<body><main><article><h1>{title}</h1><p>{text}</p><p>{text} Encore.</p>"
        "</article></main></body></html>"
    ).encode()


def record(
    uri: str | None,
    date: str | None,
    body: bytes = b"",
    *,
    kind: str = "response",
    status: str = "HTTP/1.1 200 OK",
    headers: dict[str, str] | None = None,
    extra: dict[str, str] | None = None,
) -> bytes:
    """One WARC record as bytes (uncompressed), written by hand so that it can be wrong."""
    http_headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
    if "Transfer-Encoding" not in http_headers:
        http_headers["Content-Length"] = str(len(body))
    http = (
        status + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in http_headers.items()) + "\r\n"
    ).encode() + body
    head = f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
    if uri is not None:
        head += f"WARC-Target-URI: {uri}\r\n"
    if date is not None:
        head += f"WARC-Date: {date}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in (extra or {}).items())
    head += (
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        f"Content-Type: application/http;msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def members(*records: bytes) -> bytes:
    """A WARC.gz as tools write it: one gzip member per record."""
    return b"".join(gzip.compress(r) for r in records)


def _import(engine: Engine, *paths: Path, **options: object) -> WarcImportReport:
    from scraper.discover import crawl_profile
    from scraper.sites import load_profile

    profile = load_profile("hub_brussels")
    return import_warcs(
        engine,
        list(paths),
        site=profile.key,
        is_article=crawl_profile(profile).is_article,
        profile=profile,
        profile_name=profile.key,
        **options,  # type: ignore[arg-type]
    )


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _archived(engine: Engine) -> dict[str, object]:
    with transaction(engine) as session:
        return dict(known_articles(session))


# -- the shared cases


def test_case_25_target_uri_in_angle_brackets(engine: Engine) -> None:
    report = _import(engine, CASES / "25-warc-angle-brackets.warc.gz")
    assert (report.counts["new"], report.counts["failed"]) == (1, 0)
    known = _archived(engine)
    assert list(known) == [f"{NEWS}mission-tokyo/"]
    assert known[f"{NEWS}mission-tokyo/"].title == "Mission économique à Tokyo"  # type: ignore[attr-defined]


def test_sibling_25_angle_brackets_with_spaces_uncompressed(engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "wget.warc",
        record(f"< {NEWS}salon-bois/ >", "2024-01-10T09:00:00Z", _page("Le salon du bois")),
    )
    report = _import(engine, path)
    assert report.counts["new"] == 1 and list(_archived(engine)) == [f"{NEWS}salon-bois/"]


def test_case_26_chunked_payload_is_whole(engine: Engine) -> None:
    report = _import(engine, CASES / "26-warc-chunked.warc.gz")
    assert report.counts["new"] == 1
    with transaction(engine) as session:
        history = article_history(session, f"{NEWS}salon-construction-durable/")
    assert history.versions[0].seq == 1
    with transaction(engine) as session:
        from storage.schema import VersionRow

        body = session.scalar(select(VersionRow.body))
    assert "automne prochain" in body and "aut\r\n" not in body and "12c" not in body


def test_sibling_26_chunked_and_gzip_encoded(engine: Engine, tmp_path: Path) -> None:
    page = _page("Une usine de recyclage", "Le recyclage des métaux avance à Anderlecht.")
    packed = gzip.compress(page)
    chunked = (
        b"".join(
            f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in (packed[:50], packed[50:])
        )
        + b"0\r\n\r\n"
    )
    path = _write(
        tmp_path,
        "chunked.warc.gz",
        members(
            record(
                f"{NEWS}usine-recyclage/",
                "2024-02-01T09:00:00Z",
                chunked,
                headers={"Transfer-Encoding": "chunked", "Content-Encoding": "gzip"},
            )
        ),
    )
    report = _import(engine, path)
    assert report.counts["new"] == 1, report.errors
    assert _archived(engine)[f"{NEWS}usine-recyclage/"].title == "Une usine de recyclage"  # type: ignore[attr-defined]


def test_case_27_revisit_is_unchanged_and_moves_last_seen(engine: Engine) -> None:
    report = _import(engine, CASES / "27-warc-revisit.warc.gz")
    assert (report.counts["new"], report.counts["unchanged"], report.counts["skipped"]) == (1, 1, 0)
    known = _archived(engine)[f"{NEWS}guichet-export/"]
    assert known.last_seen == dt.datetime(2024, 2, 10, 9, 0, tzinfo=dt.UTC)  # type: ignore[attr-defined]
    assert known.current_version == 1  # type: ignore[attr-defined]


def test_sibling_27_revisit_of_a_capture_not_in_the_archive_is_skipped(
    engine: Engine, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "revisit.warc.gz",
        members(
            record(
                f"{NEWS}jamais-vu/",
                "2024-02-10T09:00:00Z",
                kind="revisit",
                extra={
                    "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
                },
                status="HTTP/1.1 304 Not Modified",
            )
        ),
    )
    report = _import(engine, path)
    assert report.counts["skipped"] == 1 and report.counts["failed"] == 0
    assert _archived(engine) == {}


def test_case_28_dns_metadata_and_image_records_are_not_failures(engine: Engine) -> None:
    report = _import(engine, CASES / "28-warc-nonhttp-records.warc.gz")
    assert (report.counts["new"], report.counts["failed"]) == (1, 0)
    assert list(_archived(engine)) == [f"{NEWS}prix-innovation/"]
    assert report.not_matching == 0  # the logo is no page that "did not match"


def test_sibling_28_whois_and_ftp_records(engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mixed.warc.gz",
        members(
            record("whois://whois.dns.be/hub.brussels", "2024-03-01T08:00:00Z", b"Domain: x"),
            record("ftp://hub.brussels/pub/a.txt", "2024-03-01T08:00:01Z", b"text"),
            record(f"{NEWS}foire-export/", "2024-03-01T09:00:00Z", _page("La foire de l'export")),
        ),
    )
    report = _import(engine, path)
    assert (report.counts["new"], report.counts["failed"]) == (1, 0)


def test_case_31_a_view_counter_that_moved_makes_no_version(engine: Engine) -> None:
    report = _import(engine, CASES / "31-change-noise.warc.gz")
    assert (report.counts["new"], report.counts["unchanged"], report.counts["changed"]) == (1, 1, 0)
    with transaction(engine) as session:
        history = article_history(session, f"{NEWS}marche-de-noel-exportateurs/")
    assert len(history.versions) == 1


def test_sibling_31_counters_never_version_but_a_sentence_does(
    engine: Engine, tmp_path: Path
) -> None:
    def page(views: str, comments: str, sentence: str) -> bytes:
        return _page(
            "Marché de Noël",
            f"{sentence}</p><div class='entry-meta'><span>{views}</span> · "
            f"<span>{comments}</span> · <span>3 min de lecture</span></div><p>{sentence}",
        )

    url = f"{NEWS}marche-de-noel/"
    first = page("1 204 vues", "2 commentaires", "Le stand est ouvert.")
    counted = page("1 530 vues", "5 commentaires", "Le stand est ouvert.")
    edited = page("1 531 vues", "5 commentaires", "Le stand est fermé le lundi.")
    path = _write(
        tmp_path,
        "noise.warc.gz",
        members(
            record(url, "2024-12-02T09:00:00Z", first),
            record(url, "2024-12-09T09:00:00Z", counted),
            record(url, "2024-12-16T09:00:00Z", edited),
        ),
    )
    report = _import(engine, path)
    assert (report.counts["new"], report.counts["unchanged"], report.counts["changed"]) == (1, 1, 1)
    with transaction(engine) as session:
        history = article_history(session, url)
    assert [v.changed_fields for v in history.versions][-1] == ["body"]


def test_case_30_warc_date_with_offset(engine: Engine) -> None:
    report = _import(engine, CASES / "30-warc-date-with-offset.warc")
    assert (report.counts["new"], report.counts["failed"]) == (1, 0)
    with transaction(engine) as session:
        history = article_history(session, f"{NEWS}cooperative-energie/")
    assert history.versions[0].seen_at == dt.datetime(2024, 3, 5, 9, 20, 30, tzinfo=dt.UTC)


def test_sibling_30_negative_offset_across_midnight(engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "ny.warc",
        record(
            f"{NEWS}mission-new-york/", "2024-03-05T21:30:00-05:00", _page("Mission à New York")
        ),
    )
    _import(engine, path)
    with transaction(engine) as session:
        history = article_history(session, f"{NEWS}mission-new-york/")
    assert history.versions[0].seen_at == dt.datetime(2024, 3, 6, 2, 30, tzinfo=dt.UTC)


# -- hostile files: one bad record, the rest imported


GOOD = [
    record(f"{NEWS}bon-{n}/", f"2024-04-0{n}T09:00:00Z", _page(f"Bon article numéro {n}"))
    for n in (1, 2)
]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            record(f"{NEWS}mauvais/", "2024-04-01T10:00:00Z", _page("x"), status="OK 200"),
            "status line",
        ),
        (record(f"{NEWS}mauvais/", "yesterday", _page("x")), "is not a date"),
        (record("", "2024-04-01T10:00:00Z", _page("x")), "empty WARC-Target-URI"),
        (
            record("http://[::1:8080/fr/news/mauvais/", "2024-04-01T10:00:00Z", _page("x")),
            "not a usable URL",
        ),
        (record(f"{NEWS}mauvais/", None, _page("x")), "--assume-date"),
    ],
    ids=["status-OK-200", "date-yesterday", "empty-target", "ipv6-target", "no-warc-date"],
)
def test_one_bad_record_fails_alone_with_offset_and_reason(
    engine: Engine, tmp_path: Path, bad: bytes, reason: str
) -> None:
    path = _write(tmp_path, "bad.warc.gz", members(GOOD[0], bad, GOOD[1]))
    report = _import(engine, path)
    assert report.counts["new"] == 2 and report.counts["failed"] == 1, report.errors
    offset = len(gzip.compress(GOOD[0]))
    assert f"at offset {offset}" in report.errors[0] and reason in report.errors[0], report.errors
    assert report.exit_code == 1


def test_a_record_without_date_imports_with_assume_date(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path, "nodate.warc", record(f"{NEWS}sans-date/", None, _page("Sans date")))
    report = _import(engine, path, assume_date=dt.datetime(2019, 5, 1, tzinfo=dt.UTC))
    assert report.counts["new"] == 1
    with transaction(engine) as session:
        history = article_history(session, f"{NEWS}sans-date/")
    assert history.versions[0].seen_at == dt.datetime(2019, 5, 1, tzinfo=dt.UTC)


def test_a_page_storage_refuses_costs_only_itself(engine: Engine, tmp_path: Path) -> None:
    from tests.storage.samples import make_article

    def extract(html: bytes, url: str, *, encoding: str | None = None):  # type: ignore[no-untyped-def]
        title = "Titre \ud800 cassé" if "cassé" in url else "Titre normal"
        return make_article(url, title=title)

    pages = [record(f"{NEWS}page-{n}/", f"2024-05-01T09:00:{n:02d}Z", _page("p")) for n in range(5)]
    pages.insert(2, record(f"{NEWS}page-cassé/", "2024-05-01T09:00:02Z", _page("p")))
    path = _write(tmp_path, "surrogate.warc.gz", members(*pages))
    report = _import(engine, path, extract=extract)
    assert report.counts["new"] + report.counts["failed"] == 6
    assert report.counts["new"] >= 5, report.errors
    assert len(_archived(engine)) == report.counts["new"]


@pytest.mark.parametrize(
    "content",
    [
        b"just some notes\nnot a web archive at all\n" * 20,
        b"<!doctype html><html><body>x</body></html>",
    ],
    ids=["plain-text", "html"],
)
def test_a_file_that_is_not_warc_exits_2_and_stores_nothing(
    sqlite_url: str, tmp_path: Path, content: bytes
) -> None:
    path = _write(tmp_path, "notwarc.warc", content)
    result = CliRunner().invoke(main, ["warc", "import", str(path), "--db", sqlite_url])
    assert result.exit_code == 2, result.output
    assert "is not a readable WARC file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_a_file_truncated_in_the_middle_imports_the_whole_records_and_exits_1(
    sqlite_url: str, tmp_path: Path, compressed: bool
) -> None:
    data = members(*GOOD) if compressed else b"".join(GOOD)
    cut = len(gzip.compress(GOOD[0])) if compressed else len(GOOD[0])
    path = _write(tmp_path, "cut.warc" + (".gz" if compressed else ""), data[: cut + 120])
    result = CliRunner().invoke(main, ["warc", "import", str(path), "--db", sqlite_url, "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["counts"]["new"] == 1 and report["counts"]["failed"] == 1
    assert any("truncated" in note for note in report["notes"])


def test_one_member_gzip_and_uncompressed_files_import(engine: Engine, tmp_path: Path) -> None:
    single = _write(tmp_path, "single.warc.gz", gzip.compress(b"".join(GOOD)))
    plain = _write(
        tmp_path,
        "plain.warc",
        record(f"{NEWS}brut/", "2024-04-03T09:00:00Z", _page("Un fichier brut")),
    )
    report = _import(engine, single, plain)
    assert (report.counts["new"], report.counts["failed"]) == (3, 0), report.errors


def test_records_are_capped_like_crawl_bodies(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import schedules.warc

    monkeypatch.setattr(schedules.warc, "MAX_RECORD_BYTES", 50_000)
    big = record(f"{NEWS}enorme/", "2024-04-01T10:00:00Z", _page("x", "mot " * 60_000))
    bomb = record(
        f"{NEWS}bombe/",
        "2024-04-01T10:00:01Z",
        gzip.compress(b" " * 5_000_000),
        headers={"Content-Encoding": "gzip"},
    )
    path = _write(tmp_path, "big.warc.gz", members(GOOD[0], big, bomb, GOOD[1]))
    report = _import(engine, path)
    assert (report.counts["new"], report.counts["failed"]) == (2, 2)
    assert all("cap" in e for e in report.errors), report.errors


def test_pages_that_do_not_match_the_profile_are_reported(sqlite_url: str, tmp_path: Path) -> None:
    other = [
        record(f"https://other.example/blog/post-{n}/", f"2024-04-0{n}T09:00:00Z", _page("Autre"))
        for n in (1, 2, 3)
    ]
    path = _write(tmp_path, "other.warc.gz", members(*other))
    # named: without --profile each page takes its host's (other.example: the generic base)
    result = CliRunner().invoke(
        main, ["warc", "import", str(path), "--profile", "hub_brussels", "--db", sqlite_url]
    )
    assert result.exit_code == 3, "nothing imported is no success (it exited 0)"
    assert (
        "3 pages did not match profile hub_brussels: use --profile or --all-pages" in result.stderr
    )


def test_another_sites_warc_imports_with_the_generic_base_profile(
    sqlite_url: str, tmp_path: Path
) -> None:
    """The note above says "use --profile": `--profile base` (the profile of a site crawled with
    --start-url) refused, "[crawl] has no article_patterns". The base takes the generic rule's
    articles: the posts, not the listing, a tag page or the home page."""
    pages = [
        record(f"https://other.example/blog/post-{n}/", f"2024-04-0{n}T09:00:00Z", _page("Autre"))
        for n in (1, 2, 3)
    ] + [
        record(f"https://other.example{path}", "2024-04-04T09:00:00Z", _page("Liste"))
        for path in ("/", "/blog/", "/tag/export/")
    ]
    path = _write(tmp_path, "other.warc.gz", members(*pages))
    result = CliRunner().invoke(
        main, ["warc", "import", str(path), "--profile", "base", "--db", sqlite_url]
    )
    assert result.exit_code == 0, result.output
    engine = open_engine(sqlite_url)
    try:
        assert sorted(_archived(engine)) == [
            f"https://other.example/blog/post-{n}/" for n in (1, 2, 3)
        ]
        with transaction(engine) as session:  # the site a --start-url crawl of it would be
            assert session.scalars(select(Site.key)).all() == ["https://other.example"]
    finally:
        engine.dispose()
    assert "3 pages did not match profile base" in result.stderr


@pytest.mark.parametrize(
    "content",
    [b"", members(record(None, "2024-04-01T09:00:00Z", b"software: x\r\n", kind="warcinfo"))],
    ids=["empty-file", "warcinfo-only"],
)
def test_a_warc_holding_no_page_imports_nothing_and_says_so_exit_3(
    sqlite_url: str, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["warc", "import", str(path), "--db", sqlite_url])
    assert result.exit_code == 3, result.output
    assert "nothing imported" in result.stderr and "Traceback" not in result.stderr
    runs = json.loads(CliRunner().invoke(main, ["runs", "--db", sqlite_url, "--json"]).stdout)
    assert (runs[0]["outcome"], runs[0]["exit_code"]) == ("nothing-found", 3)


def test_every_import_run_row_ends(engine: Engine, tmp_path: Path) -> None:
    def interrupted(html: bytes, url: str, *, encoding: str | None = None):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    path = _write(tmp_path, "a.warc.gz", members(*GOOD))
    with pytest.raises(KeyboardInterrupt):
        _import(engine, path, extract=interrupted)
    _import(engine, path)
    with transaction(engine) as session:
        outcomes = list(session.scalars(select(RunRow.outcome).order_by(RunRow.id)))
    assert outcomes == ["interrupted", "ok"]


def test_gone_articles_round_trip_as_their_404(
    engine: Engine, tmp_path: Path, sqlite_url: str
) -> None:
    from schedules.warc import import_warcs as again
    from storage.archive import mark_gone
    from storage.db import open_engine
    from storage.warc import export_warc

    _import(engine, CASES / "25-warc-angle-brackets.warc.gz")
    url = f"{NEWS}mission-tokyo/"
    with transaction(engine) as session:
        from storage.archive import log_fetch

        mark_gone(session, url, seen_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
        log_fetch(
            session,
            url,
            fetched_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
            status=404,
            outcome="gone",
        )
    out = io.BytesIO()
    with transaction(engine) as session:
        export_warc(session, out)
    exported = _write(tmp_path, "round.warc.gz", out.getvalue())
    copy = open_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        report = again(copy, [exported])
        assert report.counts["gone"] == 1
        with transaction(copy) as session:
            assert known_articles(session)[url].status == "gone"
    finally:
        copy.dispose()


def test_not_warc_raises_before_anything_is_stored(engine: Engine, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.warc.gz", members(*GOOD))
    bad = _write(tmp_path, "bad.warc", b"hello\n" * 50)
    with pytest.raises(WarcReadError, match="bad.warc"):
        _import(engine, good, bad)
    assert _archived(engine) == {}


def test_all_pages_belong_to_the_site_of_their_host(engine: Engine, tmp_path: Path) -> None:
    from storage.schema import ArticleRow, Site

    pages = [
        record("https://other.example/blog/post-1/", "2024-04-01T09:00:00Z", _page("Autre site")),
        record(f"{NEWS}du-hub/", "2024-04-01T09:00:01Z", _page("Un article du hub")),
    ]
    path = _write(tmp_path, "two.warc.gz", members(*pages))
    report = import_warcs(engine, [path])  # --all-pages: no profile chose them
    assert report.counts["new"] == 2
    with transaction(engine) as session:
        owners = dict(
            session.execute(
                select(ArticleRow.url, Site.key).join(Site, Site.id == ArticleRow.site_id)
            ).all()
        )
    assert owners == {
        "https://other.example/blog/post-1/": "https://other.example",
        f"{NEWS}du-hub/": "hub_brussels",
    }


def test_reimporting_the_archives_own_captures_changes_nothing(tmp_path: Path) -> None:
    """A site crawled with the generic rule, exported to WARC and imported back without
    --profile: each page is read with its site's stored profile, not hub_brussels's, so every
    record is found unchanged (reading them with another profile moved their sector)."""
    from storage.warc import export_warc
    from tests.crawl import serve

    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert serve.main(["--crawl-into", db, "--articles", "6"]) == 0
    exported = tmp_path / "demo.warc.gz"
    engine = open_engine(db)
    try:
        with transaction(engine) as session, exported.open("wb") as out:
            export_warc(session, out)
        before = _archived(engine)
    finally:
        engine.dispose()
    result = CliRunner().invoke(main, ["warc", "import", str(exported), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]
    assert counts["new"] == 0 and counts["changed"] == 0
    assert counts["unchanged"] == len(before) > 0


def test_reimporting_a_history_of_several_versions_changes_nothing(tmp_path: Path) -> None:
    """An article crawled twice with a change in between has two versions; its WARC imported
    back made versions 3 and 4 (the old capture became the current version, then the new one
    again). A capture the archive holds is unchanged; an older capture that no version holds is
    not versioned, so the current version stays the newest content."""
    from storage.warc import export_warc
    from tests.crawl.conftest import start_urls
    from tests.crawl.site import FixtureSite, serve_site

    db = f"sqlite:///{tmp_path / 'demo.db'}"
    site = FixtureSite(4)
    crawl = ["crawl", "--db", db, "--delay", "0", "--retry-wait", "0.01", "--full"]
    with serve_site(site) as served:
        for url in start_urls(served.base_url):
            crawl += ["--start-url", url]
        assert CliRunner().invoke(main, crawl).exit_code == 0
        changed = site.change_article(0)
        assert CliRunner().invoke(main, crawl).exit_code == 0
    url = f"{served.base_url}{changed.path}"
    engine = open_engine(db)
    try:
        with transaction(engine) as session:
            before = [(e.seq, e.content_hash) for e in article_history(session, url).versions]
        assert len(before) == 2
        exported = tmp_path / "demo.warc.gz"
        with transaction(engine) as session, exported.open("wb") as out:
            export_warc(session, out)
        result = CliRunner().invoke(main, ["warc", "import", str(exported), "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        counts = json.loads(result.stdout)["counts"]
        assert counts["new"] == counts["changed"] == 0, counts
        with transaction(engine) as session:
            after = [(e.seq, e.content_hash) for e in article_history(session, url).versions]
        assert after == before
        # a capture from before the archive's history, with content it never held
        old = members(record(url, "2020-01-01T09:00:00Z", _page("Une version de 2020")))
        result = CliRunner().invoke(
            main, ["warc", "import", str(_write(tmp_path, "old.warc.gz", old)), "--db", db]
        )
        assert "1 captures are older than what the archive holds" in result.stderr
        with transaction(engine) as session:
            assert [
                (e.seq, e.content_hash) for e in article_history(session, url).versions
            ] == before
    finally:
        engine.dispose()


def test_a_start_url_crawls_warc_imports_under_its_origin_not_hub_brussels(tmp_path: Path) -> None:
    """A site crawled with --start-url (no bundled profile: keyed by its origin), exported and
    imported into a new archive without --profile: its pages were all filed under hub_brussels
    and read with hub.brussels's mapping, exit 0, no warning. Each capture takes the profile of
    its host, as the crawl did; imported again with --profile base, every capture is unchanged
    (it said "8 captures are older than what the archive holds"); --profile hub_brussels takes
    none of another host's pages and says so."""
    from storage.warc import export_warc
    from tests.crawl import serve

    crawled = f"sqlite:///{tmp_path / 'crawled.db'}"
    assert serve.main(["--crawl-into", crawled, "--articles", "6"]) == 0
    exported = tmp_path / "s.warc.gz"
    engine = open_engine(crawled)
    try:
        with transaction(engine) as session, exported.open("wb") as out:
            export_warc(session, out)
            crawled_sites = set(session.scalars(select(Site.key)))
        before = _archived(engine)
    finally:
        engine.dispose()
    assert "hub_brussels" not in crawled_sites

    fresh = f"sqlite:///{tmp_path / 'wi.db'}"
    result = CliRunner().invoke(main, ["warc", "import", str(exported), "--db", fresh, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["new"] == len(before) > 0
    engine = open_engine(fresh)
    try:
        with transaction(engine) as session:
            assert set(session.scalars(select(Site.key))) == crawled_sites
        assert sorted(_archived(engine)) == sorted(before)
    finally:
        engine.dispose()

    again = CliRunner().invoke(
        main, ["warc", "import", str(exported), "--db", fresh, "--profile", "base", "--json"]
    )
    assert again.exit_code == 0, again.output
    counts = json.loads(again.stdout)["counts"]
    assert (counts["new"], counts["changed"], counts["unchanged"]) == (0, 0, len(before))
    assert "older" not in again.stderr, again.stderr

    hub = CliRunner().invoke(
        main, ["warc", "import", str(exported), "--db", fresh, "--profile", "hub_brussels"]
    )
    assert hub.exit_code == 3, hub.output
    assert "pages did not match profile hub_brussels: use --profile" in hub.stderr


def test_the_archives_own_captures_read_otherwise_are_not_called_older(
    engine: Engine, tmp_path: Path
) -> None:
    """The same WARC imported again and read otherwise (another profile): the note said the
    captures "are older than what the archive holds … import older WARCs first", though they are
    the very captures the archive holds. They are still not versioned, and the note says why."""
    from scraper.extract import extract_article

    def otherwise(html: bytes, url: str, *, encoding: str | None = None):  # type: ignore[no-untyped-def]
        article = extract_article(html, url, encoding=encoding)
        article.title = f"{article.title} (lu autrement)"
        return article

    path = _write(tmp_path, "good.warc.gz", members(*GOOD))
    assert _import(engine, path).counts["new"] == 2
    report = _import(engine, path, extract=otherwise)
    assert (report.counts["new"], report.counts["changed"], report.counts["skipped"]) == (0, 0, 2)
    notes = " ".join(report.notes())
    assert "older" not in notes and "2 captures are ones the archive holds" in notes, notes
    assert "reparse" in notes
