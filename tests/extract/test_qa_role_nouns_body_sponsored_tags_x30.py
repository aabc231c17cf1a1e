"""Interviews and bodies of generic news pages, each kind on a page written here and on a sibling
of another template or language.

1. A Dutch or German speaker named with a capitalised job-title noun in front ("Havendirecteur
   Rosalie Richardson vertelt…", "Winzerin Katrin Müller erzählt…"): the role noun is the
   person's role, never part of the name the turns are credited to.
2. A sponsor box ("Sponsored", "Gesponsert", "Anzeige", "Sponsorisé": a label line, then a short
   promotion with a link) set between two turns of an interview, or in a newsletter's text, is
   an advertisement: never part of an answer, nor of the body.
3. A picture's caption set in a plain paragraph under the image ("… (Foto: …)"), with no
   `<figure>`, and a tags line ("Mots-clés : a, b, c", "Schlagwörter: …", a label then a list of
   links) are furniture: never body text.
"""

from __future__ import annotations

from tests.extract.reading import lead_and_body, read


def _news(lang: str, title: str, content: str, *, site: str = "Stadsblad") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | '
        f"{site}</title></head><body><header><nav><a href='/'>{site}</a> <a href='/regio'>"
        f"Regio</a></nav></header><main><article><h1>{title}</h1>{content}</article></main>"
        f"<footer><p>© 2026 {site}</p></footer></body></html>"
    )


def _turns(turns: list[tuple[str, str]], between: str = "", at: int = 1) -> str:
    out = []
    for i, (q, a) in enumerate(turns):
        if i == at and between:
            out.append(between)
        out.append(f"<p><strong>{q}</strong></p><p>{a}</p>")
    return "".join(out)


_HAVEN_NL = _news(
    "nl",
    "Havendirecteur Rosalie Richardson: ‘De haven moet groener’",
    "<p class='intro'>De haven van Antwerpen-Brugge wil tegen 2030 de helft minder uitstoten. "
    "Havendirecteur Rosalie Richardson vertelt hoe ze dat wil aanpakken.</p>"
    + _turns(
        [
            (
                "Waarom moet de haven nu vergroenen?",
                "We zien dat klanten erom vragen. Rederijen willen walstroom en schone brandstof, "
                "en wie dat niet aanbiedt, verliest ze aan Rotterdam.",
            ),
            (
                "Wat kost die omschakeling?",
                "Ongeveer twee miljard euro over tien jaar. Een groot deel komt van Europa, de rest "
                "betalen we uit onze eigen investeringen.",
            ),
            (
                "Wanneer ziet de bezoeker het verschil?",
                "Volgend jaar al: de eerste walstroomkaaien gaan in de lente open, en de "
                "sleepboten varen dan op waterstof.",
            ),
        ]
    ),
)

_WEIN_DE = _news(
    "de",
    "Winzerin Katrin Müller: „Der Riesling braucht Geduld“",
    "<p class='intro'>Das Weingut am Kaiserstuhl stellt auf ökologischen Anbau um. Winzerin "
    "Katrin Müller erzählt, was das für die Ernte bedeutet.</p>"
    + _turns(
        [
            (
                "Warum stellen Sie jetzt auf Bio um?",
                "Weil die Böden müde sind. Wir haben drei Jahre lang getestet, und die Reben auf "
                "den ökologischen Parzellen waren gesünder.",
            ),
            (
                "Was bedeutet das für die Ernte?",
                "In den ersten Jahren ernten wir weniger, vielleicht ein Fünftel. Dafür werden "
                "die Weine dichter und halten länger.",
            ),
            (
                "Wann gibt es den ersten Bio-Jahrgang?",
                "Der Jahrgang 2027 trägt als erster das Siegel. Wir füllen ihn im Frühjahr 2028 "
                "ab.",
            ),
        ]
    ),
    site="Badische Rundschau",
)


def test_a_dutch_role_noun_before_the_name_is_no_part_of_the_speaker() -> None:
    record = read(_HAVEN_NL, "https://www.stadsblad.be/regio/haven-groener")
    assert len(record.qa) == 3
    assert {p.speaker for p in record.qa} == {"Rosalie Richardson"}


def test_a_german_role_noun_before_the_name_is_no_part_of_the_speaker() -> None:
    record = read(_WEIN_DE, "https://www.badische-rundschau.de/region/winzerin-bio")
    assert len(record.qa) == 3
    assert {p.speaker for p in record.qa} == {"Katrin Müller"}


_SPONSOR_DE = (
    "<div class='sponsor-box'><p class='label'>Gesponsert</p><p>Jetzt die neue Weinreise an "
    "die Mosel buchen: drei Tage, zehn Weingüter, alles inklusive. "
    "<a href='https://partner.example/mosel'>Mehr erfahren</a></p></div>"
)

_WEIN_SPONSORED_DE = _news(
    "de",
    "Winzer Jonas Becker: „Wir brauchen mehr Hände“",
    "<p class='intro'>Die Lese beginnt früher als je zuvor. Jonas Becker erzählt, warum ihm "
    "die Helfer fehlen.</p>"
    + _turns(
        [
            (
                "Warum beginnt die Lese so früh?",
                "Der Sommer war heiß und trocken. Die Trauben sind zwei Wochen früher reif als "
                "noch vor zwanzig Jahren.",
            ),
            (
                "Woher kommen Ihre Helfer?",
                "Früher aus Polen und Rumänien, heute immer öfter aus dem Dorf selbst. Aber es "
                "reicht nicht.",
            ),
        ],
        between=_SPONSOR_DE,
    ),
    site="Badische Rundschau",
)


def test_a_sponsor_box_between_two_turns_is_no_part_of_the_answer() -> None:
    record = read(_WEIN_SPONSORED_DE, "https://www.badische-rundschau.de/region/lese")
    assert len(record.qa) == 2
    assert "Weinreise" not in record.qa[0].answer
    assert "Weinreise" not in (record.body or "")


_NEWSLETTER_EN = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The week in cities'
    "</title></head><body><div id='content-blocks'><h1>The week in cities</h1>"
    "<p>Three cities changed how their buses pay this week, and the results came in fast.</p>"
    "<p>Lyon dropped fares on weekends. Ridership rose by a fifth in a month, and the city "
    "says the loss in tickets is smaller than the saving on congestion.</p>"
    "<div class='sponsored'><h3>Sponsored</h3><p>Ship faster with CloudDeploy: push to "
    "production in one click, free for small teams. <a href='https://clouddeploy.example/'>"
    "Try it free</a></p></div>"
    "<p>Ghent moved its ticket machines onto the buses themselves. Waiting times at the stops "
    "fell by two minutes on average.</p>"
    "<p>Leipzig is testing a flat monthly pass for every line in the region, for twenty euros.</p>"
    "</div><footer><p>You are receiving this because you subscribed.</p></footer></body></html>"
)


def test_a_sponsored_block_in_a_newsletter_is_no_body() -> None:
    record = read(_NEWSLETTER_EN, "https://cities.beehiiv.com/p/the-week-in-cities")
    assert "Leipzig" in (record.body or "")
    assert "CloudDeploy" not in (record.body or "")


_CAPTION_DE = _news(
    "de",
    "Neue Fähre verbindet Konstanz und Meersburg",
    "<div class='image'><img src='/img/faehre.jpg' alt=''></div><div><p>Die neue Fähre bei "
    "ihrer ersten Probefahrt vor Konstanz. (Foto: Lena Schreiber)</p></div>"
    "<p>Ab Montag fährt die erste elektrische Fähre über den Bodensee. Sie bietet Platz für "
    "vierzig Autos und dreihundert Fahrgäste.</p>"
    "<p>Die Fähre lädt ihre Batterien in den zwanzig Minuten, die sie in Meersburg anlegt. Die "
    "Stadtwerke rechnen mit einer Ersparnis von 600 Tonnen Diesel im Jahr.</p>"
    "<p>Schlagwörter: <a href='/tag/bodensee'>Bodensee</a>, <a href='/tag/faehre'>Fähre</a>, "
    "<a href='/tag/konstanz'>Konstanz</a></p>"
    "<p>Dieser Artikel erschien zuerst in unserer Samstagsausgabe, mit einer Karte aller "
    "Fährlinien am See.</p>",
    site="Badische Rundschau",
)

_CAPTION_FR = _news(
    "fr",
    "Un nouveau tram relie Liège et Herstal",
    "<p>Tags : <a href='/tag/tram'>tram</a> | <a href='/tag/liege'>Liège</a> | "
    "<a href='/tag/mobilite'>mobilité</a></p>"
    "<div class='wp-block-image'><div><img src='/img/tram.jpg' alt=''></div><div><p>La première "
    "rame à l'arrêt de Herstal, vendredi matin. (Photo : Marc Dubois)</p></div></div>"
    "<p>La ligne de tram prolongée ouvre ce samedi vers le nord. Les rames circuleront toutes "
    "les six minutes aux heures de pointe.</p>"
    "<p>Le chantier aura duré trois ans et coûté 120 millions d'euros, financés par la Région "
    "et l'Europe.</p>",
    site="Le Quotidien",
)


def test_a_plain_caption_above_the_text_and_the_tags_are_no_body() -> None:
    record = read(_CAPTION_DE, "https://www.badische-rundschau.de/region/faehre")
    text = lead_and_body(record)
    assert "dreihundert Fahrgäste" in text and "600 Tonnen" in text
    assert "Probefahrt" not in text
    assert "Schlagwörter" not in text and "Bodensee, Fähre" not in text


def test_a_plain_caption_and_a_tags_line_above_the_text_are_no_body_in_french() -> None:
    record = read(_CAPTION_FR, "https://www.lequotidien.be/regions/tram-herstal")
    text = lead_and_body(record)
    assert "six minutes" in text and "120 millions" in text
    assert "Marc Dubois" not in text and "première rame" not in text
    assert "Tags" not in text and "mobilité" not in text
