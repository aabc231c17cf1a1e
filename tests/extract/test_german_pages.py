"""German news pages, each kind on a WordPress-like daily and on a Drupal-like regional site: the
meta line (byline "Von …", "Veröffentlicht am …", "Aktualisiert am …", "Lesezeit: 4 Min.") is
furniture, never body; an interview of whole bold questions names its interviewee, not "Im
Gespräch", and a headline quoting it ("Fachkräfte: „…“") is no speaker's turn; a printed German date wins over a UTC stamp one day later; an undeclared German page
reads as German."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import lead_and_body as _text
from tests.extract.reading import read as _record

_TEXT = (
    "<p>Die Stadtwerke wollen bis zum kommenden Frühjahr einen Solarpark mit einer Leistung von "
    "zwölf Megawatt errichten. Der Stadtrat hat dem Vorhaben am Dienstag mit großer Mehrheit "
    "zugestimmt.</p>"
    "<p>Nach Angaben des Unternehmens sollen die Anlagen rund 4000 Haushalte mit Strom versorgen. "
    "Die Kosten liegen bei etwa neun Millionen Euro, die zum Teil aus Fördermitteln des Landes "
    "stammen.</p>"
    "<p>Anwohner hatten zunächst Bedenken wegen des Landschaftsbildes geäußert. Eine Hecke soll die "
    "Anlage künftig zur Straße hin abschirmen, kündigte der Geschäftsführer an.</p>"
)


# -- 1. the German meta line, in the header before the image or in the article's footer -------

_WORDPRESS_META = (
    "<html lang='de-DE'><body><div class='site'><main id='main'><article class='post'>"
    "<header class='entry-header'><h1 class='entry-title'>Stadtwerke bauen neuen Solarpark</h1>"
    "<div class='entry-byline'>Von Anna Weber</div><div>Veröffentlicht am 3. Juni 2026</div>"
    "<div>Aktualisiert am 4. Juni 2026</div><div>Lesezeit: 4 Min.</div></header>"
    "<figure class='wp-block-image'><img src='/solarpark.jpg' alt=''></figure>"
    "<div class='entry-content'>{text}</div></article></main></div></body></html>"
)
_DRUPAL_META = (
    "<html><body><div class='layout-container'><main><article class='node node--type-article'>"
    "<h1 class='page-title'><span>Stadtwerke bauen neuen Solarpark</span></h1>"
    "<div class='field--name-body'>{text}</div>"
    "<footer class='node__meta'><span>Von Anna Weber</span> · "
    "<span>Veröffentlicht am 3. Juni 2026</span> · <span>Aktualisiert am 4. Juni 2026</span> · "
    "<span>Lesezeit: 4 Min.</span></footer></article></main></div></body></html>"
)


@pytest.mark.parametrize(
    ("template", "url"),
    [
        (_WORDPRESS_META, "https://www.tageblatt-beispiel.de/2026/06/03/stadtwerke-solarpark/"),
        (_DRUPAL_META, "https://www.kreisbote-beispiel.de/lokales/stadtwerke-solarpark"),
    ],
)
def test_german_meta_line_is_no_text(template: str, url: str) -> None:
    record = _record(template.format(text=_TEXT), url)
    text = _text(record)
    assert record.lead.startswith("Die Stadtwerke wollen")
    for furniture in ("Von Anna Weber", "Lesezeit", "Veröffentlicht", "Aktualisiert"):
        assert furniture not in text
    assert record.published == dt.date(2026, 6, 3)
    assert record.modified == dt.date(2026, 6, 4)


@pytest.mark.parametrize(
    "line", ["Lesezeit: 4 Min.", "4 Min. Lesezeit", "Lesedauer: 4 Minuten", "Von Dr. Anna Weber"]
)
def test_german_counter_or_byline_on_its_own_line_is_no_text(line: str) -> None:
    html = f"<html><body><article><h1>Stadtwerke bauen Solarpark</h1><p>{line}</p>{_TEXT}</article></body></html>"
    text = _text(_record(html, "https://www.tageblatt-beispiel.de/lokales/solarpark"))
    assert line not in text
    assert "kündigte der Geschäftsführer an" in text


def test_sentence_opening_with_von_stays_text() -> None:
    """ "Von" opens sentences too: only a full name after it makes a byline."""
    html = (
        "<html lang='de'><body><article><h1>Stadtwerke bauen Solarpark</h1>"
        f"{_TEXT}<p>Von den 300 Mitarbeitern bleiben 250.</p></article></body></html>"
    )
    text = _text(_record(html, "https://www.tageblatt-beispiel.de/lokales/solarpark"))
    assert "Von den 300 Mitarbeitern bleiben 250." in text


# -- 2. an interview of whole bold questions, the interviewee named in the lead ----------------

_QUESTIONS = [
    (
        "{address}, wie geht es den Betrieben in der Region derzeit?",
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


def _interview(tag: str, address: str) -> str:
    return "".join(
        f"<p><{tag}>{q.format(address=address)}</{tag}></p><p>{a}</p>" for q, a in _QUESTIONS
    )


_WORDPRESS_INTERVIEW = (
    "<html lang='de-DE'><body><main><article class='post'><p class='kicker'>Interview</p>"
    "<h1>„Wir brauchen mehr Mut zur Veränderung“</h1>"
    "<p>Anna Weber leitet seit zwei Jahren die Industrie- und Handelskammer der Region. Im "
    "Gespräch erklärt sie, wie kleine Betriebe mit dem Mangel an Fachkräften umgehen.</p>"
    "<p>Die Geschäftsführerin hat uns in ihrem Büro in der Altstadt empfangen.</p>"
    "{turns}<p><strong>Frau Weber, vielen Dank für das Gespräch.</strong></p>"
    "</article></main></body></html>"
)
_DRUPAL_INTERVIEW = (
    "<html><body><div class='layout-container'><main><div class='node node--type-article'>"
    "<h1 class='page-title'>„Der Haushalt lässt keinen Spielraum“</h1>"
    "<div class='field--name-body'><p>Thomas Schneider ist seit 2020 Oberbürgermeister.</p>"
    "<p>Im Interview spricht Thomas Schneider über den Haushalt. Herr Schneider hat unsere "
    "Fragen schriftlich beantwortet.</p>{turns}</div></div></main></div></body></html>"
)


@pytest.mark.parametrize(
    ("template", "tag", "address", "speaker", "url"),
    [
        (
            _WORDPRESS_INTERVIEW,
            "strong",
            "Frau Weber",
            "Anna Weber",
            "https://www.tageblatt-beispiel.de/2026/06/03/interview-anna-weber/",
        ),
        (
            _DRUPAL_INTERVIEW,
            "b",
            "Herr Schneider",
            "Thomas Schneider",
            "https://www.kreisbote-beispiel.de/politik/interview-schneider",
        ),
    ],
)
def test_german_bold_question_interview_names_the_interviewee(
    template: str, tag: str, address: str, speaker: str, url: str
) -> None:
    record = _record(template.format(turns=_interview(tag, address)), url)
    assert [p.question for p in record.qa] == [q.format(address=address) for q, _ in _QUESTIONS]
    assert [p.answer for p in record.qa] == [a for _, a in _QUESTIONS]
    assert {p.speaker for p in record.qa} == {speaker}


_HEADLINE_QUOTE = (
    "<html><body><main><article><h1>{headline}</h1>"
    "<p>Die Kammer sieht die Betriebe der Region unter Druck. Wir haben nachgefragt.</p>"
    "{turns}</article></main></body></html>"
)


def _labelled_turns(question_label: str, answer_label: str) -> str:
    return "".join(
        f"<p><strong>{question_label}</strong> {q.format(address='Frau Weber')}</p>"
        f"<p><strong>{answer_label}</strong> {a}</p>"
        for q, a in _QUESTIONS
    )


@pytest.mark.parametrize(
    ("headline", "turns"),
    [
        # a headline quoting the interview after a noun and a colon: no speaker's label
        ("Fachkräfte: „Wir müssen früher ausbilden“", _interview("strong", "Frau Weber")),
        ("Fachkräfte: „Wir müssen früher ausbilden“", _labelled_turns("Frage:", "Antwort:")),
        # a headline quoting the interviewee by name: the questions still are the interview's
        ("Anna Weber: „Wir müssen früher ausbilden“", _interview("b", "Frau Weber")),
    ],
)
def test_headline_quote_is_no_speaker_turn(headline: str, turns: str) -> None:
    html = _HEADLINE_QUOTE.format(headline=headline, turns=turns)
    record = _record(html, "https://www.kammer-beispiel.de/aktuelles/interview-fachkraefte")
    assert [p.question for p in record.qa] == [
        q.format(address="Frau Weber") for q, _ in _QUESTIONS
    ]
    assert [p.answer for p in record.qa] == [a for _, a in _QUESTIONS]


# -- 3. a printed German date wins over a UTC stamp one day later ------------------------------

_TEXT_POLITICS = (
    "<p>Die Regierung hat am Dienstagabend ein neues Sparpaket vorgestellt. Es sieht Kürzungen bei "
    "den Subventionen für Energie und Verkehr vor und soll das Defizit deutlich senken.</p>"
    "<p>Die Opposition kritisierte die Pläne scharf. Sie warf der Regierung vor, die Lasten "
    "einseitig auf Rentner und Arbeitnehmer abzuwälzen.</p>"
)
_SCRIPT_STAMP = (
    '<html><head><script>window.__DATA__ = {{"article": {{"publishedAt": '
    '"2026-06-03T01:20:00Z"}}}};</script></head><body><main><article>'
    "<h1>Regierung kündigt neues Sparpaket an</h1><span class='fecha'>{printed}</span>"
    f"{_TEXT_POLITICS}</article></main></body></html>"
)
_META_STAMP = (
    "<html><head><meta property='article:published_time' content='2026-06-03T01:20:00Z'></head>"
    "<body><div class='layout-container'><main><div class='node'><h1>Regierung kündigt neues "
    "Sparpaket an</h1><div class='submitted'><span>{printed}</span></div>"
    f"<div class='field--name-body'>{_TEXT_POLITICS}</div></div></main></div></body></html>"
)


@pytest.mark.parametrize("template", [_SCRIPT_STAMP, _META_STAMP])
@pytest.mark.parametrize(
    "printed",
    [
        "Veröffentlicht: 2. Juni 2026, 22:20 Uhr",
        "Erstellt: 02.06.2026, 22:20 Uhr",
        "2. Jun. 2026, 22:20 Uhr",
        "Dienstag, 2. Juni 2026",
    ],
)
def test_printed_german_day_wins_over_next_day_utc_stamp(template: str, printed: str) -> None:
    html = template.format(printed=printed)
    record = _record(html, "https://www.diario-beispiel.com.ar/de/politik/sparpaket")
    assert record.published == dt.date(2026, 6, 2)
    assert printed not in _text(record)


# -- 4. a German page that declares no language is German, short or long -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "<h1>Brücke eröffnet</h1><p>Die neue Brücke über den Rhein ist seit Montag offen.</p>",
        "<h1>Der Hafen wächst</h1><p>Der Hafen in Antwerpen und Rotterdam wird größer. Die "
        "Schiffe kommen aus Asien, der Verkehr nimmt zu, und die Stadt plant neue Terminals.</p>",
        f"<h1>Stadtwerke bauen Solarpark</h1>{_TEXT}{_TEXT_POLITICS}",
    ],
)
def test_undeclared_german_page_is_german(text: str) -> None:
    html = f"<html><body><main><article>{text}</article></main></body></html>"
    assert _record(html, "https://www.example.org/artikel/123").lang == "de"
