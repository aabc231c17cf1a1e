"""Property tests: malformed, random and hostile HTML never makes `extract_article` raise or lie.

Whatever comes in (tag soup from a grammar of real tags and fr/nl/en text, random bytes, truncated
or corrupted fixture pages, random JSON-LD and date meta, huge attributes, deep nesting, 5 MB),
the result must be a well-formed `Article`: JSON-serialisable, dates as `datetime.date`, lang among
fr/nl/en or None, phones in E.164, emails lower-case, text NFC without no-break or zero-width
spaces, sources naming known layers, and a warning whenever the title is missing. And what a
reader cannot see (comments, scripts, styles, whitespace between blocks, str versus bytes) does
not change the record. Deterministic (derandomised, no example database) and bounded in
examples so the file runs in well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.models import LAYERS, Article
from tests import edits

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
FIXTURES = {p.stem: p.read_bytes() for p in sorted(PAGES.glob("*.html"))}
FIXTURE_BYTES = list(FIXTURES.values())
URL = "https://hub.brussels/fr/blog/une-page-de-test/"
URLS = [
    URL,
    "https://hub.brussels/nl/blog/",
    "https://www.example.org/news/2024/05/06/story?id=1",
    "https://hub.brussels/en/blog/%C3%A9t%C3%A9-%E9/",
    "http://127.0.0.1:8000/page.html",
]

FUZZ = settings(
    max_examples=80,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "p",
    "div",
    "span",
    "a",
    "b",
    "strong",
    "em",
    "i",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "article",
    "aside",
    "section",
    "header",
    "footer",
    "nav",
    "main",
    "address",
    "time",
    "figure",
    "figcaption",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "small",
    "label",
    "button",
]
VOID_TAGS = ["br", "hr", "img", "meta", "link", "input"]
ATTRS = [
    "class", "id", "href", "lang", "datetime", "itemprop", "itemtype", "content", "property",
    "hreflang", "rel", "name", "charset", "title", "src", "dir", "role", "style",
]  # fmt: skip
ATTR_VALUES = [
    "entry-title", "post-date", "news-card", "vcard", "contact", "fn", "tel", "email", "lead",
    "datePublished", "article:published_time", "og:title", "og:locale", "canonical", "alternate",
    "application/ld+json", "fr", "nl", "en", "fr-FR", "nl-BE", "x-default", "de", "",
    "2025-10-27", "2024-06-30T22:45:00+00:00", "31/02/2024", "not a date", "0000-00-00",
    "https://hub.brussels/fr/blog/x/", "/nl/blog/y/", "javascript:alert(1)", "mailto:A@B.be",
    "tel:+3224220020", "windows-1252", "utf-8", "x-unknown-charset", "http://[::1", "\x00",
]  # fmt: skip
PHRASES = [
    "Publié le 27/10/2025", "27 octobre 2025", "le 3 mars 2025", "Gepubliceerd op 5 juni 2024",
    "5 maart 2024", "Published on 12/02/2024", "12 February 2024", "14 aout 2025", "3 sept. 2025",
    "12 mei 2025", "1er avril 2025", "31/02/2024", "99/99/9999", "le 0 mars 0",
    "Pourquoi un bureau en Californie ?", "Envie d’en savoir plus ?", "Waarom Brazilië?",
    "Q: What next?", "V: Wat nu?", "A:", "Eric Gabrys:", "E.G.:", "E.G. :", "E.G.:Les",
    "« Tout simplement. »", "“Quoted.”", "»", "«", "Rencontre avec Eric Gabrys",
    "+1 415 291 0130", "02/422.00.20", "+32 2 422 00 20", "0032 2 800 40 00", "+999 1",
    "0000000000000000000000", "Info@Hub.Brussels", "a@b", "@@", "Santé & soins",
    "Gezondheid & zorg", "Health & care", "Multisecteurs", "Plus de nouvelles sur notre blog",
    "Meer nieuws", "More news", "\u00a0", "\u202f", "\u200b", "\ufeff", "e\u0301", "&nbsp;",
    "&amp;", "&#0;", "&#xD800;", "&#99999999;", "&bogus;", "<!--", "-->", "<![CDATA[", "]]>",
    "</", "<", ">", "\"", "'", "\x00", "\r\n", "\t",
]  # fmt: skip

_text = st.one_of(st.sampled_from(PHRASES), st.text(max_size=40))
_attr = st.tuples(
    st.sampled_from(ATTRS), st.one_of(st.sampled_from(ATTR_VALUES), st.text(max_size=20))
)


@st.composite
def _element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    """One element of real HTML vocabulary, its closing tag sometimes forgotten or mismatched."""
    tag = draw(st.sampled_from(TAGS))
    attrs = "".join(f' {k}="{v}"' for k, v in draw(st.lists(_attr, max_size=3)))
    inner = "".join(draw(st.lists(children, max_size=4)))
    closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>", "</p></span>"]))
    return f"<{tag}{attrs}>{inner}{closing}"


_void = st.builds(
    lambda tag, attr: f'<{tag} {attr[0]}="{attr[1]}">', st.sampled_from(VOID_TAGS), _attr
)
_soup = st.recursive(st.one_of(_text, _void), lambda children: _element(children), max_leaves=40)


@st.composite
def tag_soup_page(draw: st.DrawFn) -> str:
    """A whole page of tag soup, with or without a lang, a title and tags in the head."""
    lang = draw(
        st.sampled_from(
            ["", ' lang="fr"', ' lang="nl-BE"', ' lang="fr-FR"', " lang=en", ' lang="zz"']
        )
    )
    head = "".join(draw(st.lists(_void, max_size=4)))
    title = draw(st.sampled_from(["", "<title>hub.brussels</title>", "<title>", "<title></title>"]))
    body = "".join(draw(st.lists(_soup, max_size=6)))
    return f"<html{lang}><head>{title}{head}</head><body>{body}</body></html>"


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)
_jsonld_keys = st.sampled_from(
    ["@type", "@graph", "@context", "headline", "name", "datePublished", "dateModified",
     "articleSection", "inLanguage", "url", "mainEntityOfPage", "author", "@id"]
)  # fmt: skip


@st.composite
def structured_page(draw: st.DrawFn) -> str:
    """A page whose JSON-LD and date meta are random: wrong types, nulls, nesting, bad dates."""
    data = draw(st.dictionaries(_jsonld_keys, _json, max_size=6))
    if draw(st.booleans()):
        data = {"@context": "https://schema.org", "@graph": [data, draw(_json)]}
    raw = json.dumps(data, allow_nan=True)
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    stamp = draw(st.one_of(st.sampled_from(ATTR_VALUES), st.text(max_size=30)))
    return (
        f'<html><head><script type="application/ld+json">{raw}</script>'
        f'<meta property="article:published_time" content="{stamp}"></head>'
        f'<body><h1>{draw(_text)}</h1><time datetime="{stamp}">{draw(_text)}</time>'
        f"<p>{draw(_text)}</p></body></html>"
    )


@st.composite
def corrupted_fixture(draw: st.DrawFn) -> bytes:
    """A real fixture page, truncated and with null bytes or invalid UTF-8 spliced in."""
    page = draw(st.sampled_from(FIXTURE_BYTES))
    page = page[: draw(st.integers(0, len(page)))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(page)))
        junk = draw(st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x80\x81"]))
        page = page[:at] + junk + page[at:]
    return page


# -- the checks ------------------------------------------------------------------------------

_E164 = re.compile(r"\+[1-9]\d{2,14}")
_BAD_SPACES = ("\u00a0", "\u202f", "\u200b", "\u200c", "\u200d", "\ufeff")


def _extractor() -> Callable[..., Article]:
    from scraper.extract import extract_article

    return extract_article


def _texts(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every piece of human text in a record, with where it sits."""
    for key in ("title", "sector", "lead", "body"):
        if record[key] is not None:
            yield key, record[key]
    for i, pair in enumerate(record["qa"]):
        for key in ("question", "answer", "speaker"):
            if pair[key] is not None:
                yield f"qa[{i}].{key}", pair[key]
    for i, contact in enumerate(record["contacts"]):
        for key in ("name", "role", "address"):
            if contact[key] is not None:
                yield f"contacts[{i}].{key}", contact[key]
    for i, card in enumerate(record["related"]):
        for key in ("title", "sector"):
            if card[key] is not None:
                yield f"related[{i}].{key}", card[key]


def assert_well_formed(article: Article) -> None:
    """The invariants every record keeps, however bad the page."""
    assert isinstance(article, Article)
    record = article.to_dict()
    json.dumps(record, allow_nan=False)
    assert isinstance(article.url, str) and article.url
    for name in ("published", "modified"):
        value = getattr(article, name)
        assert value is None or type(value) is dt.date, f"{name} is {value!r}"
    for card in article.related:
        assert card.published is None or type(card.published) is dt.date
    assert article.lang in {"fr", "nl", "en", None}
    for contact in article.contacts:
        for phone in contact.phones:
            assert _E164.fullmatch(phone), f"phone {phone!r} is not E.164"
        for email in contact.emails:
            assert email == email.lower() and "@" in email, f"email {email!r}"
    for where, text in _texts(record):
        assert unicodedata.is_normalized("NFC", text), f"{where} is not NFC: {text!r}"
        assert not any(c in text for c in _BAD_SPACES), f"{where} keeps odd spaces: {text!r}"
        assert text == text.strip(), f"{where} is not trimmed: {text!r}"
    for pair in article.qa:
        assert pair.question and pair.answer, f"empty Q&A pair {pair!r}"
    assert set(article.sources.values()) <= set(LAYERS), article.sources
    if article.title is None:
        assert article.warnings, "no title, and no warning saying so"
    assert all(isinstance(w, str) and w for w in article.warnings)


def _extract(html: str | bytes, url: str = URL, encoding: str | None = None) -> Article:
    article = _extractor()(html, url, encoding=encoding)
    assert_well_formed(article)
    return article


# -- the properties --------------------------------------------------------------------------


@settings(FUZZ, max_examples=200)
@given(tag_soup_page(), st.sampled_from(URLS))
def test_tag_soup_gives_a_well_formed_record(html: str, url: str) -> None:
    _extract(html, url)


@FUZZ
@given(
    tag_soup_page(),
    st.sampled_from(["utf-8", "windows-1252", "latin-1", "utf-16", "x-bogus", None]),
)
def test_tag_soup_as_bytes_in_any_declared_charset(html: str, encoding: str | None) -> None:
    _extract(html.encode("utf-8", "surrogatepass"), URL, encoding)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["utf-8", "windows-1252", None]))
def test_random_bytes_give_a_well_formed_record(data: bytes, encoding: str | None) -> None:
    _extract(data, URL, encoding)


@FUZZ
@given(st.text(max_size=500))
def test_random_text_gives_a_well_formed_record(text: str) -> None:
    _extract(text)


@FUZZ
@given(corrupted_fixture())
def test_truncated_and_corrupted_fixtures_give_a_well_formed_record(page: bytes) -> None:
    _extract(page)


@settings(FUZZ, max_examples=200)
@given(structured_page())
def test_random_structured_data_gives_a_well_formed_record(html: str) -> None:
    _extract(html)


# -- metamorphic: what a reader cannot see does not change the record -----------------------

_SCRIPTS = re.compile(rb"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


#: Markup a reader never sees: comments, scripts (one with a date in it), styles.
INVISIBLE = [
    b"<!---->",
    b"<!-- x -->",
    b"<!-- Publi\xc3\xa9 le 01/01/2001 -->",
    b'<script>var published = "Publi\xc3\xa9 le 01/01/2001";</script>',
    b'<script type="application/json">{"date": "2001-01-01", "title": "Hidden"}</script>',
    b"<style>p.q{font-weight:bold}</style>",
]


@st.composite
def fixture_with_invisible_markup(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A fixture page, and the same page with invisible markup slipped in between tags."""
    page = draw(st.sampled_from(FIXTURE_BYTES))
    hidden = [range(m.start(), m.end()) for m in _SCRIPTS.finditer(page)]
    gaps = [
        m.start() + 1 for m in re.finditer(rb"><", page) if not any(m.start() in r for r in hidden)
    ]
    chosen = sorted(
        draw(st.lists(st.sampled_from(gaps), min_size=1, max_size=8, unique=True)), reverse=True
    )
    noisy = page
    for at in chosen:
        noisy = noisy[:at] + draw(st.sampled_from(INVISIBLE)) + noisy[at:]
    return page, noisy


@settings(FUZZ, max_examples=40)
@given(fixture_with_invisible_markup())
def test_invisible_markup_between_tags_does_not_change_the_record(
    pages: tuple[bytes, bytes],
) -> None:
    page, noisy = pages
    assert _extract(noisy).content_dict() == _extract(page).content_dict()


_BLOCK = (
    rb"(?:p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|nav|main|table|dl|blockquote)"
)
_BETWEEN_BLOCKS = re.compile(rb"(</" + _BLOCK + rb">)\s*(?=<" + _BLOCK + rb"[\s>])")
LAYOUTS = {"minified": rb"\1", "spread": rb"\1\n\t\t  \r\n"}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_whitespace_between_blocks_does_not_change_the_record(name: str, layout: str) -> None:
    page = FIXTURES[name]
    reflowed = _BETWEEN_BLOCKS.sub(LAYOUTS[layout], page)
    assert _extract(reflowed).content_dict() == _extract(page).content_dict()


_UTF8_PAGES = [name for name, page in FIXTURES.items() if b'charset="utf-8"' in page.lower()][:6]


@pytest.mark.parametrize("name", _UTF8_PAGES)
def test_text_bytes_and_charset_hint_give_the_same_record(name: str) -> None:
    page = FIXTURES[name]
    as_bytes = _extract(page).content_dict()
    assert _extract(page.decode("utf-8")).content_dict() == as_bytes
    assert _extract(page, URL, "utf-8").content_dict() == as_bytes


@pytest.mark.parametrize(
    "html", ["", b"", " ", "\x00", b"\xff\xfe\x00", "<", "<html>", "<!DOCTYPE html>"]
)
def test_empty_and_trivial_input_gives_a_record_with_warnings(html: str | bytes) -> None:
    article = _extract(html)
    assert article.title is None and article.warnings


@pytest.mark.parametrize("depth", [50, 600, 5000])
def test_deep_nesting_does_not_raise(depth: int) -> None:
    html = (
        "<div><span>" * depth
        + "<h1>Au fond du puits</h1><p>Publié le 27/10/2025</p>"
        + "</span></div>" * depth
    )
    _extract(f"<html lang='fr'><body>{html}</body></html>")


def test_huge_attributes_and_text_do_not_raise() -> None:
    huge = "x" * 500_000
    html = (
        f'<html lang="en"><head><meta name="description" content="{huge}">'
        f'<link rel="canonical" href="https://hub.brussels/{huge}"></head>'
        f'<body><div class="{huge}"><h1 title="{huge}">A headline under a mountain</h1>'
        f"<p>{'word ' * 100_000}</p></div></body></html>"
    )
    article = _extract(html)
    assert article.title == "A headline under a mountain"


def test_a_five_megabyte_page_keeps_its_title_and_date() -> None:
    page = FIXTURES["fr_tokyo_yoast_graph"]
    sentence = b"Texte de remplissage sans date ni question, r\xc3\xa9p\xc3\xa9t\xc3\xa9. "
    filler = (b"<p>" + sentence * 40 + b"</p>\n") * 2_400
    assert len(filler) > 5_000_000
    anchor = b"<h2>Le Japon en chiffres</h2>"
    big = edits.replace(page, anchor, filler + anchor)
    small, large = _extract(page), _extract(big)
    assert (large.title, large.published, large.lang) == (small.title, small.published, small.lang)
