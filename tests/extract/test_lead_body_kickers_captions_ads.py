"""Lead and body misses by structure, each on pages written here in two languages or markups:
a kicker inside the headline repeated in the body, a standfirst set as a heading first in the
text, a figure's caption taken as the lead, ad labels and reading times left in the body."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article

_PAGE = (
    "<html lang='{lang}'><head><title>{title}</title></head><body>"
    "<header><a href='/'>Site</a></header><main><article>{head}"
    "<div class='text'>{text}</div></article></main><footer>Site</footer></body></html>"
)

_TEXTS = {
    "fr": [
        "Les entreprises bruxelloises ont signé douze contrats lors de la mission économique "
        "organisée la semaine dernière à Varsovie.",
        "La délégation comptait trente participants issus de secteurs variés, de la construction "
        "au numérique et à la santé.",
        "Les prochaines missions sont prévues au printemps, avec un accent particulier sur les "
        "marchés d'Europe centrale.",
    ],
    "nl": [
        "Brusselse bedrijven tekenden twaalf contracten tijdens de economische missie die vorige "
        "week in Warschau werd georganiseerd.",
        "De delegatie telde dertig deelnemers uit uiteenlopende sectoren, van de bouw tot de "
        "digitale economie en de gezondheidszorg.",
        "De volgende missies staan gepland in het voorjaar, met bijzondere aandacht voor de "
        "markten van Centraal-Europa.",
    ],
    "en": [
        "Brussels companies signed twelve contracts during the trade mission organised in Warsaw "
        "last week by the regional agency.",
        "The delegation counted thirty participants from many sectors, from construction to the "
        "digital economy and health care.",
        "The next missions are planned for the spring, with a particular focus on the markets of "
        "Central Europe and the Baltic states.",
    ],
}
_TITLES = {"fr": "Mission en Pologne", "nl": "Missie naar Polen", "en": "Trade mission to Poland"}


def _page(lang: str, head: str, text: str) -> str:
    return _PAGE.format(lang=lang, title=_TITLES[lang], head=head, text=text)


def _paragraphs(lang: str) -> str:
    return "".join(f"<p>{p}</p>" for p in _TEXTS[lang])


def _extract(html: str):  # type: ignore[no-untyped-def]
    return extract_article(html, url="https://example.org/news/article")


# -- 1. the headline element's text, kicker included, is never body ---------------------------


@pytest.mark.parametrize(
    ("lang", "kicker", "markup"),
    [
        ("fr", "Interview", "<span class='kicker'>{k}</span> {t}"),
        ("nl", "Analyse", "<span>{k}</span><span>{t}</span>"),
    ],
)
def test_kicker_in_headline_inside_text_is_not_body(lang: str, kicker: str, markup: str) -> None:
    headline = markup.format(k=kicker, t=_TITLES[lang])
    article = _extract(_page(lang, "", f"<h1>{headline}</h1>{_paragraphs(lang)}"))
    assert article.title == _TITLES[lang]
    assert article.body is not None
    assert kicker not in article.body
    assert _TITLES[lang] not in article.body
    assert _TEXTS[lang][1] in article.body


# -- 2. a standfirst set as a sentence-long heading first in the rich text is the lead --------

_STANDFIRSTS = {
    "fr": "Une mission économique en Pologne a permis de conclure plusieurs accords importants "
    "pour les entreprises de la région.",
    "nl": "Een economische missie naar Polen leverde verschillende belangrijke akkoorden op voor "
    "de bedrijven uit de regio.",
    "en": "A trade mission to Poland closed several important agreements for the companies of "
    "the region, the agency said.",
}


@pytest.mark.parametrize(("lang", "tag"), [("fr", "h4"), ("nl", "h3")])
def test_heading_standfirst_first_in_text_is_lead(lang: str, tag: str) -> None:
    head = f"<h1>{_TITLES[lang]}</h1>"
    text = f"<div class='field'><{tag}>{_STANDFIRSTS[lang]}</{tag}>{_paragraphs(lang)}</div>"
    article = _extract(_page(lang, head, text))
    assert article.lead == _STANDFIRSTS[lang]
    assert article.body is not None
    assert article.body.startswith(_TEXTS[lang][0])
    assert _STANDFIRSTS[lang] not in article.body


def test_heading_after_text_opening_is_no_standfirst() -> None:
    """A sentence-long heading after the text's first paragraph is a section's, not the lead."""
    head = f"<h1>{_TITLES['en']}</h1>"
    text = (
        f"<p>{_TEXTS['en'][0]}</p><h4>{_STANDFIRSTS['en']}</h4>"
        f"<p>{_TEXTS['en'][1]}</p><p>{_TEXTS['en'][2]}</p>"
    )
    article = _extract(_page("en", head, text))
    assert article.lead != _STANDFIRSTS["en"]


# -- 3. a figure's caption is never the lead --------------------------------------------------

_CAPTIONS = {
    "fr": "La délégation à Varsovie, devant l'ambassade de Belgique, lundi matin.",
    "nl": "De delegatie in Warschau, voor de Belgische ambassade, maandagochtend.",
    "en": "The delegation in Warsaw, in front of the Belgian embassy, on Monday morning.",
}


@pytest.mark.parametrize(
    ("lang", "figure"),
    [
        ("fr", "<figure><img src='/a.jpg'><figcaption><em>{c}</em></figcaption></figure>"),
        ("nl", "<figure><img src='/a.jpg'><div class='legend'><p>{c}</p></div></figure>"),
        ("en", "<p><img src='/a.jpg'></p><p><em>{c}</em></p>"),
    ],
)
def test_caption_is_never_the_lead(lang: str, figure: str) -> None:
    head = f"<h1>{_TITLES[lang]}</h1>"
    article = _extract(_page(lang, head, figure.format(c=_CAPTIONS[lang]) + _paragraphs(lang)))
    assert article.lead != _CAPTIONS[lang]
    assert _CAPTIONS[lang] not in (article.lead or "")
    assert article.body is not None
    assert _TEXTS[lang][1] in article.body


# -- 4. a short closing paragraph before an in-body contact section stays ---------------------

_CLOSINGS = {"fr": "Bonne lecture !", "nl": "Veel leesplezier!"}
_CONTACT_HEADINGS = {"fr": "Contacts", "nl": "Contactpersonen"}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_closing_line_before_contact_section_stays(lang: str) -> None:
    cards = "".join(
        f"<div class='card'><p>{name}</p><p><a href='mailto:{mail}'>{mail}</a></p></div>"
        for name, mail in (("Jean Dupont", "jd@example.org"), ("Anne Martin", "am@example.org"))
    )
    text = f"{_paragraphs(lang)}<p>{_CLOSINGS[lang]}</p><h2>{_CONTACT_HEADINGS[lang]}</h2>{cards}"
    article = _extract(_page(lang, f"<h1>{_TITLES[lang]}</h1>", text))
    assert article.body is not None
    assert article.body.endswith(_CLOSINGS[lang])
    assert "Jean Dupont" not in article.body
    assert {c.name for c in article.contacts} >= {"Jean Dupont", "Anne Martin"}


def _with_inset(lang: str, figure: str):  # type: ignore[no-untyped-def]
    """The article of a page whose inset (a figure, an ad slot) sits after the text's first paragraph."""
    first, *rest = _TEXTS[lang]
    text = f"<p>{first}</p>{figure}" + "".join(f"<p>{p}</p>" for p in rest)
    return _extract(_page(lang, f"<h1>{_TITLES[lang]}</h1>", text))


# -- 5. an AMP ad slot's label is no body text ------------------------------------------------


@pytest.mark.parametrize(("lang", "label"), [("fr", "Publicité"), ("en", "Advertisement")])
def test_amp_ad_label_is_not_body(lang: str, label: str) -> None:
    ad = (
        "<amp-ad width='300' height='250' type='doubleclick' data-slot='/1/a'>"
        f"<div fallback>{label}</div></amp-ad>"
    )
    article = _with_inset(lang, ad)
    assert article.body is not None
    assert label not in article.body
    assert _TEXTS[lang][1] in article.body


@pytest.mark.parametrize(
    ("lang", "kicker", "inside"), [("fr", "Analyse", True), ("en", "Opinion", False)]
)
def test_small_kicker_first_in_headline_is_neither_title_nor_body(
    lang: str, kicker: str, inside: bool
) -> None:
    headline = f"<h1><small>{kicker}</small> {_TITLES[lang]}</h1>"
    head, text = ("", headline + _paragraphs(lang)) if inside else (headline, _paragraphs(lang))
    article = _extract(_page(lang, head, text))
    assert article.title == _TITLES[lang]
    assert article.body is not None
    assert kicker not in article.body


# -- 5b. a "©" credit closing a caption leaves the body; the caption stays ---------------------


@pytest.mark.parametrize(
    ("lang", "caption", "credit"),
    [
        ("fr", "<span>{c}</span> <span class='credit'>{r}</span>", "© Jean Dupont"),
        ("nl", "<span>{c}</span><small>{r}</small>", "© Belga / Eric Lalmand"),
    ],
)
def test_copyright_credit_in_caption_leaves_body(lang: str, caption: str, credit: str) -> None:
    figure = (
        "<figure><img src='/a.jpg'><figcaption>"
        f"{caption.format(c=_CAPTIONS[lang], r=credit)}</figcaption></figure>"
    )
    article = _with_inset(lang, figure)
    assert article.body is not None
    assert credit not in article.body
    assert "©" not in article.body
    assert _CAPTIONS[lang] in article.body


@pytest.mark.parametrize(
    ("lang", "credit"),
    [("fr", "Photo : Jean Dupont"), ("nl", "© Belga"), ("en", "Credit: Jane Doe/Reuters")],
)
def test_credit_written_in_caption_text_leaves_body(lang: str, credit: str) -> None:
    figure = (
        f"<figure><img src='/a.jpg'><figcaption>{_CAPTIONS[lang]} {credit}</figcaption></figure>"
    )
    article = _with_inset(lang, figure)
    assert article.body is not None
    assert credit not in article.body
    assert _CAPTIONS[lang] in article.body.split("\n\n")


def test_caption_sentence_with_a_colon_keeps_its_words() -> None:
    """A caption's own sentence naming a picture ("Image: the plant…") ends with a full stop."""
    caption = "The plant at night. Image: the new furnace in Anderlecht, lit for the opening."
    figure = f"<figure><img src='/a.jpg'><figcaption>{caption}</figcaption></figure>"
    article = _with_inset("en", figure)
    assert article.body is not None
    assert caption in article.body


@pytest.mark.parametrize(
    ("lang", "slot", "label"),
    [
        ("fr", "<div class='pub-slot'><span>{l}</span><div id='x1'></div></div>", "Publicité"),
        ("nl", "<p class='label'>{l}</p>", "Advertentie"),
        ("en", "<div class='banner-box'><small>{l}</small></div>", "ADVERTISEMENT"),
    ],
)
def test_ad_slot_label_on_its_own_line_is_not_body(lang: str, slot: str, label: str) -> None:
    article = _with_inset(lang, slot.format(l=label))
    assert article.body is not None
    assert label not in article.body
    assert _TEXTS[lang][-1] in article.body
