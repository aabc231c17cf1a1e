"""A meta line left inside the article (a Backdrop/Drupal `<footer class="node-meta">`, a
Hugo or WordPress footer): a byline, labelled dates and a reading-time counter set apart by
separators ("Von Henning Bauer · Veröffentlicht am 13. Mai 2026, 00:30 Uhr · Aktualisiert am …
· Lesezeit: 4 Min."). Each piece is metadata of its own kind (a byline, a date line opening with
its label however long, a counter with its unit abbreviated), so the line is furniture, never
body (DECISIONS: counters), in German, Dutch, French and English; the printed day beats the
`<time>`'s UTC stamp of the evening before. A sentence cut by dashes around a labelled date
stays text."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import lead_and_body as _text
from tests.extract.reading import read as _record

_DE_TEXT = (
    "<p>Die Regierung hat am Dienstagabend ein neues Sparpaket vorgestellt. Es sieht Kürzungen "
    "bei den Subventionen für Energie und Verkehr vor und soll das Defizit deutlich senken.</p>"
    "<p>Die Opposition kritisierte die Pläne scharf. Sie warf der Regierung vor, die Lasten "
    "einseitig auf Rentner und Arbeitnehmer abzuwälzen.</p>"
)
_NL_TEXT = (
    "<p>De regering heeft dinsdagavond een nieuw besparingspakket voorgesteld. Het snijdt in de "
    "subsidies voor energie en vervoer en moet het tekort flink verkleinen.</p>"
    "<p>De oppositie had scherpe kritiek op de plannen. Ze verweet de regering de lasten "
    "eenzijdig bij gepensioneerden en werknemers te leggen.</p>"
)
_FR_TEXT = (
    "<p>Le gouvernement a présenté mardi soir un nouveau plan d'économies. Il prévoit des coupes "
    "dans les subsides à l'énergie et aux transports et doit réduire nettement le déficit.</p>"
    "<p>L'opposition a vivement critiqué ces mesures. Elle reproche au gouvernement de faire "
    "porter l'effort sur les retraités et les salariés.</p>"
)
_EN_TEXT = (
    "<p>The government unveiled a new savings package on Tuesday evening. It cuts subsidies for "
    "energy and transport and is meant to bring the deficit down sharply.</p>"
    "<p>The opposition criticised the plans sharply. It accused the government of shifting the "
    "burden onto pensioners and employees.</p>"
)

_BACKDROP_DE = (
    "<html lang='de'><body><div class='layout'><main><article class='node node-article'>"
    "<h1 class='page-title'><span>Regierung kündigt neues Sparpaket an</span></h1>"
    f"<div class='field-name-body'>{_DE_TEXT}</div>"
    "<footer class='node-meta'><span class='autor'>Von Henning Bauer</span> · "
    "<span class='datum'>Veröffentlicht am <time datetime='2026-05-12T22:30:00Z'>13. Mai 2026, "
    "00:30 Uhr</time></span> · <span class='aktualisiert'>Aktualisiert am 13. Mai 2026, 10:15 "
    "Uhr</span> · <span class='lesezeit'>Lesezeit: 4 Min.</span></footer>"
    "</article></main></div></body></html>"
)
# Drupal 10 (Olivero-like) in Dutch: the byline a link, the update label long, the counter bare
_DRUPAL_NL = (
    "<html lang='nl'><body><div class='dialog-off-canvas-main-canvas'><main role='main'>"
    "<article class='node node--type-article'><h1 class='title'>Regering stelt nieuw "
    f"besparingspakket voor</h1><div class='text-content'>{_NL_TEXT}</div>"
    "<footer class='node__meta'><a href='/auteur/pieter-janssens'>Door Pieter Janssens</a> · "
    "<span>Gepubliceerd op <time datetime='2026-05-12T22:30:00Z'>13 mei 2026 om 00.30 uur</time>"
    "</span> · <span>Laatst bijgewerkt op woensdag 13 mei 2026 om 10.15 uur</span> · "
    "<span>Leestijd 4 min</span></footer></article></main></div></body></html>"
)
# a WordPress footer in French (a bare `<footer>`), the pieces set apart by bars
_WORDPRESS_FR = (
    "<html lang='fr'><body><div id='page'><main id='main'><article class='post type-post'>"
    "<h1 class='entry-title'>Le gouvernement annonce un plan d'économies</h1>"
    f"<div class='texte'>{_FR_TEXT}</div>"
    "<footer>Par <a href='/author/jean-dupont/'>Jean Dupont</a> et "
    "<a href='/author/marie-lambert/'>Marie Lambert</a> | "
    "Publié le <time datetime='2026-05-12T22:30:00Z'>13 mai 2026 à 00 h 30</time> | "
    "Mis à jour le mercredi 13 mai 2026 à 10 h 15 | Lecture : 4 min</footer>"
    "</article></main></div></body></html>"
)
# a Hugo details line in English, two authors
_HUGO_EN = (
    "<html lang='en'><body><main><article class='post'>"
    "<h1 class='post-title'>Government announces a new savings package</h1>"
    f"<div class='story'>{_EN_TEXT}</div>"
    "<div class='post-details'><span>By Jane Doe and John Smith</span> · <span>Published on <time datetime='2026-05-12T22:30:00Z'>May "
    "13, 2026 at 12:30 a.m.</time></span> · <span>Last updated Wednesday, May 13, 2026 at "
    "10:15 a.m. CEST</span> · <span>4 min read</span></div></article></main></body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "pieces", "last_words"),
    [
        (
            _BACKDROP_DE,
            "https://www.kreisbote-beispiel.de/politik/sparpaket",
            ("Henning Bauer", "Lesezeit", "Veröffentlicht", "Aktualisiert"),
            "Rentner und Arbeitnehmer abzuwälzen.",
        ),
        (
            _DRUPAL_NL,
            "https://www.dagblad-voorbeeld.be/politiek/besparingspakket",
            ("Pieter Janssens", "Leestijd", "Gepubliceerd", "bijgewerkt"),
            "gepensioneerden en werknemers te leggen.",
        ),
        (
            _WORDPRESS_FR,
            "https://www.quotidien-exemple.fr/politique/plan-economies",
            ("Jean Dupont", "Lecture", "Publié", "Mis à jour"),
            "les retraités et les salariés.",
        ),
        (
            _HUGO_EN,
            "https://www.daily-example.com/politics/savings-package",
            ("Jane Doe", "min read", "Published", "updated"),
            "onto pensioners and employees.",
        ),
    ],
)
def test_meta_line_in_article_footer_is_no_text(
    html: str, url: str, pieces: tuple[str, ...], last_words: str
) -> None:
    record = _record(html, url)
    text = _text(record)
    assert text.endswith(last_words)
    for piece in pieces:
        assert piece not in text
    # the day printed in the footer, not the UTC stamp of the evening before
    assert record.published == dt.date(2026, 5, 13)


def test_sentence_cut_by_dashes_around_a_labelled_date_stays_text() -> None:
    sentence = (
        "Der Bericht – veröffentlicht am 13. Mai 2026 von der Kommission – zeigt deutliche "
        "Mängel bei der Umsetzung der Reform, die der Stadtrat im vergangenen Jahr beschlossen "
        "hatte."
    )
    html = (
        "<html lang='de'><body><main><article><h1>Regierung kündigt neues Sparpaket an</h1>"
        f"{_DE_TEXT}<p>{sentence}</p></article></main></body></html>"
    )
    text = _text(_record(html, "https://www.kreisbote-beispiel.de/politik/bericht"))
    assert sentence in text
