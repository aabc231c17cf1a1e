"""Bytes to text: the declared charset wins, in the order a browser would follow."""

from __future__ import annotations

import codecs

import pytest

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


def test_a_meta_declaring_utf16_is_read_as_utf8() -> None:
    # a template that says utf-16 in its <meta> over ASCII or UTF-8 bytes: browsers read utf-8
    for label, body in (("utf-16", "<p>Plain ASCII text.</p>"), ("UTF-16LE", TEXT), ("utf-32", "")):
        page = f"<html><head><meta charset='{label}'><title>Een titel</title></head><body>"
        data = (page + "<h1>Nieuws uit Brussel</h1>" + body + "</body></html>").encode()
        text, _ = decode_html(data)
        assert "<h1>Nieuws uit Brussel</h1>" in text and body in text
        record = extract_article(data, "https://example.org/nl/nieuws/een-titel/")
        assert record.title == "Nieuws uit Brussel"


def test_a_utf16_page_with_its_byte_order_mark_still_decodes() -> None:
    page = "<html><head><meta charset='utf-16'></head><body><h1>Titre</h1>" + TEXT
    data = codecs.BOM_UTF16_LE + page.encode("utf-16-le")
    text, _ = decode_html(data)
    assert "<h1>Titre</h1>" in text and "« déjà » vu…" in text


def test_an_unknown_charset_in_the_page_is_reported_not_fatal() -> None:
    data = ("<meta charset='x-bogus-42'><h1>Titel</h1>" + TEXT).encode()
    text, warning = decode_html(data)
    assert "L’œuvre coûte 5 €" in text
    assert warning == "unknown charset 'x-bogus-42' declared in the page ignored"


@pytest.mark.parametrize("declared", [True, False], ids=["meta-utf8", "undeclared"])
def test_a_page_cut_off_mid_character_stays_utf8(declared: bool) -> None:
    """A page truncated in the middle of a character ("d" and the first byte of "é") is utf-8
    all the same: the text before reads as written, a replacement character for the cut bytes,
    and a warning says why; it was read as windows-1252 ("Mission Ã©conomique …")."""
    meta = '<meta charset="utf-8">' if declared else ""
    page = f"<html><head>{meta}<title>Mission économique au Maroc</title></head><body><p>Déjà d"
    data = page.encode("utf-8") + "é".encode()[:1]
    text, warning = decode_html(data)
    assert "Mission économique au Maroc" in text and "Déjà d\ufffd" in text
    assert warning is not None and "cut short" in warning
