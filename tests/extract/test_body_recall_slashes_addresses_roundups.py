"""Body recall kinds: text the body dropped as furniture, each on a plain news page
in several languages and a sibling in other markup.

1. A subheading of the text written with a slash ("Add-ons / Web Extensions") is a heading, not
   an unlinked breadcrumb trail.
2. A sentence of the text that writes an email address in its course ("… please email x@y for
   more information.") is text, not a person's contact card.
3. A roundup of the web (linked subheadings, each to another site, each over a paragraph, written
   flat in the text's container) is the text, not a list of other articles."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from tests.extract.news_pages import TEXTS

URL = "https://news.example/2026/05/12/tram/"


def _paragraphs(lang: str) -> list[str]:
    p = TEXTS[lang]["p"]
    assert isinstance(p, list)
    return p


def _page(lang: str, inset: str = "", after: str = "", story: str = "div") -> str:
    """A news page whose text holds `inset` between its second and third paragraphs and `after`
    after its last one, in a `<story>` element."""
    p = [f"<p>{t}</p>" for t in _paragraphs(lang)]
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        f"<header><nav><a href='/'>Site</a> <a href='/news/'>News</a></nav></header>"
        f"<main><article><h1>{title}</h1>"
        f"<{story} class='story'>{p[0]}{p[1]}{inset}{p[2]}{p[3]}{after}</{story}>"
        "</article></main><footer><p>© Site</p></footer></body></html>"
    )


def _body(html: str, lang: str) -> str:
    record = extract_article(html, URL)
    body = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert all(t in body for t in _paragraphs(lang)), body
    return body


# 1. a subheading with a slash between two paragraphs of the text


@pytest.mark.parametrize(
    ("lang", "inset", "heading"),
    [
        ("en", "<h2>Buses / Trams</h2>", "Buses / Trams"),
        ("fr", "<h3>Bus / Trams</h3>", "Bus / Trams"),
        ("nl", "<h4>Bussen &gt; Trams</h4>", "Bussen > Trams"),
        # sibling: a section's heading over a sub-heading, as a release-notes post writes them
        (
            "en",
            "<h3>Project Updates</h3><h4>Add-ons / Web Extensions</h4><h5>Addon Manager</h5>"
            "<ul><li>Signed add-ons now install from third-party sites without a prompt.</li></ul>",
            "Add-ons / Web Extensions",
        ),
        ("de", "<section><h2>Busse / Straßenbahnen</h2></section>", "Busse / Straßenbahnen"),
    ],
)
def test_a_subheading_with_a_slash_is_text(lang: str, inset: str, heading: str) -> None:
    assert heading in _body(_page(lang, inset), lang)


def test_an_unlinked_trail_above_the_headline_still_goes() -> None:
    """The trail of a page that writes its crumbs unlinked in a line of its own is no text."""
    title = TEXTS["en"]["title"]
    p = "".join(f"<p>{t}</p>" for t in _paragraphs("en"))
    html = (
        f"<html lang='en'><head><title>{title}</title></head><body><main><article>"
        f"<div class='trail'>Home / News / City</div><h1>{title}</h1><div>{p}</div>"
        "</article></main></body></html>"
    )
    assert "Home / News" not in _body(html, "en")


# 2. a sentence writing an email address in its course


@pytest.mark.parametrize(
    ("lang", "after", "sentence"),
    [
        (
            "en",
            "<table><tr><td>Members can join the working group on the new line, please email "
            "<a href='mailto:tram@city.example'>tram@city.example</a> for more information."
            "</td></tr></table>",
            "Members can join the working group on the new line, please email",
        ),
        (
            "fr",
            "<div class='note'>Les riverains qui souhaitent rejoindre le comité de suivi peuvent "
            "écrire à <a href='mailto:tram@ville.example'>tram@ville.example</a> avant la fin du "
            "mois.</div>",
            "Les riverains qui souhaitent rejoindre le comité de suivi peuvent écrire à",
        ),
        (
            "nl",
            "<p>Bewoners die in het overlegcomité willen zetelen, kunnen mailen naar "
            "tram@stad.example voor meer informatie over de werken.</p>",
            "Bewoners die in het overlegcomité willen zetelen, kunnen mailen naar",
        ),
    ],
)
def test_a_sentence_with_an_address_is_text(lang: str, after: str, sentence: str) -> None:
    assert sentence in _body(_page(lang, after=after), lang)


def test_a_contact_card_after_the_text_still_goes() -> None:
    """A person's card (a name, a role, an address: lines of their own) is a contact."""
    card = (
        "<div class='contact'><p>Sarah Peeters</p><p>Press officer</p>"
        "<p><a href='mailto:sarah@city.example'>sarah@city.example</a></p></div>"
    )
    record = extract_article(_page("en", after=card), URL)
    assert "sarah@city.example" not in (record.body or "")


# 3. a roundup of other sites' pages: linked subheadings, each over a paragraph on the page it
# links, written flat in the text's container


def _roundup(lang: str, heading: str, intro: bool, host: str) -> str:
    p = _paragraphs(lang)
    items = "".join(
        f"<{heading}><a href='https://{host}{i}.example/post/{i}'>{p[i][:40]}</a></{heading}>"
        f"<p>{p[i]}</p>"
        for i in range(1 if intro else 0, 4)
    )
    title = TEXTS[lang]["title"]
    return (
        f"<html lang='{lang}'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Site</a> <a href='/news/'>News</a></nav></header>"
        f"<main><article><h1>{title}</h1>{f'<p>{p[0]}</p>' if intro else ''}{items}</article>"
        "</main><footer><p>© Site</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "heading", "intro"),
    [("en", "h3", True), ("fr", "h2", False), ("nl", "h4", True), ("de", "h3", False)],
)
def test_a_roundup_of_other_sites_pages_is_text(lang: str, heading: str, intro: bool) -> None:
    body = _body(_roundup(lang, heading, intro, "blog"), lang)
    assert _paragraphs(lang)[2][:40].strip() in body.split("\n\n")  # the linked title


def test_a_list_of_the_sites_other_articles_still_goes() -> None:
    """Teasers linking to the site's own articles after the text are a related list, even when
    written flat in the text's container."""
    p = _paragraphs("en")
    title = TEXTS["en"]["title"]
    teasers = "".join(
        f"<h3><a href='/2026/05/0{i}/story-{i}/'>Other story number {i} on the city</a></h3>"
        f"<p>A short summary of the other story number {i}.</p>"
        for i in range(1, 4)
    )
    html = (
        f"<html lang='en'><head><title>{title}</title></head><body><main><article>"
        f"<h1>{title}</h1>{''.join(f'<p>{t}</p>' for t in p)}{teasers}</article></main>"
        "</body></html>"
    )
    assert "Other story number" not in _body(html, "en")
