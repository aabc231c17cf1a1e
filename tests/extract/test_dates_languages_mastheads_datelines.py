"""Adversarial date pages on the generic profile (an unknown site): month names and
date labels of more languages, as vocabulary data (Polish, Czech, Ukrainian, Swedish, Danish and
Norwegian, Finnish, Turkish, Indonesian, Romanian, Greek). Before them, a page in one of these
languages printing its day under the headline lost to a generic `date` meta tag (a template's
render date), and an "Updated" line alone was taken by the htmldate fallback as the publication."""

from __future__ import annotations

import tomllib

import pytest

from scraper.dates import LANGUAGES, VOCABULARY_DIR, labelled_date, parse_date_text
from scraper.extract import extract_article
from scraper.sites import generic_profile
from scraper.text import fold

P = "<p>{}</p>"
BODY = P.format(
    "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Brücke über den Fluss bis zum Herbst zu sanieren und den Verkehr solange umzuleiten."
) + P.format(
    "Die Kosten von rund zwei Millionen Euro trägt zum größten Teil das Land, den Rest übernimmt die Gemeinde aus ihren Rücklagen, wie der Bürgermeister sagte."
)
URL = "https://www.example.net/news/most-naprawa-a123456.html"
#: a template's render date in the generic meta tag: older than the article, a weak signal
WEAK_META = "<meta name='date' content='2023-11-20'>"


def page(lang: str, head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>Most</title>"
        f"{head}</head><body>{body}</body></html>"
    )


def record(html: str, url: str = URL) -> dict[str, object]:
    return extract_article(html.encode(), url, profile=generic_profile()).to_dict()


# the date line under the headline, as each language's sites print it (the day is 3 March 2024)
DATE_LINES = [
    ("pl", "<h1>Most zostanie wyremontowany</h1>", "3 marca 2024, 14:05"),
    ("pl", "<h1>Remont mostu</h1>", "Wtorek, 3 marca 2024"),
    ("cs", "<h1>Most bude opraven</h1>", "3. března 2024 14:05"),
    ("uk", "<h1>Міст відремонтують</h1>", "3 березня 2024, 14:05"),
    ("da", "<h1>Broen skal renoveres</h1>", "3. marts 2024 kl. 14.05"),
    ("fi", "<h1>Silta korjataan</h1>", "3. maaliskuuta 2024"),
    ("tr", "<h1>Köprü onarılacak</h1>", "3 Mart 2024, 14:05"),
    ("tr", "<h1>Köprü onarımı</h1>", "3 MAYIS 2024"),
    ("id", "<h1>Jembatan akan diperbaiki</h1>", "Minggu, 3 Maret 2024 14:05 WIB"),
    ("ro", "<h1>Podul va fi reparat</h1>", "3 martie 2024, 14:05"),
    ("el", "<h1>Η γέφυρα θα επισκευαστεί</h1>", "3 Μαρτίου 2024"),
]


@pytest.mark.parametrize(("lang", "h1", "line"), DATE_LINES)
def test_printed_day_beats_generic_meta_date(lang: str, h1: str, line: str) -> None:
    html = page(
        lang, WEAK_META, f"<article>{h1}<div class='meta'><span>{line}</span></div>{BODY}</article>"
    )
    expected = "2024-05-03" if "MAYIS" in line else "2024-03-03"
    assert record(html)["published"] == expected


@pytest.mark.parametrize(
    ("lang", "line", "published", "modified"),
    [
        ("pl", "Opublikowano: 3 marca 2024, 14:05", "2024-03-03", None),
        ("pl", "Aktualizacja: 04.03.2024", None, "2024-03-04"),
        ("cs", "Aktualizováno 4. března 2024", None, "2024-03-04"),
        ("sv", "Publicerad 3 mars 2024 · Uppdaterad 4 mars 2024", "2024-03-03", "2024-03-04"),
        ("da", "Opdateret 04.03.2024 kl. 10.00", None, "2024-03-04"),
        ("tr", "Yayınlanma: 03.03.2024 - Güncelleme: 04.03.2024", "2024-03-03", "2024-03-04"),
        ("uk", "Оновлено: 4 березня 2024", None, "2024-03-04"),
        ("ro", "Actualizat la 4 martie 2024", None, "2024-03-04"),
    ],
)
def test_labels_of_more_languages(
    lang: str, line: str, published: str | None, modified: str | None
) -> None:
    """A labelled publication date is read; an "Updated" date shown alone gives a modification
    day and no publication day (not the htmldate fallback's reading of the same line)."""
    html = page(lang, "", f"<article><h1>Most</h1><p class='meta'>{line}</p>{BODY}</article>")
    got = record(html)
    assert (got["published"], got["modified"]) == (published, modified)


def test_month_names_name_one_month_each() -> None:
    """A folded month name (any language, any abbreviation) names one month: a new language's
    name may not read another's month ("listopad" is November in Polish and Czech alike)."""
    months: dict[str, int] = {}
    for lang in LANGUAGES:
        data = tomllib.loads((VOCABULARY_DIR / f"{lang}.toml").read_text(encoding="utf-8"))
        for number, names in data["months"].items():
            for name in names:
                assert months.setdefault(fold(name), int(number)) == int(number), (lang, name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 października 2023", "2023-10-12"),
        ("1. července 2022", "2022-07-01"),
        ("5 Ağustos 2021", "2021-08-05"),
        ("5 AĞUSTOS 2021", "2021-08-05"),
        ("7 Desember 2020", "2020-12-07"),
        ("9 Δεκεμβρίου 2019", "2019-12-09"),
        ("2 heinäkuuta 2018", "2018-07-02"),
        ("Marzec 2024", None),  # a month and a year: no day
    ],
)
def test_month_names_parse(text: str, expected: str | None) -> None:
    value = parse_date_text(text)
    assert (value.isoformat() if value else None) == expected


def test_label_needs_its_date() -> None:
    """A label followed by something else than a date gives nothing ("Aktualizacja: wkrótce")."""
    assert labelled_date("Aktualizacja: wkrótce, 3 marca 2024", "modified") is None


# ---- the site's masthead prints today's date: before the site's menu, the frame's, not the article's
MENU = (
    "<nav><ul><li><a href='/'>Start</a></li><li><a href='/politik'>Politik</a></li>"
    "<li><a href='/wirtschaft'>Wirtschaft</a></li><li><a href='/sport'>Sport</a></li>"
    "<li><a href='/kultur'>Kultur</a></li><li><a href='/reise'>Reise</a></li>"
    "<li><a href='/wissen'>Wissen</a></li></ul></nav>"
)


def test_masthead_date_before_the_menu_is_not_the_article_s() -> None:
    html = page(
        "de",
        "<meta name='date' content='2024-03-03'>",
        "<div id='kopf'><div class='datum'>Dienstag, 12. März 2024</div>"
        f"<a href='/'><img src='/logo.png' alt='Zeitung'></a></div>{MENU}"
        f"<div id='inhalt'><h1>Brücke wird saniert</h1>{BODY}</div>",
    )
    assert record(html)["published"] == "2024-03-03"


def test_masthead_date_leaves_the_byline_date() -> None:
    menu = MENU.replace("<nav>", "<div role='navigation'>").replace("</nav>", "</div>")
    html = page(
        "en",
        "",
        "<div class='top'><span>Tuesday, March 12, 2024</span> <a href='/subscribe'>Subscribe</a></div>"
        f"{menu}<div class='story'><h1>Council to repair the bridge</h1>"
        f"<p class='byline'>By Jane Doe | March 3, 2024</p>{BODY}</div>",
    )
    assert record(html, "https://news.example.com/council-bridge")["published"] == "2024-03-03"


def test_a_breadcrumb_is_no_menu() -> None:
    """A date line above a breadcrumb trail above the headline is still the article's: adding the
    trail changes nothing."""
    crumbs = "<nav aria-label='Breadcrumb'><ol><li><a href='/'>Start</a></li><li><a href='/lokales'>Lokales</a></li></ol></nav>"
    body = (
        "<div class='kopf'><p class='datum'>03.03.2024</p>{}</div><h1>Brücke wird saniert</h1>"
        + BODY
    )
    with_trail = record(page("de", "<meta name='date' content='2023-11-20'>", body.format(crumbs)))
    without = record(page("de", "<meta name='date' content='2023-11-20'>", body.format("")))
    assert with_trail["published"] == without["published"] == "2024-03-03"


# ---- a caption dates its picture, a sentence opening with a day dates an event
LONG_DE = "beginnt die Sanierung der Brücke über den Fluss, wie der Gemeinderat am Dienstagabend nach langer Debatte beschlossen hat."
LONG_EN = "the council will start repairing the bridge over the river, after a long debate on Tuesday evening about the cost of the works."


@pytest.mark.parametrize(
    ("lang", "figure"),
    [
        (
            "de",
            "<figure><img src='a.jpg'><figcaption>Die Brücke am 12.02.2024. Foto: dpa</figcaption></figure>",
        ),
        (
            "en",
            "<figure><img src='a.jpg'><p class='credit'>The bridge on February 12, 2024</p></figure>",
        ),
    ],
)
def test_a_caption_s_day_is_not_the_article_s(lang: str, figure: str) -> None:
    html = page(
        lang,
        "<meta name='date' content='2024-03-03'>",
        f"<article><h1>Die Brücke</h1>{figure}{BODY}</article>",
    )
    assert record(html)["published"] == "2024-03-03"


@pytest.mark.parametrize(
    ("lang", "opening"),
    [("de", f"Am 15.04.2024 {LONG_DE}"), ("en", f"On April 15, 2024 {LONG_EN}")],
)
def test_an_event_day_opening_a_sentence_is_no_dateline(lang: str, opening: str) -> None:
    html = page(
        lang,
        "<meta name='date' content='2024-03-03'>",
        f"<article><h1>Die Brücke</h1><p>{opening}</p>{BODY}</article>",
    )
    assert record(html)["published"] == "2024-03-03"


@pytest.mark.parametrize(
    ("lang", "opening"),
    [
        ("en", f"WASHINGTON March 3, 2024 — {LONG_EN}"),
        ("de", f"Hafenstadt (03.03.2024). Am Dienstag {LONG_DE}"),
        (
            "fr",
            "Namur, le 3 mars 2024 – Le conseil communal a décidé mardi soir de réparer le pont sur la rivière d'ici l'automne.",
        ),
    ],
)
def test_a_dateline_still_dates_the_article(lang: str, opening: str) -> None:
    html = page(lang, "", f"<article><h1>Die Brücke</h1><p>{opening}</p>{BODY}</article>")
    assert record(html, "https://www.example.net/news/bruecke")["published"] == "2024-03-03"


# ---- script data: schema.org's other kinds of Article, ISO's basic form
def _ld(data: str) -> str:
    return f"<script type='application/ld+json'>{data}</script>"


@pytest.mark.parametrize(
    "data",
    [
        # a forum thread: the post's dateCreated, its replies' datePublished (later)
        '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Bridge",'
        ' "dateCreated": "2024-03-12T09:00:00+01:00",'
        ' "comment": [{"@type": "Comment", "datePublished": "2024-04-01T10:00:00+02:00"}]}',
        # an opinion piece beside a video published a year before
        '[{"@context": "https://schema.org", "@type": "VideoObject", "name": "Clip", "uploadDate": "2023-05-01"},'
        ' {"@context": "https://schema.org", "@type": "OpinionNewsArticle", "headline": "Bridge",'
        ' "datePublished": "2024-03-12T09:00:00+01:00"}]',
    ],
)
def test_article_kinds_of_schema_org_date_the_page(data: str) -> None:
    html = page(
        "en",
        _ld(data),
        f"<article><h1>Bridge</h1>{BODY}</article>"
        "<div class='comments'><p>Great</p><p>April 1, 2024</p></div>",
    )
    assert record(html)["published"] == "2024-03-12"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("<meta name='pubdate' content='20240312'>", "2024-03-12"),
        ("<meta property='article:published_time' content='20240312T101500Z'>", "2024-03-12"),
        ("<meta name='pubdate' content='20241312'>", None),  # no month 13: no day
    ],
)
def test_iso_basic_form_in_meta(meta: str, expected: str | None) -> None:
    assert (
        record(page("en", meta, f"<article><h1>Bridge</h1>{BODY}</article>"))["published"]
        == expected
    )


# ---- a byline too long for a date line still dates the article at one of its ends
@pytest.mark.parametrize(
    ("lang", "byline"),
    [
        (
            "de",
            "Von Hans Müller und Petra Schmidt, Korrespondenten in Berlin | 12.03.2024, 14:05 Uhr",
        ),
        (
            "fr",
            "Par Jean Dupont et Marie Martin, nos correspondants à Bruxelles, le 12 mars 2024 à 14h05",
        ),
        (
            "es",
            "Por Juan Pérez y María García, corresponsales en Madrid · 12 de marzo de 2024 - 14:05 CET",
        ),
        (
            "en",
            "12.03.2024 <span>Reading time: 4 minutes</span> <span>By Jonathan Richardson-Smith</span>",
        ),
    ],
)
def test_a_long_byline_s_date_beats_the_generic_meta_date(lang: str, byline: str) -> None:
    html = page(
        lang,
        WEAK_META,
        f"<article><h1>Die Brücke</h1><div class='byline'>{byline}</div>{BODY}</article>",
    )
    assert record(html)["published"] == "2024-03-12"


@pytest.mark.parametrize(
    "standfirst",
    [
        "Die Brücke über den Fluss ist wegen der Sanierung ab dem 15.04.2024 gesperrt",
        "The bridge over the river will be closed for repairs from April 15, 2024 until the autumn",
    ],
)
def test_a_day_inside_a_standfirst_is_no_byline_date(standfirst: str) -> None:
    html = page(
        "de",
        WEAK_META,
        f"<article><h1>Die Brücke</h1><p class='teaser'>{standfirst}</p>{BODY}</article>",
    )
    assert record(html)["published"] == "2023-11-20"


# ---- a table of facts about the page names its publication day, wherever the box sits
def test_a_publication_fact_in_a_sidebar_box_dates_the_page() -> None:
    """A press office's info box beside the text, next to a list of other releases' days (the
    days htmldate would take)."""
    html = page(
        "de",
        "",
        "<div id='kopf'><h1><a href='/'>Landesportal</a></h1></div>"
        f"<div id='inhalt'><h2>Brücke wird saniert</h2>{BODY}</div>"
        "<aside class='sidebar'><table class='infobox'><tr><th>Herausgeber</th><td>Ministerium</td></tr>"
        "<tr><th>Veröffentlicht am</th><td>12.03.2024</td></tr></table>"
        "<ul class='links'><li><a href='/a'>Andere Meldung</a> 01.02.2024</li>"
        "<li><a href='/b'>Noch eine</a> 02.02.2024</li></ul></aside>",
    )
    assert record(html, "https://www.land.example.de/pm/bruecke")["published"] == "2024-03-12"


def test_the_value_of_another_label_is_no_date_line() -> None:
    """A member box under a forum post's title: "Registriert:" | "03.04.2015" is when the author
    joined, not the post's day (the generic meta date stays)."""
    html = page(
        "de",
        "<meta name='date' content='2024-03-12'>",
        "<div class='post'><h1>Brücke wird saniert</h1><dl class='userinfo'><dt>Registriert:</dt>"
        f"<dd>03.04.2015</dd><dt>Beiträge:</dt><dd>1.204</dd></dl>{BODY}</div>",
    )
    assert record(html, "https://forum.example.de/thread/bruecke")["published"] == "2024-03-12"
