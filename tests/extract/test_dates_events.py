"""Event dates are not the publication date (issue 13, dates): a trade mission's or an event's
page lists its key facts (<dl>/<table>/list: Dates, Lieu, Secteur…) or announces the event
("Du 12 au 16 mars 2026", "van 12 tot 16 maart 2026", "March 12-16, 2026", "Deadline: 20
février 2026"). Read by structure:

- a range is two days, an event's, never one publication day (`dates.range_spans`; the words
  that join a range are vocabulary data, `range_words`);
- a fact whose label names no publication (<dt>Dates</dt>, <th>Registration deadline</th>,
  "Date limite d'inscription :") holds a field of the event, not the article's date;
- a range opening the text's first sentence is no dateline;
- htmldate's fallback may not return a day the page writes only as an event's.

Pages written here: hub-like pages under https://hub.brussels/{fr,nl,en}/ (hub_brussels
profile) and event/news templates of other sites (generic profile), in fr, nl and en."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.dates import range_spans
from scraper.extract import extract_article
from scraper.sites import profile_for_url

_HUB = (
    "<html lang='{lang}'><head><title>{title} | hub.brussels</title></head><body>"
    "<header class='site-header'><nav><a href='/'>hub.brussels</a>"
    "<a href='/{lang}/news/'>News</a></nav></header><main>{main}</main>"
    "<footer><p>© hub.brussels</p></footer></body></html>"
)
_EVENTS = (
    "<html lang='{lang}'><head><title>{title}</title></head><body><header><nav>"
    "<a href='/'>Home</a></nav></header><article>{main}</article>"
    "<footer>© 2026 Example</footer></body></html>"
)
_NEWS = (
    "<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} - Wire</title>"
    "</head><body><div id='top'><a href='/'>Wire</a></div><div class='story'>{main}</div>"
    "<div class='footer'>Wire © 2026</div></body></html>"
)

_FR = (
    "<p>Une délégation d'entreprises bruxelloises se rend à Montréal pour rencontrer des "
    "partenaires du secteur numérique et explorer le marché canadien.</p>"
    "<p>Le programme comprend des visites et des rendez-vous B2B.</p>"
)
_NL = (
    "<p>Een delegatie van Brusselse bedrijven trekt naar Montreal om partners uit de digitale "
    "sector te ontmoeten en de Canadese markt te verkennen.</p>"
    "<p>Het programma omvat bezoeken en B2B-afspraken.</p>"
)
_EN = (
    "<p>A delegation of Brussels companies travels to Montreal to meet partners in the digital "
    "sector and explore the Canadian market.</p><p>The programme includes visits and B2B "
    "meetings.</p>"
)

#: (name, url, frame, lang, title, main, published)
CASES: list[tuple[str, str, str, str, str, str, str | None]] = [
    # (a) a publication date under the headline, the key facts with the event's dates
    (
        "a_fr_hub_dl",
        "https://hub.brussels/fr/evenements/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><p class='date'>Publié le 2 février 2026</p>"
        "<dl class='facts'><dt>Dates</dt><dd>12–16 mars 2026</dd><dt>Lieu</dt><dd>Montréal</dd>"
        "<dt>Secteur</dt><dd>Numérique</dd></dl>" + _FR,
        "2026-02-02",
    ),
    (
        "a_nl_hub_table",
        "https://hub.brussels/nl/evenementen/missie-montreal/",
        _HUB,
        "nl",
        "Missie naar Montreal",
        "<h1>Missie naar Montreal</h1><p>2 februari 2026</p><table><tr><th>Data</th>"
        "<td>van 12 tot 16 maart 2026</td></tr><tr><th>Plaats</th><td>Montreal</td></tr></table>"
        + _NL,
        "2026-02-02",
    ),
    (
        "a_en_events_facts_first",
        "https://events.example.org/missions/montreal/",
        _EVENTS,
        "en",
        "Mission to Montreal",
        "<h1>Mission to Montreal</h1><table><tr><th>Dates</th><td>March 12-16, 2026</td></tr>"
        "<tr><th>Registration deadline</th><td>February 20, 2026</td></tr></table>"
        "<p class='byline'>Posted on January 28, 2026</p>" + _EN,
        "2026-01-28",
    ),
    # (b) no publication date shown: the event's dates, a range, a deadline only
    (
        "b_fr_hub_dl",
        "https://hub.brussels/fr/evenements/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><dl class='facts'><dt>Dates</dt><dd>12–16 mars 2026</dd>"
        "<dt>Lieu</dt><dd>Montréal</dd><dt>Secteur</dt><dd>Numérique</dd>"
        "<dt>Date limite d'inscription</dt><dd>20 février 2026</dd></dl>" + _FR,
        None,
    ),
    (
        "b_fr_hub_list",
        "https://hub.brussels/fr/evenements/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><ul><li>Dates : 16 mars 2026</li><li>Lieu : Montréal</li>"
        "</ul>" + _FR,
        None,
    ),
    (
        "b_nl_hub_range_deadline",
        "https://hub.brussels/nl/evenementen/missie-montreal/",
        _HUB,
        "nl",
        "Missie naar Montreal",
        "<h1>Missie naar Montreal</h1><p>Van 12 tot 16 maart 2026</p>"
        "<p><strong>Deadline:</strong> 20 februari 2026</p>" + _NL,
        None,
    ),
    (
        "b_en_hub_range_deadline",
        "https://hub.brussels/en/events/mission-montreal/",
        _HUB,
        "en",
        "Mission to Montreal",
        "<h1>Mission to Montreal</h1><p>March 12-16, 2026</p><p>Deadline: February 20, 2026</p>"
        + _EN,
        None,
    ),
    (
        "b_en_events_table",
        "https://events.example.org/missions/montreal/",
        _EVENTS,
        "en",
        "Mission to Montreal",
        "<h1>Mission to Montreal</h1><table><tr><th>Dates</th><td>March 12-16, 2026</td></tr>"
        "<tr><th>Registration deadline</th><td>February 20, 2026</td></tr></table>" + _EN,
        None,
    ),
    (
        "b_fr_events_lines",
        "https://agenda.example.fr/evenements/salon/",
        _EVENTS,
        "fr",
        "Salon du numérique",
        "<h1>Salon du numérique</h1><p>Du 12 au 16 mars 2026</p>"
        "<p>Date limite d'inscription : 20 février 2026</p>" + _FR,
        None,
    ),
    # (c) a range opening the text's first sentence: no dateline
    (
        "c_fr_hub_first_sentence",
        "https://hub.brussels/fr/news/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><p>Du 12 au 16 mars 2026, une délégation d'entreprises "
        "bruxelloises se rend à Montréal pour rencontrer des partenaires.</p>" + _FR,
        None,
    ),
    (
        "c_nl_hub_first_sentence",
        "https://hub.brussels/nl/news/missie-montreal/",
        _HUB,
        "nl",
        "Missie naar Montreal",
        "<h1>Missie naar Montreal</h1><p>Van 12 tot 16 maart 2026 trekt een delegatie van "
        "Brusselse bedrijven naar Montreal om partners te ontmoeten.</p>" + _NL,
        None,
    ),
    (
        "c_fr_news_range_colon",
        "https://wire.example.com/monde/mission-montreal/",
        _NEWS,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><p>12-16 mars 2026 : une délégation d'entreprises "
        "bruxelloises se rend à Montréal pour rencontrer des partenaires.</p>" + _FR,
        None,
    ),
    (
        "c_en_news_full_range",
        "https://wire.example.com/world/mission-montreal/",
        _NEWS,
        "en",
        "Mission to Montreal",
        "<h1>Mission to Montreal</h1><p>12 March 2026 - 16 March 2026: a delegation of Brussels "
        "companies travels to Montreal to meet partners there.</p>" + _EN,
        None,
    ),
    # (d) neutral siblings: a date alone, a publication fact, a dateline
    (
        "d_fr_hub_date_line",
        "https://hub.brussels/fr/news/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><p>12 mars 2026</p>" + _FR,
        "2026-03-12",
    ),
    (
        "d_fr_hub_publication_fact",
        "https://hub.brussels/fr/news/mission-montreal/",
        _HUB,
        "fr",
        "Mission à Montréal",
        "<h1>Mission à Montréal</h1><dl><dt>Date de publication</dt><dd>12 mars 2026</dd>"
        "<dt>Lieu</dt><dd>Montréal</dd></dl>" + _FR,
        "2026-03-12",
    ),
    (
        "d_nl_hub_labelled",
        "https://hub.brussels/nl/news/missie-montreal/",
        _HUB,
        "nl",
        "Missie naar Montreal",
        "<h1>Missie naar Montreal</h1><p>Gepubliceerd op 12 maart 2026</p>" + _NL,
        "2026-03-12",
    ),
    (
        "d_en_news_dateline",
        "https://wire.example.com/world/mission-montreal/",
        _NEWS,
        "en",
        "Mission to Montreal",
        "<h1>Mission to Montreal</h1><p>BRUSSELS, March 12, 2026 — A delegation of Brussels "
        "companies travels to Montreal to meet partners there.</p>" + _EN,
        "2026-03-12",
    ),
]


@pytest.mark.parametrize(
    ("url", "frame", "lang", "title", "main", "published"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_event_dates_are_no_publication(
    url: str, frame: str, lang: str, title: str, main: str, published: str | None
) -> None:
    html = frame.format(lang=lang, title=title, main=main)
    record = extract_article(html, url, profile=profile_for_url(url)).to_dict()
    assert record["published"] == published


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("12–16 mars 2026", "2026-03-12", "2026-03-16"),
        ("Du 12 au 16 mars 2026, une délégation", "2026-03-12", "2026-03-16"),
        ("van 12 tot 16 maart 2026", "2026-03-12", "2026-03-16"),
        ("March 12-16, 2026", "2026-03-12", "2026-03-16"),
        ("from March 12 to March 16, 2026", "2026-03-12", "2026-03-16"),
        ("12.03.2026 - 16.03.2026", "2026-03-12", "2026-03-16"),
    ],
)
def test_a_range_is_two_days(text: str, first: str, last: str) -> None:
    found = range_spans(text)
    assert found
    assert (found[0][2], found[0][3]) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize(
    "text", ["Publié le 2 février 2026", "12 mars 2026 à 14h", "Le 12 mars 2026, la ville"]
)
def test_a_day_alone_is_no_range(text: str) -> None:
    assert range_spans(text) == []
