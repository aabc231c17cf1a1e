"""Consent banners and the section link above a headline that is not the first `<h1>`.

A cookie/consent banner opening `<body>`, before the site's header ("Nous utilisons des cookies…"
and its "Accepter" / "Refuser" buttons, "We use cookies…" and one "Accept" line, "Wij gebruiken
cookies…" with "Accepteren" / "Weigeren"), classed with opaque names and with no dialog role, on
a page whose text has no container of its own: the banner's sentence was taken as the lead (the
bold standfirst under the headline went to the body), and its "Accept" line, the last line before
the headline, as the sector. A banner is site furniture: a short element before the headline
with a sentence and a choice (buttons, or a choice word of the vocabulary). Shown on a generic
French page (buttons), a hub.brussels English page with a slogan `<h1>` (one "Accept" line), and
a generic Dutch page (a `<section aria-label>` with choice words in `<span>`s).

The section link right above the headline ("<a href=/wirtschaft>Wirtschaft</a>" then the
headline) was not found when the headline is not the page's first `<h1>` (a slogan or the site's
name in an `<h1>` of the header comes first), nor on a page with no `<h1>`, the headline a
`<div class="article-title">` printing the title: the rule looked above the first `<h1>`, or
nowhere. It starts from the element printing the title now. Shown on a German page (a claim and
the site's name in `<h1>` in the header) and French and English pages without `<h1>`.
"""

from __future__ import annotations

from tests.extract.reading import read

_TEXT_FR = (
    "<p>Le conseil municipal a adopté mardi soir un nouveau budget pour la réfection des rues, "
    "au terme d'un débat de plus de quatre heures devant une salle comble.</p><p>Les travaux "
    "commenceront au printemps dans les rues les plus abîmées, et la Ville prévoit de terminer "
    "l'essentiel des réparations avant la fin de l'année.</p><p>L'opposition a voté contre, "
    "jugeant le budget insuffisant pour les quartiers du nord, où les trottoirs attendent "
    "depuis des années.</p>"
)
_TEXT_EN = (
    "<p>The city council approved a new budget for road repairs on Tuesday evening, after a "
    "debate that lasted more than four hours and drew a large crowd to the town hall.</p>"
    "<p>Work on the worst streets will start in the spring, and the council expects most of "
    "the repairs to be finished before the end of the year, officials said.</p>"
)
_TEXT_NL = (
    "<p>De gemeenteraad keurde dinsdagavond een nieuw budget goed voor de herstelling van de "
    "straten, na een debat van meer dan vier uur voor een volle zaal.</p><p>De werken beginnen "
    "in de lente in de slechtste straten, en de stad wil de meeste herstellingen voor het einde "
    "van het jaar afronden, zeiden ambtenaren.</p>"
)
_TEXT_DE = (
    "<p>Der Stadtrat hat am Dienstagabend einen neuen Haushalt für die Sanierung der Straßen "
    "beschlossen, nach einer Debatte von mehr als vier Stunden vor vollem Saal.</p><p>Die "
    "Arbeiten beginnen im Frühjahr in den schlimmsten Straßen, und die Stadt will die meisten "
    "Reparaturen bis zum Jahresende abschließen, sagten Vertreter der Verwaltung.</p>"
)


def test_cookie_banner_with_buttons_is_no_lead_fr() -> None:
    lead = "La Ville investit douze millions d'euros dans ses rues cette année, un record."
    html = (
        "<html lang='fr'><head><title>La Ville adopte son budget des rues</title></head><body>"
        "<div class='x9f2 a1b'><p>Nous utilisons des cookies pour améliorer votre expérience "
        "sur notre site.</p><button>Accepter</button> <button>Refuser</button></div>"
        "<div class='top'><a href='/'>Gazette</a></div>"
        f"<h1>La Ville adopte son budget des rues</h1><p><b>{lead}</b></p>{_TEXT_FR}"
        "</body></html>"
    )
    record = read(html, "https://www.gazette-example.fr/ville/la-ville-adopte-son-budget")
    assert record.lead == lead
    assert "cookies" not in (record.body or "")
    assert (record.body or "").startswith("Le conseil municipal a adopté")


def test_cookie_banner_accept_line_is_no_sector_nor_lead_hub_en() -> None:
    lead = "Brussels food companies sold more abroad than ever last year, the agency says."
    html = (
        "<html lang='en'><head><title>Food firms export more | hub.brussels</title></head><body>"
        "<div class='k3'><p>We use cookies to improve your experience on our website.</p>"
        "<p><span>Accept</span></p></div>"
        "<h1>Your partner for business in Brussels</h1>"
        f"<h1>Food firms export more</h1><p><strong>{lead}</strong></p>{_TEXT_EN}</body></html>"
    )
    record = read(html, "https://hub.brussels/en/news/food-firms-export-more/")
    assert record.sector is None
    assert record.lead == lead
    assert "cookies" not in (record.body or "")


def test_consent_section_with_choice_words_is_no_lead_nl() -> None:
    lead = "De stad trekt dit jaar twaalf miljoen euro uit voor haar straten, een record."
    html = (
        "<html lang='nl'><head><title>Stad keurt budget voor straten goed</title></head><body>"
        "<section aria-label='Privacy'><div>Wij gebruiken cookies om uw bezoek aan onze site te "
        "verbeteren en het bezoek te meten.</div><div><span class='b1'>Accepteren</span> "
        "<span class='b2'>Weigeren</span></div></section>"
        f"<h1>Stad keurt budget voor straten goed</h1><p><strong>{lead}</strong></p>{_TEXT_NL}"
        "</body></html>"
    )
    record = read(html, "https://www.krant-example.be/stad/stad-keurt-budget-voor-straten-goed")
    assert record.lead == lead
    assert "cookies" not in (record.body or "")
    assert "Weigeren" not in (record.body or "")


def test_section_link_above_headline_after_site_h1_de() -> None:
    html = (
        "<html lang='de'><head><title>Stadtrat beschließt Straßenhaushalt | Tagblatt</title>"
        "</head><body><header><nav><span>Nachrichten aus der Region</span></nav>"
        "<h1>Tagblatt</h1></header><div class='c'><div class='kicker'>"
        "<a href='/wirtschaft'>Wirtschaft</a></div><h1>Stadtrat beschließt Straßenhaushalt</h1>"
        f"{_TEXT_DE}</div></body></html>"
    )
    record = read(html, "https://www.tagblatt-example.de/wirtschaft/stadtrat-haushalt")
    assert record.title == "Stadtrat beschließt Straßenhaushalt"
    assert record.sector == "Wirtschaft"


def test_section_link_above_title_div_without_h1_fr() -> None:
    html = (
        "<html lang='fr'><head><title>La Ville adopte son budget des rues | Gazette</title>"
        "</head><body><header><a href='/'>Gazette</a></header><main><div class='kicker'>"
        "<a href='/economie'>Économie</a></div><div class='article-title'>La Ville adopte son "
        f"budget des rues</div>{_TEXT_FR}</main></body></html>"
    )
    record = read(html, "https://www.gazette-example.fr/economie/la-ville-adopte-son-budget")
    assert record.sector == "Économie"


def test_section_link_above_headline_div_without_h1_en() -> None:
    html = (
        "<html lang='en'><head><title>Council approves road budget - Valley Ledger</title>"
        "</head><body><div class='wrap'><a href='/local'>Local</a><div class='post-headline'>"
        f"<span>Council approves road budget</span></div><div>{_TEXT_EN}</div></div>"
        "</body></html>"
    )
    record = read(html, "https://www.valleyledger-example.com/local/council-road-budget")
    assert record.sector == "Local"
