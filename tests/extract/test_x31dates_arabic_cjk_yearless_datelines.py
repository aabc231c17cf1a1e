"""Three more date kinds of generic news sites far from Brussels, where the day printed under
the headline stands against a UTC stamp one day away (DECISIONS: a timestamp's day).

Arabic month names: no Arabic vocabulary, so "الخميس ٥ مارس ٢٠٢٦" (Arabic-Indic digits) printed
under the headline was no date, and the UTC stamp of the evening before (Gulf, UTC+4) gave the
day. `scraper/vocabulary/dates/ar.toml` now names the months (Egypt and the Gulf: "مارس"; the
Levant and Iraq: "آذار"), day names and labels. Shown on a Gulf page and a sibling Levant page
(western digits, an "آخر تحديث" line: the modification day).

A day printed with the month and day marks and no year ("3月6日 0時30分"), beside a UTC stamp of
the evening before (Japan, UTC+9), on a URL without a year: only dates with the year's mark were
read. A yearless date of the marks is now read like "June 3" (`dates` yearless form), in the year
nearest the stamp's day. Shown in Japanese and a sibling Chinese page (UTC+8).

A wire dateline whose place is no capitals ("Monterrey (México), 5 mar (EFE).- …", "Roma, 6 mar
(Agenzia) - …") opening the text, no year in it nor in the URL, beside a UTC stamp one day away
(the next morning in Mexico, the evening before in Rome): only capitals' datelines were read
without a year. The dateline's place is now judged as for a dated dateline
(`published._dateline_place`). Shown in Spanish and a sibling Italian page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.reading import read

_AR = (
    "<p>أعلنت وزارة الصحة يوم الخميس عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف أكثر من "
    "مليوني طفل في جميع المحافظات.</p>"
    "<p>وقالت الوزارة في بيان إن الحملة ستستمر أسبوعين وستشارك فيها فرق متنقلة للوصول إلى "
    "القرى والمناطق النائية.</p>"
)
_JA = (
    "<p>政府は五日、地方の中小企業を支援するための新たな補助金制度を発表した。対象となるのは"
    "従業員二十人以下の企業で、設備投資の費用の一部を補助する。</p>"
    "<p>経済産業省によると、制度の予算は約三百億円で、来月から申請の受け付けを始める。"
    "地方の商工会議所を通じて説明会も開く予定だという。</p>"
)
_ZH = (
    "<p>市政府周四宣布，将在未来三年内投资五十亿元改造老旧小区，涉及全市超过两百个社区的约"
    "十万户居民。</p><p>根据计划，改造内容包括加装电梯、更新供水管道和增加停车位，首批项目"
    "将于今年下半年开工。</p>"
)
_ES = (
    "<p>El programa contempla créditos a tasa preferente y un fondo de garantía que, según las "
    "autoridades, beneficiará a más de cuarenta mil familias en seis estados.</p>"
)
_IT = (
    "<p>Il piano vale circa centoventi milioni di euro in cinque anni e punta a ridurre i tempi "
    "di viaggio dei pendolari che raggiungono il capoluogo ogni giorno.</p>"
)


def _ar_gulf() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        "<title>حملة وطنية للتطعيم ضد الحصبة - صحيفة المثال</title>"
        "<meta property='article:published_time' content='2026-03-04T21:30:00Z'></head><body>"
        "<div class='header'><a href='/'>صحيفة المثال</a></div><article>"
        "<h1>حملة وطنية للتطعيم ضد الحصبة</h1><div class='meta'><span class='date'>"
        f"الخميس ٥ مارس ٢٠٢٦ - ٠١:٣٠</span></div>{_AR}</article></body></html>",
        "https://www.sahifa-example.ae/news/measles-campaign",
    )


def _ar_levant() -> tuple[str, str]:
    jsonld = '{"@type":"NewsArticle","datePublished":"2026-03-04T22:15:00Z"}'
    return (
        "<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        "<title>الصحة تطلق حملة التطعيم | جريدة الشام المثال</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body>"
        "<nav class='menu'><a href='/'>الرئيسية</a> <a href='/local'>محليات</a></nav>"
        "<div class='post'><h1 class='post-title'>الصحة تطلق حملة التطعيم</h1>"
        "<ul class='post-meta'><li>الخميس 5 آذار 2026</li><li>آخر تحديث: 6 آذار 2026</li></ul>"
        f"<div class='post-content'>{_AR}</div></div></body></html>",
        "https://www.jaridat-sham-example.sy/local/vaccination-campaign",
    )


def _ja() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'>"
        "<title>補助金制度を発表｜ニュース</title>"
        "<meta property='article:published_time' content='2026-03-05T15:30:00Z'></head><body>"
        "<div class='hd'><a href='/'>ニュース</a></div><article><h1>補助金制度を発表</h1>"
        f"<p class='date'>3月6日 0時30分</p>{_JA}</article></body></html>",
        "https://news-example.jp/politics/hojokin",
    )


def _zh() -> tuple[str, str]:
    jsonld = '{"@type":"NewsArticle","datePublished":"2026-03-05T23:30:00Z"}'
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<title>老旧小区改造启动_城市新闻网</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body>"
        "<div class='top'><a href='/'>城市新闻网</a></div><div class='article'>"
        "<h1>老旧小区改造启动</h1><div class='info'><span>3月6日 07:30</span> "
        f"<span>来源：城市日报</span></div>{_ZH}</div></body></html>",
        "https://www.chengshi-news-example.cn/city/gaizao.html",
    )


def _es() -> tuple[str, str]:
    return (
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        "<title>Bloqueos en el norte | Noticias</title>"
        "<meta property='article:published_time' content='2026-03-06T04:10:00Z'></head><body>"
        "<div class='cab'><a href='/'>Noticias</a></div><div class='nota'>"
        "<h1>Bloqueos en el norte</h1><p>Monterrey (México), 5 mar (EFE).- Productores de maíz "
        "de seis estados mantuvieron este jueves los bloqueos en carreteras del norte del "
        f"país.</p>{_ES}</div></body></html>",
        "https://www.noticias-ejemplo.com/internacional/bloqueos-norte",
    )


def _it() -> tuple[str, str]:
    jsonld = '{"@type":"NewsArticle","datePublished":"2026-03-05T23:20:00Z"}'
    return (
        "<!doctype html><html lang='it'><head><meta charset='utf-8'>"
        "<title>Trasporti, approvata la riforma - Notiziario Esempio</title>"
        f"<script type='application/ld+json'>{jsonld}</script></head><body>"
        "<header class='testata'><a href='/'>Notiziario</a></header><article class='articolo'>"
        "<h1>Trasporti, approvata la riforma</h1><div class='testo'><p>Roma, 6 mar (Agenzia) - "
        "Il consiglio regionale ha approvato nella notte la riforma del trasporto pubblico locale, "
        f"con nuove linee di autobus.</p>{_IT}</div></article></body></html>",
        "https://www.notiziario-esempio.it/politica/trasporti-riforma",
    )


_PAGES = {
    "Arabic month, Arabic-Indic digits (ar, Gulf)": (_ar_gulf, "2026-03-05", None),
    "Arabic month, Levant names (ar)": (_ar_levant, "2026-03-05", "2026-03-06"),
    "yearless month and day marks (ja)": (_ja, "2026-03-06", None),
    "yearless month and day marks (zh)": (_zh, "2026-03-06", None),
    "yearless dateline, place in lower case (es)": (_es, "2026-03-05", None),
    "yearless dateline, place in lower case (it)": (_it, "2026-03-06", None),
}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_the_printed_day_beats_a_stamp_a_day_away(name: str) -> None:
    page, published, modified = _PAGES[name]
    record = read(*page())
    assert (record.published, record.modified) == (_day(published), _day(modified))


@pytest.mark.parametrize("name", sorted(_PAGES))
def test_a_closing_line_added_keeps_the_dates(name: str) -> None:
    page, _, _ = _PAGES[name]
    html, url = page()
    edited = html.replace("</body>", "<div class='fin'>© 2026</div></body>", 1)
    before, after = read(html, url), read(edited, url)
    assert (after.published, after.modified) == (before.published, before.modified)
