"""Bytes the page's encoding cannot read become replacement characters (U+FFFD) when the page is
decoded leniently. A paragraph made of them alone is nothing a reader can read: no body is stored
from it (the record says "no body found", and the decoding says it was lenient). Text with a few
replacement characters among its words stays text."""

from __future__ import annotations

import codecs
from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.extract.decode import decode_html
from scraper.models import Article
from scraper.sites import generic_profile, load_profile

HUB = load_profile("hub_brussels")
GENERIC = generic_profile()
TEXT = "Les entreprises bruxelloises exposeront au salon SIAL à Paris du 18 au 22 octobre."


def _hub_page(body: bytes) -> bytes:
    # a utf-8 byte-order mark, then the page, its paragraph broken bytes (an encoded surrogate)
    return (
        codecs.BOM_UTF8
        + b"<html lang='fr'><body><article><h1>Bruxelles au SIAL</h1>"
        + body
        + b"</article></body></html>"
    )


def _nl_page(body: bytes) -> bytes:
    # another template, declared windows-1252: the five bytes it leaves undefined are unreadable
    return (
        b"<html lang='nl'><head><meta charset='windows-1252'></head><body><div class='post'>"
        b"<h2 class='title'>Brussel op de beurs</h2><div class='entry'>" + body + b"</div></div>"
        b"</body></html>"
    )


#: each template: its page, its address, its profile, its encoding and bytes it cannot read
TEMPLATES = [
    (_hub_page, "https://hub.brussels/fr/news/sial/", HUB, "utf-8", b"\xed\xa0\x80\xff\xfe"),
    (_nl_page, "https://news.example/nl/beurs/", GENERIC, "cp1252", b"\x81\x8d \x8f\x90\x9d " * 12),
]


def _record(template: tuple[Any, ...], body: bytes) -> Article:
    page, url, profile = template[:3]
    return extract_article(page(body), url, profile=profile)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_body_of_replacement_characters_alone_is_no_body(template: tuple[Any, ...]) -> None:
    record = _record(template, b"<p>" + template[4] + b"</p>")
    assert (record.lead, record.body) == (None, None)
    assert "no body found" in record.warnings


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_unreadable_paragraph_beside_the_text_is_left_out(template: tuple[Any, ...]) -> None:
    encoding, broken = template[3:]
    for body in (
        b"<p>%s</p><p>%s</p>" % (broken, TEXT.encode(encoding)),
        b"<p>%s</p><p>%s</p>" % (TEXT.encode(encoding), broken),
    ):
        record = _record(template, body)
        assert "\ufffd" not in (record.lead or "") + (record.body or "")
        assert TEXT in (record.lead or "") + (record.body or "")


def test_replacement_characters_among_words_stay_text() -> None:
    text = "Caf\x81 \x81 Brussel: de terrassen gaan open op 1 april en blijven open tot oktober."
    record = extract_article(
        _nl_page(b"<p>" + text.encode("latin-1") + b"</p>"), "https://news.example/nl/cafe/"
    )
    assert "Caf\ufffd \ufffd Brussel" in (record.lead or "") + (record.body or "")


def test_a_byte_order_mark_before_broken_bytes_is_decoded_leniently_with_a_warning() -> None:
    text, warning = decode_html(codecs.BOM_UTF8 + b"<p>ok \xff</p>")
    assert text == "<p>ok \ufffd</p>"
    assert warning is not None and "decoded leniently" in warning
    assert decode_html(codecs.BOM_UTF8 + b"<p>ok</p>") == ("<p>ok</p>", None)
