"""Bytes to text: the declared charset wins, in the order a browser would follow."""

from __future__ import annotations

import codecs

from scraper.extract import extract_article
from scraper.extract.decode import decode_html

TEXT = "<p>L’œuvre coûte 5 €, « déjà » vu…</p>"


def test_http_hint_comes_first() -> None:
    data = ("<html><head><meta charset='utf-8'></head><body>" + TEXT).encode("cp1252")
    text, warning = decode_html(data, "windows-1252")
    assert "L’œuvre coûte 5 €" in text and warning is None


def test_meta_charset_when_no_hint() -> None:
    data = (
        "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>" + TEXT
    ).encode("cp1252")
    text, _ = decode_html(data)
    assert "« déjà » vu…" in text  # latin-1 labels mean windows-1252, as in browsers


def test_bom_beats_a_wrong_meta() -> None:
    data = codecs.BOM_UTF8 + ("<meta charset='windows-1252'>" + TEXT).encode("utf-8")
    assert "L’œuvre" in decode_html(data)[0]


def test_undeclared_bytes_try_utf8_then_windows_1252() -> None:
    assert "L’œuvre" in decode_html(TEXT.encode("utf-8"))[0]
    text, warning = decode_html(TEXT.encode("cp1252"))
    assert "L’œuvre coûte 5 €" in text and warning


def test_unknown_hint_is_reported_not_fatal() -> None:
    text, warning = decode_html(TEXT.encode("utf-8"), "x-no-such-charset")
    assert "L’œuvre" in text and "x-no-such-charset" in (warning or "")


def test_extract_article_reads_windows_1252_pages() -> None:
    page = (
        "<html lang='fr'><head><meta charset='windows-1252'><title>t</title></head><body>"
        "<article><h1>Un coup de pouce de 2 millions € pour l’œuvre</h1>"
        "<p>Les dossiers peuvent être introduits jusqu’au 15 octobre, avec un accompagnement.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    article = extract_article(page, "https://hub.brussels/fr/blog/x/")
    assert article.title == "Un coup de pouce de 2 millions € pour l’œuvre"


def test_valid_utf8_wins_over_a_legacy_meta_charset() -> None:
    """A page re-saved as utf-8 that still declares gb2312 reads as utf-8 (valid utf-8 with
    non-ASCII bytes is almost never legacy text), with a warning."""
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><h1>人工智能</h1>'
    text, warning = decode_html(page.encode("utf-8"))
    assert "人工智能" in text and warning and "gb2312" in warning
