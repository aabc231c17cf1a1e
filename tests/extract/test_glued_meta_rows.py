"""A meta row written as sibling elements with no white space between them (CSS-module, Hygraph
and Tailwind templates lay them out as flex items): `<span>Von Lukas Weidmann</span><span>
Veröffentlicht: 2. Juni 2026, 22:20 Uhr</span><span>Aktualisiert: …</span>`. Each item is read
apart: the printed day beats a script's UTC stamp of the next day, the "Updated" day is read, the
row is no standfirst, and its byline is no speaker's label (a bold-question interview below it
keeps its turns). German (Next.js), French (Tailwind) and English (Hygraph) templates. A word
styled in parts stays one word (`<b>Wo</b>rd`, a drop cap, `<span>Sch</span><span>mid</span>`,
an acronym's capitals, `CO<sub>2</sub>`)."""

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


def _next_data(title: str, stamp: str) -> str:
    return (
        '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"article":'
        f'{{"title":"{title}","publishedAt":"{stamp}"}}}}}}}}</script>'
    )


_DE_TITLE = "Regierung kündigt neues Sparpaket an"
_NEXTJS_DE = (
    f"<html lang='de'><head>{_next_data(_DE_TITLE, '2026-06-03T01:20:00Z')}</head><body>"
    "<div id='__next'><main class='Layout_main__x1Q'><article class='Article_article__q2W'>"
    f"<h1 class='Article_title__k3P'>{_DE_TITLE}</h1>"
    "<div class='Article_meta__z0Ss'><span class='Article_author__a1Aa'>Von Lukas Weidmann</span>"
    "<span>Veröffentlicht: 2. Juni 2026, 22:20 Uhr</span>"
    "<span>Aktualisiert: 3. Juni 2026, 10:00 Uhr</span></div>"
    f"<div class='Article_body__b7Y'>{_DE_TEXT}</div></article></main></div></body></html>"
)
_FR_TITLE = "Le gouvernement annonce un plan d'économies"
_TAILWIND_FR = (
    f"<html lang='fr'><head>{_next_data(_FR_TITLE, '2026-06-03T01:20:00Z')}</head><body>"
    "<main class='mx-auto max-w-3xl'><article class='prose lg:prose-xl'>"
    f"<h1 class='text-4xl font-bold'>{_FR_TITLE}</h1>"
    "<div class='flex flex-wrap gap-x-4 text-sm text-gray-500'>"
    "<a class='font-medium' href='/auteurs/jean-dupont'>Par Jean Dupont</a>"
    "<span>Publié : 2 juin 2026, 22:20</span>"
    "<span>Mis à jour le 3 juin 2026 à 10 h 00</span></div>"
    f"<div class='mt-8'>{_FR_TEXT}</div></article></main></body></html>"
)
_EN_TITLE = "Government announces a new savings package"
_HYGRAPH_EN = (
    f"<html lang='en'><head>{_next_data(_EN_TITLE, '2026-06-03T01:20:00Z')}</head><body>"
    "<div id='__next'><main><article class='post_post__Xy12'>"
    f"<h1 class='post_title__Ab34'>{_EN_TITLE}</h1>"
    "<p class='post_meta__Cd56'><span class='post_author__Ef78'>By Jane Doe</span>"
    "<span class='post_date__Gh90'>Published June 2, 2026 10:20 PM</span>"
    "<span>Updated June 3, 2026 10:00 AM</span></p>"
    f"<section class='post_body__Ij12'>{_EN_TEXT}</section></article></main></div></body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "byline", "lead"),
    [
        (
            _NEXTJS_DE,
            "https://www.rundschau-beispiel.de/politik/sparpaket",
            "Von Lukas Weidmann",
            "Die Regierung hat am Dienstagabend",
        ),
        (
            _TAILWIND_FR,
            "https://www.quotidien-exemple.fr/politique/plan-economies",
            "Par Jean Dupont",
            "Le gouvernement a présenté mardi soir",
        ),
        (
            _HYGRAPH_EN,
            "https://www.daily-example.com/politics/savings-package",
            "By Jane Doe",
            "The government unveiled",
        ),
    ],
)
def test_glued_meta_row_items_are_read_apart(html: str, url: str, byline: str, lead: str) -> None:
    record = _record(html, url)
    # the day printed under the headline, not the script's UTC stamp of the next day
    assert record.published == dt.date(2026, 6, 2)
    assert record.modified == dt.date(2026, 6, 3)
    assert record.lead.startswith(lead)
    assert byline not in _text(record)
    assert "2026" not in _text(record)
    assert record.qa == []


_QUESTIONS = [
    (
        "Herr Schneider, wie geht es den Betrieben in der Region derzeit?",
        "Die Stimmung ist gemischt. Viele Unternehmen haben volle Auftragsbücher, finden aber "
        "keine Leute.",
    ),
    (
        "Was raten Sie kleinen Firmen, die keine Bewerber finden?",
        "Ich rate ihnen, früher auszubilden. Wir unterstützen sie dabei mit einem eigenen Programm.",
    ),
    (
        "Welche Rolle spielt die Zuwanderung?",
        "Eine große. Ohne Fachkräfte aus dem Ausland werden wir die Lücke nicht schließen können.",
    ),
]
_INTRO = (
    "<p>Thomas Schneider leitet seit zwei Jahren die Industrie- und Handelskammer der Region. Im "
    "Gespräch erklärt er, wie kleine Betriebe mit dem Mangel an Fachkräften umgehen.</p>"
)
_NEXTJS_INTERVIEW = (
    f"<html lang='de'><head>{_next_data('Mut zur Veränderung', '2026-06-03T01:20:00Z')}</head>"
    "<body><div id='__next'><main><article class='Article_article__q2W'>"
    "<p class='Article_kicker__c1D'>Interview</p>"
    "<h1 class='Article_title__k3P'>„Wir brauchen mehr Mut zur Veränderung“</h1>"
    "<div class='Article_meta__z0Ss'><span class='Article_author__a1Aa'>Von Lukas Weidmann</span>"
    "<span>Veröffentlicht: 2. Juni 2026, 22:20 Uhr</span>"
    "<span>Aktualisiert: 3. Juni 2026, 10:00 Uhr</span></div>"
    "<div class='Article_body__b7Y'>{intro}{turns}</div></article></main></div></body></html>"
)
# the same row in a Tailwind template, the author's name a link and the date a `<span>`
_TAILWIND_INTERVIEW = (
    "<html lang='de'><body><main class='container mx-auto'><article class='prose'>"
    "<h1 class='text-3xl'>„Wir brauchen mehr Mut zur Veränderung“</h1>"
    "<div class='flex items-center gap-3 text-sm'><a href='/autoren/lukas-weidmann'>"
    "Von Lukas Weidmann</a><span>Veröffentlicht: 2. Juni 2026, 22:20 Uhr</span></div>"
    "<div class='mt-6'>{intro}{turns}</div></article></main></body></html>"
)


@pytest.mark.parametrize("template", [_NEXTJS_INTERVIEW, _TAILWIND_INTERVIEW])
def test_glued_byline_is_no_speaker_label(template: str) -> None:
    turns = "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in _QUESTIONS)
    html = template.replace("{intro}", _INTRO).replace("{turns}", turns)
    record = _record(html, "https://www.rundschau-beispiel.de/wirtschaft/interview-schneider")
    assert [p.question for p in record.qa] == [q for q, _ in _QUESTIONS]
    assert [p.answer for p in record.qa] == [a for _, a in _QUESTIONS]
    assert {p.speaker for p in record.qa} == {"Thomas Schneider"}
    assert record.published == dt.date(2026, 6, 2)


@pytest.mark.parametrize(
    ("markup", "words"),
    [
        ("<b>Wo</b>rdsworth", "Wordsworth"),  # a text node continues the word
        ("<span class='dropcap'>W</span>eil", "Weil"),  # a drop cap
        ("<span class='dropcap'>W</span><span>eil</span>", "Weil"),
        ("Herr <span>Sch</span><span>mid</span>", "Herr Schmid"),  # lower case runs on
        ("<span class='dropcap'>D</span><span class='caps'>IE STADT</span>", "DIE STADT"),
        ("<span>CO</span><sub>2</sub>-Ausstoß", "CO2-Ausstoß"),  # a glyph's part
        ("<span>i</span><span>Pad</span>", "iPad"),  # a styled initial
        ("<span>12</span><span>000</span> Euro", "12000 Euro"),  # one number
    ],
)
def test_word_styled_in_parts_stays_one_word(markup: str, words: str) -> None:
    html = (
        "<html lang='de'><body><main><article><h1>Stadtwerke bauen neuen Solarpark</h1>"
        f"<p>{markup} steht am Anfang dieses Satzes, der lang genug ist, um ein Absatz des Textes "
        "zu sein, und der von den Plänen der Stadtwerke für den neuen Solarpark erzählt.</p>"
        f"{_DE_TEXT}</article></main></body></html>"
    )
    record = _record(html, "https://www.tageblatt-beispiel.de/lokales/solarpark")
    assert f"{words} steht am Anfang dieses Satzes" in _text(record)
