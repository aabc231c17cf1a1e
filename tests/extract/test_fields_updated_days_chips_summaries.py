"""Field kinds (modified day, sector chip, lead, body credit), each on a hub.brussels-like page and
a sibling in another template or language (the held-out pages that showed them were not read):

- modified: an "Updated: 12/03/2026" slash date in a plain `<span>` of the date line under the
  headline, beside the publication date, is the modification day (day first);
- sector: a sector chip link beside a plain printed date, in one row above the headline;
- lead: a standfirst set as a summary `<div>` right after the headline is the lead, never a
  contact card's role line elsewhere on the page;
- body: a photo credit set as its own `<em>`/`<small>` paragraph in the block right after the
  picture's block is no body text."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url


def _record(html: str, url: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url, profile=profile_for_url(url))


_FRAME = (
    "<html lang='{lang}'><head><title>{title} | hub.brussels</title></head><body>"
    "<header class='site-header'><nav><a href='/'>hub.brussels</a>"
    "<a href='/{lang}/news/'>News</a></nav></header><main>{main}</main>"
    "<footer><p>© hub.brussels</p></footer></body></html>"
)
_NEWS_FRAME = (
    "<html lang='{lang}'><head><title>{title} - Le Quotidien</title></head><body>"
    "<header><a href='/'>Le Quotidien</a><nav><a href='/economie/'>Économie</a>"
    "<a href='/culture/'>Culture</a></nav></header><div class='page'>{main}</div>"
    "<footer><p>© Le Quotidien</p></footer></body></html>"
)

_TEXT = {
    "fr": (
        "<p>L'agence ouvre un nouvel appel pour les entreprises alimentaires qui veulent grandir "
        "à Bruxelles, avec un coaching et une subvention pour leurs premiers pas.</p>"
        "<p>Les candidatures sont ouvertes jusqu'à fin avril et un jury choisira dix projets "
        "parmi ceux qui auront été déposés dans les temps.</p>"
    ),
    "nl": (
        "<p>Tien ontwerpers uit het Brussels Gewest tonen hun werk tijdens de designweek in "
        "Milaan, met steun van het agentschap en van de stad.</p>"
        "<p>De stand staat in het Tortona-district en is de hele week open voor bezoekers, "
        "kopers en de pers uit heel Europa.</p>"
    ),
    "en": (
        "<p>Ten designers from the Brussels Region show their work during the design week in "
        "Milan, with the support of the agency and of the city.</p>"
        "<p>The stand is in the Tortona district and open all week to visitors, buyers and the "
        "press from all over Europe.</p>"
    ),
}
_TITLE = {
    "fr": "Un soutien pour l'alimentation durable",
    "nl": "Brusselse ontwerpers in Milaan",
    "en": "Brussels designers in Milan",
}

# -- 1. modified: a labelled slash date in a plain <span> of the date line ---------------------

# the label's element set right after the date's, no space between (a margin spaces them)
_MODIFIED = {
    "fr": "<span>Publié le 10/03/2026</span><span>Mis à jour : 12/03/2026</span>",
    "nl": "<span>10/03/2026</span><span>Laatst aangepast: 12/03/2026</span>",
    "en": "<time>10/03/2026</time><span>Updated: 12/03/2026</span>",
}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_an_updated_slash_date_in_the_date_line_is_the_modified_day(lang: str) -> None:
    main = (
        f"<article><h1>{_TITLE[lang]}</h1><div class='date'>{_MODIFIED[lang]}</div>"
        f"<div class='text'>{_TEXT[lang]}</div></article>"
    )
    html = _FRAME.format(lang=lang, title=_TITLE[lang], main=main)
    record = _record(html, f"https://hub.brussels/{lang}/news/milaan/")
    assert record.modified == dt.date(2026, 3, 12)
    assert record.published == dt.date(2026, 3, 10)


def test_an_updated_slash_date_on_a_news_page_is_the_modified_day() -> None:
    main = (
        f"<article><header><h1>{_TITLE['fr']}</h1><p class='meta'><span>Par Marie Dubois</span>"
        " · <span>10/03/2026</span><span>Mis à jour : 12/03/2026</span></p></header>"
        f"<div class='article-body'>{_TEXT['fr']}</div></article>"
    )
    html = _NEWS_FRAME.format(lang="fr", title=_TITLE["fr"], main=main)
    record = _record(html, "https://lequotidien.example/economie/alimentation-durable/")
    assert record.modified == dt.date(2026, 3, 12)


# -- 2. sector: a chip link beside a plain date in one row above the headline ------------------


# labels the sector mapping does not know: the row's structure alone tells the sector
@pytest.mark.parametrize(
    ("lang", "chip", "day", "sector"),
    [
        (
            "nl",
            "<a class='chip' href='/nl/sector/robotica'>Robotica</a>",
            "<span>12 maart 2026</span> <span>3 min leestijd</span>",
            "Robotica",
        ),
        (
            "nl",
            "<a class='chip' href='/nl/sector/robotica'>Robotica</a>",
            "<span>Donderdag 12 maart 2026</span>",
            "Robotica",
        ),
        (
            "fr",
            "<a class='tag' href='/fr/secteur/robotique/'>Robotique</a>",
            "<span>Publié le 12 mars 2026</span>",
            "Robotique",
        ),
    ],
)
def test_a_chip_beside_a_plain_date_above_the_headline_is_the_sector(
    lang: str, chip: str, day: str, sector: str
) -> None:
    main = (
        f"<article><div class='meta'>{chip} {day}</div><h1>{_TITLE[lang]}</h1>"
        f"<div class='text'>{_TEXT[lang]}</div></article>"
    )
    html = _FRAME.format(lang=lang, title=_TITLE[lang], main=main)
    record = _record(html, f"https://hub.brussels/{lang}/news/milaan/")
    assert record.sector == sector


def test_a_bylines_author_beside_the_date_above_the_headline_is_no_sector() -> None:
    main = (
        "<article><div class='meta'><a href='/nl/team/jan-peeters'>Jan Peeters</a> "
        "<span>Donderdag 12 maart 2026</span></div>"
        f"<h1>{_TITLE['nl']}</h1><div class='text'>{_TEXT['nl']}</div></article>"
    )
    html = _FRAME.format(lang="nl", title=_TITLE["nl"], main=main)
    assert _record(html, "https://hub.brussels/nl/news/milaan/").sector is None


def test_a_chip_beside_a_plain_date_above_a_news_headline_is_the_sector() -> None:
    main = (
        "<article><div class='kicker-row'><span>Thursday, 12 March 2026</span> · "
        "<a href='/business/'>Business</a> · <span>4 min read</span></div>"
        f"<h1>{_TITLE['en']}</h1><div class='story'>{_TEXT['en']}</div></article>"
    )
    html = _NEWS_FRAME.format(lang="en", title=_TITLE["en"], main=main)
    record = _record(html, "https://dailynews.example/2026/03/12/designers-milan/")
    assert record.sector == "Business"


# -- 3. lead: a summary <div> after the headline, not a contact card's role line ---------------

_SUMMARY = {
    "nl": "Het agentschap steunt tien Brusselse ontwerpers op de designweek in Milaan.",
    "fr": "L'agence soutient les entreprises alimentaires qui veulent grandir à Bruxelles.",
    "en": "The agency backs ten Brussels designers at the design week in Milan.",
}
# the role line wears a class a lead selector matches ("…intro", "…lead"): the card is a
# person and their channels all the same
_CARD = {
    "nl": (
        "<div class='contact-card'><p class='name'>Jan Peeters</p><p class='contact-intro'>"
        "Adviseur creatieve industrie bij hub.brussels voor de designweek</p><p><a "
        "href='mailto:jpeeters@hub.brussels'>jpeeters@hub.brussels</a></p><p>+32 2 422 00 00</p>"
        "</div>"
    ),
    "fr": (
        "<div class='contact'><strong>Marie Dubois</strong><div class='team-lead'>Conseillère en "
        "alimentation durable chez hub.brussels</div><a href='mailto:mdubois@hub.brussels'>"
        "mdubois@hub.brussels</a><br>+32 2 422 00 01</div>"
    ),
    "en": (
        "<div class='contact-card'><p class='name'>Jane Roe</p><p class='card-intro'>Adviser for "
        "the creative industries at hub.brussels</p><p><a href='mailto:jroe@hub.brussels'>"
        "jroe@hub.brussels</a></p></div>"
    ),
}


@pytest.mark.parametrize(
    ("lang", "summary_class"),
    [("nl", "news-summary"), ("fr", "teaser-text"), ("en", "news-summary")],
)
def test_a_summary_div_after_the_headline_is_the_lead_not_a_contacts_role(
    lang: str, summary_class: str
) -> None:
    main = (
        f"<article><h1>{_TITLE[lang]}</h1><div class='{summary_class}'>{_SUMMARY[lang]}</div>"
        f"<div class='side'>{_CARD[lang]}</div><div class='text'>{_TEXT[lang]}</div></article>"
    )
    html = _FRAME.format(lang=lang, title=_TITLE[lang], main=main)
    record = _record(html, f"https://hub.brussels/{lang}/news/milaan/")
    assert record.lead == _SUMMARY[lang]
    assert record.contacts and record.contacts[0].emails


def test_a_teaser_div_on_a_news_page_is_the_lead_not_a_contacts_role() -> None:
    main = (
        f"<article><header><h1>{_TITLE['en']}</h1></header>"
        f"<div class='teaser-text'>{_SUMMARY['en']}</div>"
        f"<div class='row'><aside class='sidebar'>{_CARD['en']}</aside>"
        f"<div class='story'>{_TEXT['en']}</div></div></article>"
    )
    html = _NEWS_FRAME.format(lang="en", title=_TITLE["en"], main=main)
    record = _record(html, "https://dailynews.example/2026/03/12/designers-milan/")
    assert record.lead == _SUMMARY["en"]


# -- 4. body: a credit-only line in the block right after the picture's block ------------------


@pytest.mark.parametrize(
    ("lang", "credit"),
    [
        ("nl", "<em>Foto: Jan Peeters</em>"),
        ("fr", "<small>Photo : Belga</small>"),
        ("en", "<em>Image: hub.brussels</em>"),
    ],
)
def test_a_credit_line_in_the_block_after_the_picture_is_no_body_text(
    lang: str, credit: str
) -> None:
    paragraphs = _TEXT[lang].split("</p>")
    main = (
        f"<article><h1>{_TITLE[lang]}</h1>"
        f"<div class='block block-text'>{paragraphs[0]}</p></div>"
        "<div class='block block-image'><img src='/a.jpg' alt=''></div>"
        f"<div class='block block-text'><p>{credit}</p>{paragraphs[1]}</p></div></article>"
    )
    html = _FRAME.format(lang=lang, title=_TITLE[lang], main=main)
    record = _record(html, f"https://hub.brussels/{lang}/news/milaan/")
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert "Milaan" in text or "Milan" in text or "Bruxelles" in text
    assert "Peeters" not in text and "Belga" not in text and "Image:" not in text


def test_a_credit_paragraph_after_a_figure_on_a_news_page_is_no_body_text() -> None:
    paragraphs = _TEXT["en"].split("</p>")
    main = (
        f"<article><h1>{_TITLE['en']}</h1><div class='story'>"
        f"<div class='para'>{paragraphs[0]}</p></div>"
        "<div class='media'><figure><img src='/a.jpg'></figure></div>"
        f"<div class='para'><p><small>Photo: Jane Roe/Reuters</small></p>{paragraphs[1]}</p>"
        "</div></div></article>"
    )
    html = _NEWS_FRAME.format(lang="en", title=_TITLE["en"], main=main)
    record = _record(html, "https://dailynews.example/2026/03/12/designers-milan/")
    text = "\n\n".join(x for x in (record.lead, record.body) if x)
    assert "Tortona" in text
    assert "Jane Roe" not in text
