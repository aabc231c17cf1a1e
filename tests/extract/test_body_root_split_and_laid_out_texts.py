"""Content-root kinds (recall: the body empty, nearly empty, or missing a whole part
of the text), each on a news page in several languages and a sibling in other markup.

1. The text split around a subscribers' box: the opening paragraphs written straight before the
   profile's text container (`<div class="article-body paywall">` holding the rest) are the
   text, and so is the container, whatever its class names.
2. Texts the root choice must read whole however they are laid out (regression guards): split
   over sibling wrappers around a picture block, a page builder's nested widgets, lines set apart
   by `<br>` in a `<div>` or a layout table's cell, list items, one long paragraph, a root whose
   class names furniture (`teaser-body`, `card__body`, `content-wrapper promo`)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.extract.news_pages import TEXTS

URL = "https://news.example/2026/05/12/tram/"


def _paragraphs(lang: str) -> list[str]:
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    return p


def _page(lang: str, article: str) -> str:
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Site</a> <a href='/news/'>News</a></nav></header>"
        f"{article}<footer><p>© Site 2026</p></footer></body></html>"
    )


def _body(html: str, url: str = URL) -> str:
    record = extract_article(html, url)
    return "\n\n".join(x for x in (record.lead, record.body) if x)


# 1. the opening before a subscribers' container


@pytest.mark.parametrize(
    ("lang", "box", "url"),
    [
        ("en", "div class='article-body paywall'", URL),
        ("fr", "div class='article-body paywall'", "https://hub.brussels/fr/actualites/tram/"),
        ("nl", "div class='article-body paywall'", "https://hub.brussels/nl/nieuws/tram/"),
        ("de", "div class='article-body paywall'", URL),
        # sibling: schema.org's articleBody on a box named for subscribers, in a section
        ("en", "section itemprop='articleBody' class='subscription-content'", URL),
        ("de", "div class='story-body premium-teaser'", URL),
    ],
)
def test_the_opening_before_a_subscribers_box_is_text(lang: str, box: str, url: str) -> None:
    p = _paragraphs(lang)
    tag = box.split()[0]
    html = _page(
        lang,
        f"<main><article><h1>{TEXTS[lang]['title']}</h1><p>{p[0]}</p><p>{p[1]}</p>"
        f"<{box}><p>{p[2]}</p><p>{p[3]}</p></{tag}></article></main>",
    )
    body = _body(html, url)
    assert all(t in body for t in p), body


def test_the_free_opening_is_kept_when_the_box_holds_the_subscribe_notice() -> None:
    """The subscribers' box holds only the notice (the rest is not sent): the opening is the
    text a reader gets, not one line of a notice."""
    p = _paragraphs("fr")
    html = _page(
        "fr",
        f"<main><article><h1>{TEXTS['fr']['title']}</h1><p>{p[0]}</p><p>{p[1]}</p><p>{p[2]}</p>"
        "<div class='article-body paywall'><p>La suite est réservée aux abonnés.</p>"
        "<a href='/abonnement'>S'abonner</a></div></article></main>",
    )
    body = _body(html)
    assert all(t in body for t in p[:3]), body


def test_a_byline_before_the_text_box_does_not_widen_it() -> None:
    """A byline paragraph before the profile's container is far below a tenth of the text: the
    root stays the container, the rest of the article's box (its share bar) stays out."""
    p = _paragraphs("en")
    html = _page(
        "en",
        f"<main><article><h1>{TEXTS['en']['title']}</h1><p>By Ann Lee</p>"
        f"<div class='entry-content'>{''.join(f'<p>{t}</p>' for t in p)}</div>"
        "<div class='follow-us'>Follow us on Mastodon for more news from the harbour</div>"
        "</article></main>",
    )
    body = _body(html)
    assert all(t in body for t in p), body
    assert "Follow us" not in body


# 2. texts laid out otherwise, read whole


def _layouts(lang: str) -> dict[str, str]:
    p = _paragraphs(lang)
    title = TEXTS[lang]["title"]
    lines = "<br><br>".join(p)
    widget = (
        "<section class='elementor-section'><div class='elementor-container'>"
        "<div class='elementor-column'><div class='elementor-widget-wrap'>"
        "<div class='elementor-widget elementor-widget-text-editor'>"
        "<div class='elementor-widget-container'><p>{}</p></div></div></div></div></div></section>"
    )
    paragraphs = "".join(f"<p>{t}</p>" for t in p)
    # a root whose class names furniture, holding the text
    boxed = {
        name: f"<main><h1>{title}</h1><div class='{classes}'>{paragraphs}</div></main>"
        for name, classes in (
            ("teaser-body", "teaser-body"),
            ("card__body", "card__body"),
            ("promo", "content-wrapper promo"),
        )
    }
    return boxed | {
        "sections": f"<div id='page'><h1>{title}</h1><div class='text-block'><p>{p[0]}</p>"
        f"<p>{p[1]}</p></div><div class='image-block'><figure><img src='a.jpg'>"
        f"<figcaption>Photo: X</figcaption></figure></div><div class='text-block'><p>{p[2]}</p>"
        f"<p>{p[3]}</p></div></div>",
        "builder": f"<div class='elementor'><h1>{title}</h1>"
        + "".join(widget.format(t) for t in p)
        + "</div>",
        "br": f"<div id='main'><h1>{title}</h1><div class='txt'>{lines}</div></div>",
        "cell": f"<table><tr><td class='nav'><a href='/a'>A</a><br><a href='/b'>B</a></td>"
        f"<td><h1>{title}</h1>{lines}</td></tr></table>",
        "items": f"<main><h1>{title}</h1><ul class='points'>"
        + "".join(f"<li>{t}</li>" for t in p)
        + "</ul></main>",
    }


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de"])
@pytest.mark.parametrize(
    "layout", ["sections", "builder", "br", "cell", "items", "teaser-body", "card__body", "promo"]
)
def test_a_text_laid_out_otherwise_is_read_whole(lang: str, layout: str) -> None:
    body = _body(_page(lang, _layouts(lang)[layout]))
    assert all(t in body for t in _paragraphs(lang)), body


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_one_long_paragraph_is_the_text(lang: str) -> None:
    text = " ".join(_paragraphs(lang))
    html = _page(
        lang, f"<main><h1>{TEXTS[lang]['title']}</h1><div class='body'><p>{text}</p></div></main>"
    )
    assert text in _body(html)
