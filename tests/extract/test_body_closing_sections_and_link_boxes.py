"""Body kinds (closing sections, page furniture in the text), each a miss before on
hub.brussels-like pages written here:

1. a closing section of the text (its heading and a paragraph or two: "Next steps", "Praktisch")
   after a Q&A, after a figure or after plain paragraphs was left out;
2. page furniture stayed in the body: (a) the heading of a box of links to other pages,
   (b) a line naming the page's translations ("Also available in: Nederlands, English"),
   (c) the title of a newsletter sign-up box (heading and form), (d) a photo credit of its own
   under an image ("© Name", "Photo: Name")."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

EN = [
    "Twelve Brussels start-ups travelled to Lisbon last week to meet investors and clients at the "
    "largest technology fair of southern Europe, with the support of the agency.",
    "The companies held more than two hundred meetings in three days, and four of them signed "
    "letters of intent with Portuguese distributors, the organisers said.",
    "A second mission to the fair is planned for next year, this time open to firms from the "
    "food and health sectors as well as digital ones.",
]
FR = [
    "Douze start-up bruxelloises se sont rendues à Lisbonne la semaine dernière pour rencontrer "
    "des investisseurs et des clients au plus grand salon technologique du sud de l'Europe.",
    "Les entreprises ont tenu plus de deux cents rendez-vous en trois jours, et quatre d'entre "
    "elles ont signé des lettres d'intention avec des distributeurs portugais.",
    "Une deuxième mission est prévue l'an prochain, ouverte cette fois aussi aux entreprises de "
    "l'alimentation et de la santé, et pas seulement du numérique.",
]
NL = [
    "Twaalf Brusselse start-ups reisden vorige week naar Lissabon om investeerders en klanten te "
    "ontmoeten op de grootste technologiebeurs van Zuid-Europa, met steun van het agentschap.",
    "De bedrijven hadden meer dan tweehonderd afspraken in drie dagen, en vier van hen tekenden "
    "intentieverklaringen met Portugese verdelers, zeiden de organisatoren.",
    "Volgend jaar staat een tweede missie naar de beurs gepland, dit keer ook voor bedrijven uit "
    "de voedings- en gezondheidssector en niet alleen digitale.",
]
TEXTS = {"en": EN, "fr": FR, "nl": NL}
URLS = {
    "en": "https://hub.brussels/en/news/mission-lisbon/",
    "fr": "https://hub.brussels/fr/news/mission-lisbonne/",
    "nl": "https://hub.brussels/nl/news/missie-lissabon/",
}


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _body(lang: str, title: str, text: str, around: str = "") -> str:
    html = (
        f"<html lang='{lang}'><head><title>{title} | hub.brussels</title></head><body>"
        "<header class='site-header'><a href='/'>hub.brussels</a></header>"
        f"<main><article class='node node--news'><h1 class='page-title'>{title}</h1>"
        f"<div class='field field--body'>{text}</div></article>{around}</main>"
        "<footer><p>© hub.brussels</p></footer></body></html>"
    )
    record = extract_article(html, URLS[lang], profile=profile_for_url(URLS[lang]))
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def _left_out_between_paragraphs(lang: str, title: str, inset: str, words: str) -> None:
    """`inset` set between the text's second and third paragraphs leaves `words` out of the body
    and the text after it in."""
    body = _body(lang, title, _paragraphs(TEXTS[lang][:2]) + inset + _paragraphs(TEXTS[lang][2:]))
    assert words not in body
    assert TEXTS[lang][2] in body


# 1. a closing <h2> section of the text belongs to the body

_QA = (
    "<div class='qa'><p class='question'><strong>Why Lisbon?</strong></p>"
    "<p class='answer'>Because the fair gathers investors from all over Europe and Brazil, and "
    "the Portuguese market is often overlooked by Belgian companies, says the project lead.</p>"
    "<p class='question'><strong>What did the firms bring back?</strong></p>"
    "<p class='answer'>Contacts first, and for some of them a first order, which is rare after a "
    "single fair: usually it takes two or three editions before anything is signed.</p></div>"
)
_FIGURE = (
    "<figure class='image'><img src='/media/lisbon.jpg' alt=''>"
    "<figcaption>De delegatie op de beurs in Lissabon.</figcaption></figure>"
)


@pytest.mark.parametrize(
    ("lang", "title", "text", "box", "heading", "closing"),
    [
        (
            "en",
            "Twelve start-ups in Lisbon",
            "<div class='text-block'>" + _paragraphs(EN[:2]) + "</div>" + _QA,
            "<section class='text-block text-block--last'>{}</section>",
            "Next steps",
            ["Registration for the second mission opens in March on our website."],
        ),
        (
            "nl",
            "Twaalf start-ups in Lissabon",
            "<div class='paragraph paragraph--text'>"
            + _paragraphs(NL[:1])
            + "</div><div class='paragraph paragraph--qa'>"
            + _QA
            + "</div><div class='paragraph paragraph--image'>"
            + _FIGURE
            + "</div>",
            "<div class='paragraph paragraph--text'><div class='rich-text'>{}</div></div>",
            "Praktisch",
            [
                "Inschrijven kan tot eind maart via onze website.",
                "Het aantal plaatsen is beperkt.",
            ],
        ),
        (
            "fr",
            "Douze start-up à Lisbonne",
            "<div class='wysiwyg'>" + _paragraphs(FR) + "</div>",
            "<div class='wysiwyg wysiwyg--aside'>{}</div>",
            "En pratique",
            [
                "Inscriptions jusqu'à fin mars sur notre site.",
                "Places limitées à quinze entreprises.",
            ],
        ),
    ],
)
def test_a_closing_section_is_body(
    lang: str, title: str, text: str, box: str, heading: str, closing: list[str]
) -> None:
    """The section in a box of its own after the text's container, its paragraphs short."""
    section = f"<h2>{heading}</h2>" + _paragraphs(closing)
    body = _body(lang, title, text + box.format(section))
    assert heading in body
    for line in closing:
        assert line in body
    assert TEXTS[lang][0] in body


# 2a. the heading of a box of links to other pages goes with its links, set in the text's
# container between two of its paragraphs


@pytest.mark.parametrize(
    ("lang", "title", "box", "heading"),
    [
        (
            "fr",
            "Douze start-up à Lisbonne",
            "<h3>Pour aller plus loin</h3>"
            "<ul class='links'><li><a href='/fr/news/salon-tokyo/'>Mission au Japon</a></li>"
            "<li><a href='/fr/news/export-guide/'>Guide de l'export</a></li>"
            "<li><a href='/fr/news/aides/'>Nos aides</a></li></ul>",
            "Pour aller plus loin",
        ),
        (
            "nl",
            "Twaalf start-ups in Lissabon",
            "<h2 class='title'>Nuttige links</h2><div class='link-list'>"
            "<a class='btn' href='/nl/news/beurs-tokio/'>Missie naar Japan</a>"
            "<a class='btn' href='/nl/news/exportgids/'>Exportgids</a></div>",
            "Nuttige links",
        ),
    ],
)
def test_a_link_box_heading_is_no_body(lang: str, title: str, box: str, heading: str) -> None:
    _left_out_between_paragraphs(lang, title, box, heading)


# 2b. a line naming the page's translations is no body


@pytest.mark.parametrize(
    ("lang", "title", "notice", "words"),
    [
        (
            "fr",
            "Douze start-up à Lisbonne",
            "<div class='translations'>Cette page est aussi disponible en : "
            "<a href='/nl/news/missie-lissabon/' hreflang='nl'>Nederlands</a>, "
            "<a href='/en/news/mission-lisbon/' hreflang='en'>English</a></div>",
            "Nederlands",
        ),
        (
            "en",
            "Twelve start-ups in Lisbon",
            "<p class='lang-notice'><em>This article is also available in "
            "<a href='https://hub.brussels/fr/news/mission-lisbonne/'>Français</a> and "
            "<a href='https://hub.brussels/nl/news/missie-lissabon/'>Nederlands</a>.</em></p>",
            "also available",
        ),
    ],
)
def test_a_translations_notice_is_no_body(lang: str, title: str, notice: str, words: str) -> None:
    body = _body(lang, title, notice + _paragraphs(TEXTS[lang]))
    assert words not in body
    assert TEXTS[lang][0] in body


# 2c. a newsletter box's title is no body


@pytest.mark.parametrize(
    ("lang", "title", "box", "heading"),
    [
        (
            "nl",
            "Twaalf start-ups in Lissabon",
            "<section class='block-nieuwsbrief'><div class='wrap'><h2>Blijf op de hoogte</h2>"
            "</div><div class='form'><form action='/nl/newsletter'><input type='email' "
            "name='mail'><input type='submit' value='Inschrijven'></form></div></section>",
            "Blijf op de hoogte",
        ),
        (
            "en",
            "Twelve start-ups in Lisbon",
            "<section class='cta'><div class='cta__inner'><h3 class='cta__title'>Our monthly "
            "letter</h3><form method='post'><label for='e'>E-mail</label>"
            "<input id='e' type='email'><input type='submit' value='Subscribe'></form></div>"
            "</section>",
            "Our monthly letter",
        ),
    ],
)
def test_a_newsletter_title_is_no_body(lang: str, title: str, box: str, heading: str) -> None:
    body = _body(lang, title, _paragraphs(TEXTS[lang]) + box)
    assert heading not in body
    assert TEXTS[lang][2] in body


# 2d. a photo credit of its own under an image is no body


@pytest.mark.parametrize(
    ("lang", "title", "figure", "credit"),
    [
        (
            "fr",
            "Douze start-up à Lisbonne",
            "<div class='media media--image'><img src='/media/lisbonne.jpg' alt='La délégation'>"
            "<span class='credit'>© Marie Dupont</span></div>",
            "Marie Dupont",
        ),
        (
            "en",
            "Twelve start-ups in Lisbon",
            "<div class='field field--image'><img src='/media/lisbon.jpg' alt=''></div>"
            "<p class='photo-credit'>Photo: Sarah Lens</p>",
            "Sarah Lens",
        ),
        (
            "nl",
            "Twaalf start-ups in Lissabon",
            "<figure><picture><img src='/media/lissabon.jpg' alt=''></picture>"
            "<div class='image-meta'>Foto: Jan Peeters</div></figure>",
            "Jan Peeters",
        ),
    ],
)
def test_an_image_credit_is_no_body(lang: str, title: str, figure: str, credit: str) -> None:
    _left_out_between_paragraphs(lang, title, figure, credit)
