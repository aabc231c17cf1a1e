"""Adversarial date and title pages on the generic profile (an unknown site): the kinds of date and
title misses filed with issue 13, written in varied templates and languages (German, Spanish,
Italian, Portuguese, French, Japanese, Chinese, Russian). Dates: a stamp's day with a foreign
offset, a UTC stamp just after midnight beside the printed day, a date only in script data or a
comment, stale generic meta dates beside the date under the headline, teaser and comment
`<time>`s, month names and labels per language (dotted, ISO and 年月日 forms), relative dates that
are no day, year-only answers. Titles: a kicker glued into the `<h1>`, a site's name and slogan
on a `<title>` fallback, an `<h1>` beside a breadcrumb, a slogan `<h1>` in the site bar."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

P = "<p>{}</p>"
BODY_DE = P.format(
    "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Brücke über den Fluss bis zum Herbst zu sanieren und den Verkehr solange umzuleiten."
) + P.format(
    "Die Kosten von rund zwei Millionen Euro trägt zum größten Teil das Land, den Rest übernimmt die Gemeinde aus ihren Rücklagen, wie der Bürgermeister sagte."
)
BODY_EN = P.format(
    "The council voted on Tuesday evening after a long debate to repair the bridge over the river by the autumn and to divert traffic for the duration of the works."
) + P.format(
    "The cost of around two million euros will be borne mostly by the region, with the town paying the rest from its reserves, the mayor said."
)
BODY_ES = P.format(
    "El ayuntamiento aprobó el martes por la noche, tras un largo debate, reparar el puente sobre el río antes del otoño y desviar el tráfico mientras duren las obras."
) + P.format(
    "El coste, de unos dos millones de euros, lo asumirá en su mayor parte la región, y el municipio pagará el resto con sus reservas, según dijo el alcalde."
)
BODY_IT = P.format(
    "Il consiglio comunale ha deciso martedì sera, dopo un lungo dibattito, di riparare il ponte sul fiume entro l'autunno e di deviare il traffico per tutta la durata dei lavori."
) + P.format(
    "Il costo di circa due milioni di euro sarà sostenuto in gran parte dalla regione, mentre il comune pagherà il resto con le sue riserve, ha detto il sindaco."
)
BODY_PT = P.format(
    "A câmara municipal decidiu na terça-feira à noite, depois de um longo debate, reparar a ponte sobre o rio até ao outono e desviar o trânsito durante as obras."
) + P.format(
    "O custo de cerca de dois milhões de euros será suportado em grande parte pela região, e o município pagará o resto com as suas reservas, disse o presidente."
)
BODY_JA = P.format(
    "市議会は火曜日の夜、長い議論の末、秋までに川に架かる橋を修理し、工事期間中は交通を迂回させることを決定した。費用は約二百万ユーロで、大部分を県が負担する。"
) + P.format(
    "残りは市が積立金から支払うと市長は述べた。工事は来月から始まる予定で、住民説明会も開かれる。"
)
BODY_ZH = P.format(
    "市议会周二晚上经过长时间辩论后决定，在秋季之前修复河上的桥梁，并在施工期间改道交通。费用约为两百万欧元，大部分由地区承担。"
) + P.format(
    "市长表示，其余部分将由市政府从储备金中支付。工程预计下个月开始，届时将举行居民说明会。"
)
BODY_RU = P.format(
    "Городской совет во вторник вечером после долгих дебатов решил отремонтировать мост через реку до осени и перенаправить движение на время работ."
) + P.format(
    "Расходы около двух миллионов евро в основном возьмет на себя регион, остальное город оплатит из резервов, сообщил мэр."
)
BODY_FR = P.format(
    "Le conseil municipal a décidé mardi soir, après un long débat, de réparer le pont sur la rivière d'ici l'automne et de dévier la circulation pendant toute la durée des travaux."
) + P.format(
    "Le coût d'environ deux millions d'euros sera pris en charge en grande partie par la région, la commune payant le reste sur ses réserves, a indiqué le maire."
)


def page(lang: str, head: str, body: str, title: str = "Brücke wird saniert") -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body>{body}</body></html>"
    )


CASES: list[tuple[str, str, str, str, str, str | None]] = []


def case(kind: str, name: str, html: str, url: str, field: str, expected: str | None) -> None:
    CASES.append((kind, name, html, url, field, expected))


# ---- D1 zone: a stamp with a foreign offset keeps its own day
case(
    "zone",
    "us-jsonld-evening",
    page(
        "en",
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","headline":"Council votes to repair the river bridge","datePublished":"2024-03-05T21:40:00-05:00"}</script>',
        "<header class='site'><a href='/'>Valley Courier</a></header><article><h1>Council votes to repair the river bridge</h1><div class='byline'>By Ann Lee</div>"
        + BODY_EN
        + "</article>",
        "Council votes to repair the river bridge | Valley Courier",
    ),
    "https://www.valleycourier.example/news/council-votes-bridge",
    "published",
    "2024-03-05",
)
case(
    "zone",
    "br-meta-night",
    page(
        "pt",
        "<meta property='article:published_time' content='2024-03-05T22:15:00-03:00'>",
        "<main><h1>Câmara aprova reparação da ponte</h1><p class='data'>05/03/2024 22h15</p>"
        + BODY_PT
        + "</main>",
        "Câmara aprova reparação da ponte",
    ),
    "https://noticias.example.com.br/cidade/camara-aprova-ponte",
    "published",
    "2024-03-05",
)
case(
    "zone",
    "jp-offset-morning",
    page(
        "ja",
        "<meta property='article:published_time' content='2024-03-06T07:30:00+09:00'>",
        "<article><h1>市議会、橋の修理を決定</h1><time>2024年3月6日 7時30分</time>"
        + BODY_JA
        + "</article>",
        "市議会、橋の修理を決定",
    ),
    "https://www.shimbun.example.jp/articles/20240306-bridge",
    "published",
    "2024-03-06",
)

# ---- D2 UTC stamp just after midnight, page prints previous day
case(
    "utc",
    "es-printed-prevday",
    page(
        "es",
        "<meta property='article:published_time' content='2024-03-06T00:20:00Z'>",
        "<article><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>5 de marzo de 2024</p>"
        + BODY_ES
        + "</article>",
        "El ayuntamiento aprueba reparar el puente",
    ),
    "https://www.diario.example.es/local/ayuntamiento-puente.html",
    "published",
    "2024-03-05",
)
case(
    "utc",
    "ja-printed-prevday",
    page(
        "ja",
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","datePublished":"2024-03-05T15:30:00Z"}</script>',
        "<article><h1>市議会、橋の修理を決定</h1><div class='date'>2024年3月6日 0:30</div>"
        + BODY_JA
        + "</article>",
        "市議会、橋の修理を決定",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    "2024-03-06",
)
case(
    "utc",
    "it-url-prevday",
    page(
        "it",
        "<meta property='article:published_time' content='2024-03-05T23:10:00+00:00'>",
        "<article><h1>Il comune ripara il ponte sul fiume</h1><span class='data'>Pubblicato il 6 marzo 2024 alle 00:10</span>"
        + BODY_IT
        + "</article>",
        "Il comune ripara il ponte sul fiume",
    ),
    "https://www.giornale.example.it/cronaca/2024/03/06/comune-ponte",
    "published",
    "2024-03-06",
)
case(
    "utc",
    "de-time-text",
    page(
        "de",
        "<meta name='date' content='2024-03-05T23:30:00Z'>",
        "<article><h1>Brücke wird saniert</h1><p>Veröffentlicht am 6. März 2024, 0:30 Uhr</p>"
        + BODY_DE
        + "</article>",
    ),
    "https://www.zeitung.example.de/lokales/bruecke-wird-saniert-a123",
    "published",
    "2024-03-06",
)

# ---- D3 htmldate fallback: date only in scripts/comments, XML declaration
case(
    "fallback",
    "comment-date",
    page(
        "en",
        "",
        "<!-- article published 2024-03-05 -->"
        + "<div id='content'><h1>Council votes to repair the river bridge</h1>"
        + BODY_EN
        + "</div>",
    ),
    "https://www.courier.example/story/bridge",
    "published",
    "2024-03-05",
)
case(
    "fallback",
    "script-var",
    page(
        "en",
        '<script>var dataLayer=[{"pageType":"article","articlePublishDate":"2024-03-05"}];</script>',
        "<div id='content'><h1>Council votes to repair the river bridge</h1>" + BODY_EN + "</div>",
    ),
    "https://www.courier.example/story/bridge",
    "published",
    "2024-03-05",
)
case(
    "fallback",
    "xml-decl-dc",
    "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'><html xmlns='http://www.w3.org/1999/xhtml' lang='fr'><head><title>Le pont sera réparé</title></head><body><div id='page'><h1>Le pont sera réparé</h1><div class='infos'>Le 05/03/2024</div>"
    + BODY_FR
    + "</div></body></html>",
    "https://www.mairie.example.fr/actualites/pont",
    "published",
    "2024-03-05",
)
case(
    "fallback",
    "xml-decl-only-abbr",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Council votes</title></head><body><h1>Council votes to repair the river bridge</h1><abbr class='published' title='2024-03-05T10:00:00'>March 5</abbr>"
    + BODY_EN
    + "</body></html>",
    "https://blog.example.org/council-votes",
    "published",
    "2024-03-05",
)
case(
    "fallback",
    "script-gtm-es",
    page(
        "es",
        '<script>window.__PRELOADED__={"article":{"fechaPublicacion":"2024-03-05T10:00:00"}};</script>',
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1>" + BODY_ES + "</div>",
        "El ayuntamiento aprueba reparar el puente",
    ),
    "https://www.diario.example.com.ar/nota/ayuntamiento-puente",
    "published",
    "2024-03-05",
)

# ---- D4 stale generic meta vs date under headline
case(
    "weakmeta",
    "de-meta-date-vs-byline",
    page(
        "de",
        "<meta name='date' content='2019-01-10'>",
        "<div class='artikel'><h1>Brücke wird saniert</h1><div class='autor'>Von Max Muster | 05.03.2024, 14:12 Uhr</div>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke-saniert",
    "published",
    "2024-03-05",
)
case(
    "weakmeta",
    "es-dcdate-vs-line",
    page(
        "es",
        "<meta name='dc.date' content='2020-06-01'>",
        "<div class='noticia'><h1>El ayuntamiento aprueba reparar el puente</h1><p class='autor'>Redacción · 5 de marzo de 2024</p>"
        + BODY_ES
        + "</div>",
        "El ayuntamiento aprueba reparar el puente",
    ),
    "https://www.periodico.example.es/noticia/ayuntamiento-puente",
    "published",
    "2024-03-05",
)
case(
    "weakmeta",
    "it-dcterms-vs-line",
    page(
        "it",
        "<meta name='dcterms.date' content='2021-11-30'>",
        "<div class='articolo'><h1>Il comune ripara il ponte sul fiume</h1><div class='meta'>di Marco Rossi - 05/03/2024</div>"
        + BODY_IT
        + "</div>",
        "Il comune ripara il ponte sul fiume",
    ),
    "https://www.quotidiano.example.it/articolo/comune-ponte",
    "published",
    "2024-03-05",
)
case(
    "weakmeta",
    "pt-date-vs-line",
    page(
        "pt",
        "<meta name='date' content='2018-02-02'>",
        "<div class='materia'><h1>Câmara aprova reparação da ponte</h1><p class='info'>Por Ana Silva, 5 de março de 2024</p>"
        + BODY_PT
        + "</div>",
        "Câmara aprova reparação da ponte",
    ),
    "https://www.jornal.example.pt/materia/camara-ponte",
    "published",
    "2024-03-05",
)

# ---- D5 teaser and comment <time>s
case(
    "times",
    "comment-time",
    page(
        "en",
        "",
        "<div class='post'><h1>Council votes to repair the river bridge</h1><p class='meta'>Posted by admin</p>"
        + BODY_EN
        + "</div><div id='comments'><h3>2 comments</h3><ol class='commentlist'><li class='comment'><div class='comment-meta'><time datetime='2024-04-02T10:00'>April 2, 2024</time></div><p>Great news for us.</p></li></ol></div>",
    ),
    "https://www.townblog.example/council-votes-bridge/",
    "published",
    None,
)
case(
    "times",
    "teaser-times-aside",
    page(
        "de",
        "",
        "<div class='content'><h1>Brücke wird saniert</h1><p class='dachzeile'>Lokales</p>"
        + BODY_DE
        + "<div class='weitere'><h2>Weitere Artikel</h2><div class='teaser'><a href='/a1'>Neuer Kreisel eröffnet</a><time datetime='2024-02-20'>20.02.2024</time></div><div class='teaser'><a href='/a2'>Schule wird erweitert</a><time datetime='2024-02-18'>18.02.2024</time></div></div></div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke-saniert-123",
    "published",
    None,
)
case(
    "times",
    "teaser-before-article",
    page(
        "es",
        "",
        "<div class='ultimas'><ul><li><a href='/n1'>Abre la nueva rotonda del centro</a> <time datetime='2024-03-09'>09/03/2024</time></li><li><a href='/n2'>La escuela se amplía</a> <time datetime='2024-03-08'>08/03/2024</time></li><li><a href='/n3'>Nuevo horario del mercado</a> <time datetime='2024-03-08'>08/03/2024</time></li></ul></div><div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><p>Publicado el 5 de marzo de 2024</p>"
        + BODY_ES
        + "</div>",
        "El ayuntamiento aprueba reparar el puente",
    ),
    "https://www.diario.example.es/local/ayuntamiento-puente",
    "published",
    "2024-03-05",
)
case(
    "times",
    "comment-time-with-article-text-date",
    page(
        "fr",
        "",
        "<div class='post'><h1>Le pont sera réparé</h1><p class='auteur'>Par la rédaction, le 5 mars 2024</p>"
        + BODY_FR
        + "</div><section class='comments'><article class='comment'><footer><time datetime='2024-03-07T09:00:00+01:00'>7 mars 2024</time></footer><p>Enfin !</p></article></section>",
        "Le pont sera réparé",
    ),
    "https://www.journal.example.fr/pont-repare",
    "published",
    "2024-03-05",
)

# ---- D6 words: German/Spanish/Italian/Portuguese/CJK/Russian months and labels
case(
    "words",
    "de-veroeffentlicht",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Veröffentlicht am 3. März 2024 | Aktualisiert am 4. März 2024</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    "2024-03-03",
)
case(
    "words",
    "de-aktualisiert-only",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Aktualisiert: 04.03.2024, 10:15 Uhr</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "modified",
    "2024-03-04",
)
case(
    "words",
    "de-aktualisiert-only-pub",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Aktualisiert: 04.03.2024, 10:15 Uhr</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    None,
)
case(
    "words",
    "es-publicado",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>Publicado el 5 de marzo de 2024, 10:32</p>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    "2024-03-05",
)
case(
    "words",
    "es-actualizado",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>Actualizado: 06/03/2024 11:00h</p>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "modified",
    "2024-03-06",
)
case(
    "words",
    "es-weekday",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><div class='firma'>Redacción</div><div class='fecha'>martes, 5 de marzo de 2024</div>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    "2024-03-05",
)
case(
    "words",
    "it-pubblicato",
    page(
        "it",
        "",
        "<div class='articolo'><h1>Il comune ripara il ponte sul fiume</h1><p>Pubblicato il 5 marzo 2024 - Aggiornato il 6 marzo 2024</p>"
        + BODY_IT
        + "</div>",
        "x",
    ),
    "https://www.giornale.example.it/cronaca/comune-ponte",
    "published",
    "2024-03-05",
)
case(
    "words",
    "it-aggiornato",
    page(
        "it",
        "",
        "<div class='articolo'><h1>Il comune ripara il ponte sul fiume</h1><p>Ultimo aggiornamento: 6 mar 2024, 12:04</p>"
        + BODY_IT
        + "</div>",
        "x",
    ),
    "https://www.giornale.example.it/cronaca/comune-ponte",
    "modified",
    "2024-03-06",
)
case(
    "words",
    "pt-publicado",
    page(
        "pt",
        "",
        "<div class='materia'><h1>Câmara aprova reparação da ponte</h1><p class='data'>Publicado em 5 de março de 2024 às 10h30</p>"
        + BODY_PT
        + "</div>",
        "x",
    ),
    "https://www.jornal.example.pt/local/camara-ponte",
    "published",
    "2024-03-05",
)
case(
    "words",
    "pt-atualizado",
    page(
        "pt",
        "",
        "<div class='materia'><h1>Câmara aprova reparação da ponte</h1><p class='data'>Atualizado em 06/03/2024 - 11:20</p>"
        + BODY_PT
        + "</div>",
        "x",
    ),
    "https://www.jornal.example.pt/local/camara-ponte",
    "modified",
    "2024-03-06",
)
case(
    "words",
    "ja-kokai",
    page(
        "ja",
        "",
        "<div class='article'><h1>市議会、橋の修理を決定</h1><p class='date'>公開日：2024年3月5日</p>"
        + BODY_JA
        + "</div>",
        "x",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    "2024-03-05",
)
case(
    "words",
    "ja-padded-time",
    page(
        "ja",
        "",
        "<div class='article'><h1>市議会、橋の修理を決定</h1><div class='meta'>2024年03月05日 10時30分</div>"
        + BODY_JA
        + "</div>",
        "x",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    "2024-03-05",
)
case(
    "words",
    "zh-fabu",
    page(
        "zh",
        "",
        "<div class='article'><h1>市议会决定修复河上桥梁</h1><div class='info'>来源：本报 发布时间：2024年3月5日 10:30</div>"
        + BODY_ZH
        + "</div>",
        "x",
    ),
    "https://news.example.cn/local/bridge.html",
    "published",
    "2024-03-05",
)
case(
    "words",
    "zh-gengxin",
    page(
        "zh",
        "",
        "<div class='article'><h1>市议会决定修复河上桥梁</h1><div class='info'>更新时间：2024年3月6日</div>"
        + BODY_ZH
        + "</div>",
        "x",
    ),
    "https://news.example.cn/local/bridge.html",
    "modified",
    "2024-03-06",
)
case(
    "words",
    "ru-months",
    page(
        "ru",
        "",
        "<div class='article'><h1>Горсовет решил отремонтировать мост</h1><div class='date'>5 марта 2024, 10:30</div>"
        + BODY_RU
        + "</div>",
        "x",
    ),
    "https://www.gazeta.example.ru/news/bridge",
    "published",
    "2024-03-05",
)
case(
    "words",
    "fr-1er",
    page(
        "fr",
        "",
        "<div class='article'><h1>Le pont sera réparé</h1><p>Publié le 1er mars 2024 à 10h32</p>"
        + BODY_FR
        + "</div>",
        "x",
    ),
    "https://www.journal.example.fr/pont",
    "published",
    "2024-03-01",
)
# relative dates never become a day
case(
    "words",
    "de-relative",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>vor 3 Stunden</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    None,
)
case(
    "words",
    "es-relative",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>Hace 2 horas</p>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    None,
)
case(
    "words",
    "ja-relative",
    page(
        "ja",
        "",
        "<div class='article'><h1>市議会、橋の修理を決定</h1><p class='date'>3時間前</p>"
        + BODY_JA
        + "</div>",
        "x",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    None,
)

# ---- D7 year only never a day
case(
    "year",
    "copyright-only",
    page(
        "en",
        "",
        "<div id='content'><h1>Council votes to repair the river bridge</h1>"
        + BODY_EN
        + "</div><footer>© 2023 Valley Courier</footer>",
    ),
    "https://www.courier.example/story/bridge",
    "published",
    None,
)
case(
    "year",
    "year-in-text",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1>"
        + BODY_DE
        + "<p>Die Brücke wurde 1998 gebaut und zuletzt 2012 saniert.</p></div><footer>Copyright 2024 Kreisblatt</footer>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    None,
)
case(
    "year",
    "ja-year-month",
    page(
        "ja",
        "",
        "<div class='article'><h1>市議会、橋の修理を決定</h1><p class='date'>2024年3月</p>"
        + BODY_JA
        + "</div><footer>© 2024 news</footer>",
        "x",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    None,
)

# ---- T1 kicker glued into h1
case(
    "kicker",
    "de-span-colon",
    page(
        "de",
        "",
        "<div class='artikel'><h1><span class='dachzeile'>Verkehr:</span> Die alte Brücke über den Fluss wird saniert</h1>"
        + BODY_DE
        + "</div>",
        "Kreisblatt",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "kicker",
    "es-strong-br",
    page(
        "es",
        "",
        "<div class='nota'><h1><strong>Málaga</strong><br>El ayuntamiento aprueba reparar el puente del río</h1>"
        + BODY_ES
        + "</div>",
        "Diario",
    ),
    "https://www.diario.example.es/local/puente",
    "title",
    "El ayuntamiento aprueba reparar el puente del río",
)
case(
    "kicker",
    "it-a-topic",
    page(
        "it",
        "",
        "<div class='articolo'><h1><a class='occhiello' href='/tag/trasporti'>Trasporti</a> Il comune ripara il ponte sul fiume</h1>"
        + BODY_IT
        + "</div>",
        "Giornale",
    ),
    "https://www.giornale.example.it/cronaca/comune-ponte",
    "title",
    "Il comune ripara il ponte sul fiume",
)
case(
    "kicker",
    "pt-div-parts",
    page(
        "pt",
        "",
        "<div class='materia'><h1><div class='chapeu'>Lisboa</div><div>Câmara aprova reparação da ponte velha</div></h1>"
        + BODY_PT
        + "</div>",
        "Jornal",
    ),
    "https://www.jornal.example.pt/local/camara-ponte",
    "title",
    "Câmara aprova reparação da ponte velha",
)
case(
    "kicker",
    "en-og-confirms",
    page(
        "en",
        "<meta property='og:title' content='Council votes to repair the river bridge'>",
        "<div class='story'><h1><span class='label'>Exclusive</span><span class='sep'>|</span><span>Council votes to repair the river bridge</span></h1>"
        + BODY_EN
        + "</div>",
        "Courier",
    ),
    "https://www.courier.example/story/bridge",
    "title",
    "Council votes to repair the river bridge",
)

# ---- T2 site name and slogan on a <title> fallback
case(
    "titlesite",
    "es-name-slogan",
    page(
        "es",
        "",
        "<div class='nota'><p class='titular'>x</p>" + BODY_ES + "</div>",
        "El ayuntamiento aprueba reparar el puente del río - El Correo del Sur: noticias de Andalucía",
    ),
    "https://www.correosur.example.es/local/puente",
    "title",
    "El ayuntamiento aprueba reparar el puente del río",
)
case(
    "titlesite",
    "de-name-mismatch",
    page(
        "de",
        "",
        "<div class='artikel'>" + BODY_DE + "</div>",
        "Die alte Brücke über den Fluss wird saniert | Kreisblatt Nordheide – Nachrichten aus der Region",
    ),
    "https://www.kbn-online.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "titlesite",
    "it-og-sitename",
    page(
        "it",
        "<meta property='og:site_name' content='Il Giornale di Valle'>",
        "<div class='articolo'>" + BODY_IT + "</div>",
        "Il comune ripara il ponte sul fiume | Il Giornale di Valle - Notizie dal territorio",
    ),
    "https://www.giornalevalle.example.it/cronaca/comune-ponte",
    "title",
    "Il comune ripara il ponte sul fiume",
)
case(
    "titlesite",
    "fr-first",
    page(
        "fr",
        "",
        "<div class='article'>" + BODY_FR + "</div>",
        "La Gazette du Port - Le quotidien de la côte | Le pont sera réparé d'ici l'automne",
    ),
    "https://www.gazetteport.example.fr/pont",
    "title",
    "Le pont sera réparé d'ici l'automne",
)
case(
    "titlesite",
    "ja-brackets",
    page(
        "ja",
        "",
        "<div class='article'>" + BODY_JA + "</div>",
        "市議会、秋までに橋の修理を決定 - 日本経済新聞",
    ),
    "https://www.nikkei.example.jp/article/bridge",
    "title",
    "市議会、秋までに橋の修理を決定",
)
case(
    "titlesite",
    "zh-fullwidth-bar",
    page(
        "zh",
        "",
        "<div class='article'>" + BODY_ZH + "</div>",
        "市议会决定在秋季前修复河上桥梁｜新华网",
    ),
    "https://www.xinhua.example.cn/local/bridge.html",
    "title",
    "市议会决定在秋季前修复河上桥梁",
)
# a Chinese title keeps its "_" pieces whole (as the readability suite's gold writes it)
case(
    "titlesite",
    "zh-underscore-kept",
    page(
        "zh",
        "",
        "<div class='article'>" + BODY_ZH + "</div>",
        "市议会决定在秋季前修复河上桥梁_新闻中心_新华网",
    ),
    "https://www.xinhua.example.cn/local/bridge.html",
    "title",
    "市议会决定在秋季前修复河上桥梁_新闻中心_新华网",
)

# ---- T3 article h1 dropped: header holds a breadcrumb nav
case(
    "breadcrumb",
    "de-header-nav",
    page(
        "de",
        "",
        "<div class='wrap'><header class='artikel-kopf'><nav class='breadcrumb'><a href='/'>Start</a> › <a href='/lokales'>Lokales</a></nav><h1>Die alte Brücke über den Fluss wird saniert</h1></header><div class='text'>"
        + BODY_DE
        + "</div></div>",
        "Kreisblatt",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "breadcrumb",
    "es-header-ol",
    page(
        "es",
        "",
        "<div id='page'><header><ol class='migas' itemscope itemtype='https://schema.org/BreadcrumbList'><li><a href='/'>Inicio</a></li><li><a href='/local'>Local</a></li></ol><h1 class='titulo'>El ayuntamiento aprueba reparar el puente del río</h1><p class='entradilla'>Las obras empezarán en abril.</p></header><div class='cuerpo'>"
        + BODY_ES
        + "</div></div>",
        "Diario",
    ),
    "https://www.diario.example.es/local/puente",
    "title",
    "El ayuntamiento aprueba reparar el puente del río",
)
case(
    "breadcrumb",
    "it-header-nav-role",
    page(
        "it",
        "",
        "<header class='site-header'><a href='/'><img alt='Giornale'></a><nav><a href='/cronaca'>Cronaca</a><a href='/sport'>Sport</a></nav></header><div class='container'><header class='entry-header'><nav aria-label='breadcrumb'><a href='/'>Home</a> / <a href='/cronaca'>Cronaca</a></nav><h1 class='entry-title'>Il comune ripara il ponte sul fiume</h1></header><div class='entry-content'>"
        + BODY_IT
        + "</div></div>",
        "Giornale",
    ),
    "https://www.giornale.example.it/cronaca/comune-ponte",
    "title",
    "Il comune ripara il ponte sul fiume",
)

# ---- T4 slogan h1 in the site bar
case(
    "slogan",
    "de-slogan-h1",
    page(
        "de",
        "",
        "<div class='kopf'><a href='/'><img src='/logo.png' alt='Kreisblatt'></a><h1 class='claim'>Nachrichten aus der Region, jeden Tag</h1></div><div class='artikel'><h2>Die alte Brücke über den Fluss wird saniert</h2>"
        + BODY_DE
        + "</div>",
        "Die alte Brücke über den Fluss wird saniert | Kreisblatt",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "slogan",
    "pt-slogan-h1-og",
    page(
        "pt",
        "<meta property='og:title' content='Câmara aprova reparação da ponte velha'>",
        "<header id='topo'><h1 class='slogan'>O jornal da sua cidade</h1><nav><a href='/'>Início</a><a href='/local'>Local</a></nav></header><section class='materia'><h2 class='titulo'>Câmara aprova reparação da ponte velha</h2>"
        + BODY_PT
        + "</section>",
        "Jornal",
    ),
    "https://www.jornal.example.pt/local/camara-ponte",
    "title",
    "Câmara aprova reparação da ponte velha",
)
case(
    "slogan",
    "en-sitename-h1-title",
    page(
        "en",
        "",
        "<div id='masthead'><h1 class='site-title'>Valley Courier</h1><p class='site-description'>Your town, your news</p></div><div id='primary'><h2 class='entry-title'>Council votes to repair the river bridge</h2>"
        + BODY_EN
        + "</div>",
        "Council votes to repair the river bridge – Valley Courier",
    ),
    "https://valleycourier.example/council-votes-bridge/",
    "title",
    "Council votes to repair the river bridge",
)


# ---- second round: more templates of the same kinds
case(
    "utc",
    "de-jsonld-time-text",
    page(
        "de",
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","datePublished":"2024-03-05T23:15:00Z"}</script>',
        "<article><h1>Brücke wird saniert</h1><time datetime='2024-03-05T23:15:00Z'>06.03.2024, 00:15 Uhr</time>"
        + BODY_DE
        + "</article>",
    ),
    "https://www.zeitung.example.de/lokales/bruecke-saniert",
    "published",
    "2024-03-06",
)
case(
    "utc",
    "ru-url-prev",
    page(
        "ru",
        "<meta property='article:published_time' content='2024-03-05T21:30:00+00:00'>",
        "<div class='article'><h1>Горсовет решил отремонтировать мост</h1><div class='date'>6 марта 2024, 00:30</div>"
        + BODY_RU
        + "</div>",
        "x",
    ),
    "https://www.gazeta.example.ru/2024/03/06/bridge",
    "published",
    "2024-03-06",
)
case(
    "fallback",
    "bom-xml",
    "\ufeff<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Council votes</title><meta name='DC.date.created' content='2024-03-05'/></head><body><div id='main-content'><h1>Council votes to repair the river bridge</h1>"
    + BODY_EN
    + "</div></body></html>",
    "https://www.council.example.gov/news/bridge",
    "published",
    "2024-03-05",
)
case(
    "times",
    "comment-heading-no-class",
    page(
        "de",
        "",
        "<div class='content'><h1>Brücke wird saniert</h1><p class='meta'>Von Max Muster</p>"
        + BODY_DE
        + "<section><h2>Kommentare (2)</h2><ul><li><b>Leser1</b> <time datetime='2024-03-09T08:00'>09.03.2024</time><p>Endlich!</p></li><li><b>Leser2</b> <time datetime='2024-03-10T08:00'>10.03.2024</time><p>Zu teuer.</p></li></ul></section></div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke-saniert-123",
    "published",
    None,
)
case(
    "times",
    "teaser-inside-article-after-text",
    page(
        "es",
        "",
        "<article><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>Publicado el 5 de marzo de 2024</p>"
        + BODY_ES
        + "<div class='mas-leidas'><h3>Lo más leído</h3><div class='item'><a href='/n1'>Abre la nueva rotonda del centro</a><time datetime='2024-03-09'>09/03/2024</time></div><div class='item'><a href='/n2'>La escuela se amplía</a><time datetime='2024-03-08'>08/03/2024</time></div><div class='item'><a href='/n3'>Nuevo horario del mercado</a><time datetime='2024-03-07'>07/03/2024</time></div></div></article>",
        "El ayuntamiento aprueba reparar el puente",
    ),
    "https://www.diario.example.es/local/ayuntamiento-puente",
    "published",
    "2024-03-05",
)
case(
    "times",
    "comment-text-date",
    page(
        "en",
        "",
        "<div class='post'><h1>Council votes to repair the river bridge</h1>"
        + BODY_EN
        + "</div><div id='comments'><div class='comment-body'><div class='comment-author'>Jo</div><div class='comment-metadata'>April 2, 2024 at 10:00 am</div><p>Great news.</p></div></div>",
    ),
    "https://www.townblog.example/council-votes-bridge/",
    "published",
    None,
)
# a comment of the article's own day leaves that day to the article: the day is printed above
# the post (a blog's date header) as well as in the comment
case(
    "times",
    "comment-same-day-as-date-header",
    page(
        "en",
        "",
        "<div class='day'><h2 class='date-header'><span>Tuesday, April 2, 2024</span></h2>"
        "<div class='post'><h3 class='post-title'>Council votes to repair the river bridge</h3>"
        + BODY_EN
        + "</div></div><div id='comments'><div class='comment-body'><div class='comment-author'>Jo</div><div class='comment-metadata'>April 2, 2024 at 10:00 am</div><p>Great news.</p></div></div>",
    ),
    "https://www.townblog.example/council-votes-bridge/",
    "published",
    "2024-04-02",
)
# a post's stamp in its footer, outside the text's container, is no other text's date
case(
    "times",
    "footer-stamp-outside-the-text-comment-same-day",
    page(
        "fr",
        "",
        "<div class='post'><h3 class='post-title'>Le pont sera réparé</h3><div class='post-body'>"
        + BODY_FR
        + "</div><div class='post-footer'>Publié par Marc à <abbr class='published' "
        "title='2024-03-07T06:15:00-04:00'>06:15</abbr></div></div><div id='comments'>"
        "<div class='comment-body'><span class='datetime'>7 mars 2024 à 11 h 45</span>"
        "<p>Enfin de bonnes nouvelles.</p></div></div>",
        title="Le pont sera réparé",
    ),
    "https://levillage.example/2024/pont-repare.html",
    "published",
    "2024-03-07",
)
case(
    "words",
    "de-stand",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Veröffentlicht: 03.03.2024 | Stand: 05.03.2024</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "modified",
    "2024-03-05",
)
case(
    "words",
    "de-stand-pub",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Veröffentlicht: 03.03.2024 | Stand: 05.03.2024</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    "2024-03-03",
)
case(
    "words",
    "es-two-lines",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><div class='fechas'><span>05/03/2024 - 10:00</span> <span>Actualizado 06/03/2024 - 11:20 CET</span></div>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    "2024-03-05",
)
case(
    "words",
    "it-weekday-line",
    page(
        "it",
        "",
        "<div class='articolo'><h1>Il comune ripara il ponte sul fiume</h1><p class='data'>martedì 5 marzo 2024</p>"
        + BODY_IT
        + "</div>",
        "x",
    ),
    "https://www.giornale.example.it/cronaca/comune-ponte",
    "published",
    "2024-03-05",
)
case(
    "words",
    "pt-ha-horas",
    page(
        "pt",
        "",
        "<div class='materia'><h1>Câmara aprova reparação da ponte</h1><p class='data'>05/03/2024 10h30 - Atualizado há 2 horas</p>"
        + BODY_PT
        + "</div>",
        "x",
    ),
    "https://www.jornal.example.pt/local/camara-ponte",
    "published",
    "2024-03-05",
)
case(
    "words",
    "zh-dash-source",
    page(
        "zh",
        "",
        "<div class='article'><h1>市议会决定修复河上桥梁</h1><div class='info'>2024-03-05 10:30:00　来源：新华社</div>"
        + BODY_ZH
        + "</div>",
        "x",
    ),
    "https://news.example.cn/local/bridge.html",
    "published",
    "2024-03-05",
)
case(
    "words",
    "ru-opublikovano",
    page(
        "ru",
        "",
        "<div class='article'><h1>Горсовет решил отремонтировать мост</h1><div class='meta'>Опубликовано: 5 марта 2024 г., 10:30</div>"
        + BODY_RU
        + "</div>",
        "x",
    ),
    "https://www.gazeta.example.ru/news/bridge",
    "published",
    "2024-03-05",
)
case(
    "words",
    "fr-relative",
    page(
        "fr",
        "",
        "<div class='article'><h1>Le pont sera réparé</h1><p>il y a 2 heures</p>"
        + BODY_FR
        + "</div>",
        "x",
    ),
    "https://www.journal.example.fr/pont",
    "published",
    None,
)
case(
    "words",
    "ru-relative",
    page(
        "ru",
        "",
        "<div class='article'><h1>Горсовет решил отремонтировать мост</h1><div class='date'>3 дня назад</div>"
        + BODY_RU
        + "</div>",
        "x",
    ),
    "https://www.gazeta.example.ru/news/bridge",
    "published",
    None,
)
case(
    "words",
    "es-ayer",
    page(
        "es",
        "",
        "<div class='nota'><h1>El ayuntamiento aprueba reparar el puente</h1><p class='fecha'>Ayer, 10:32</p>"
        + BODY_ES
        + "</div>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    None,
)
case(
    "year",
    "month-year-en",
    page(
        "en",
        "",
        "<div id='content'><h1>Council votes to repair the river bridge</h1><p class='byline'>By Ann Lee, March 2024</p>"
        + BODY_EN
        + "</div>",
    ),
    "https://www.courier.example/story/bridge",
    "published",
    None,
)
case(
    "year",
    "month-year-de",
    page(
        "de",
        "",
        "<div class='artikel'><h1>Brücke wird saniert</h1><p class='meta'>Ausgabe März 2024</p>"
        + BODY_DE
        + "</div>",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "published",
    None,
)
case(
    "year",
    "url-year-month",
    page(
        "en",
        "",
        "<div id='content'><h1>Council votes to repair the river bridge</h1>" + BODY_EN + "</div>",
    ),
    "https://www.courier.example/2024/03/council-votes-bridge/",
    "published",
    None,
)

case(
    "kicker",
    "de-kicker-spans-classless-br",
    page(
        "de",
        "",
        "<div class='artikel'><h1><span>Ukraine-Krieg</span><br><span>Die alte Brücke über den Fluss wird saniert</span></h1>"
        + BODY_DE
        + "</div>",
        "Kreisblatt",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "kicker",
    "fr-kicker-colon-span",
    page(
        "fr",
        "<meta property='og:title' content=\"Le pont sera réparé d'ici l'automne\">",
        "<div class='article'><h1><span class='surtitre'>Mobilité :</span> Le pont sera réparé d'ici l'automne</h1>"
        + BODY_FR
        + "</div>",
        "x",
    ),
    "https://www.journal.example.fr/pont",
    "title",
    "Le pont sera réparé d'ici l'automne",
)
case(
    "titlesite",
    "en-section-site",
    page(
        "en",
        "",
        "<div id='content'>" + BODY_EN + "</div>",
        "Council votes to repair the river bridge - Local News - Valley Courier",
    ),
    "https://www.valleycourier.example/news/bridge",
    "title",
    "Council votes to repair the river bridge - Local News",
)
case(
    "titlesite",
    "pt-name-slogan-dash",
    page(
        "pt",
        "",
        "<div class='materia'>" + BODY_PT + "</div>",
        "Câmara aprova reparação da ponte velha | Jornal da Cidade - O seu diário",
    ),
    "https://www.jornaldacidade.example.pt/local/camara-ponte",
    "title",
    "Câmara aprova reparação da ponte velha",
)
case(
    "breadcrumb",
    "de-header-nav-sections",
    page(
        "de",
        "",
        "<div class='wrap'><header class='artikel-kopf'><nav class='tags'><a href='/lokales'>Lokales</a> <a href='/verkehr'>Verkehr</a></nav><h1>Die alte Brücke über den Fluss wird saniert</h1></header><div class='text'>"
        + BODY_DE
        + "</div></div>",
        "Kreisblatt",
    ),
    "https://www.kreisblatt.example.de/lokales/bruecke",
    "title",
    "Die alte Brücke über den Fluss wird saniert",
)
case(
    "slogan",
    "es-slogan-h1-title-only",
    page(
        "es",
        "",
        "<header><div class='logo'><a href='/'>Diario del Sur</a></div><h1>El periódico de tu ciudad</h1></header><div class='nota'><h2>El ayuntamiento aprueba reparar el puente del río</h2>"
        + BODY_ES
        + "</div>",
        "El ayuntamiento aprueba reparar el puente del río - Diario del Sur",
    ),
    "https://www.diariodelsur.example.es/local/puente",
    "title",
    "El ayuntamiento aprueba reparar el puente del río",
)


# ---- third round: labels and date lines per language, one template
def _lined_page(lang: str, h1: str, body: str, line: str) -> str:
    """A page whose date line (or relative date) stands in the element under the headline."""
    return page(
        lang, "", f"<div class='story'><h1>{h1}</h1><div class='info'>{line}</div>{body}</div>", "x"
    )


DE = ("de", "Brücke wird saniert", BODY_DE, "https://www.kb.example.de/lokales/bruecke")
ES = (
    "es",
    "El ayuntamiento aprueba reparar el puente",
    BODY_ES,
    "https://www.diario.example.es/local/puente",
)
IT = (
    "it",
    "Il comune ripara il ponte sul fiume",
    BODY_IT,
    "https://www.giornale.example.it/cronaca/ponte",
)
PT = (
    "pt",
    "Câmara aprova reparação da ponte",
    BODY_PT,
    "https://www.jornal.example.pt/local/ponte",
)
JA = ("ja", "市議会、橋の修理を決定", BODY_JA, "https://www.news.example.jp/article/bridge")
ZH = ("zh", "市议会决定修复河上桥梁", BODY_ZH, "https://news.example.cn/local/bridge.html")
RU = (
    "ru",
    "Горсовет решил отремонтировать мост",
    BODY_RU,
    "https://www.gazeta.example.ru/news/bridge",
)
_LINES: list[tuple[tuple[str, str, str, str], str, str | None]] = [
    (DE, "Erstellt: 04.03.2024", "2024-03-04"),
    (DE, "Publiziert: 4. März 2024, 10:15 Uhr", "2024-03-04"),
    (DE, "Artikel vom 04.03.2024", "2024-03-04"),
    (DE, "Mo., 04.03.2024 | 10:15 Uhr", "2024-03-04"),
    (DE, "Aktualisiert vor 2 Stunden", None),
    (DE, "Montag, 4. März 2024", "2024-03-04"),
    (ES, "Publicado: lunes, 4 marzo 2024 10:15", "2024-03-04"),
    (ES, "04 mar 2024 - 10:15", "2024-03-04"),
    (ES, "Madrid, 4 de marzo de 2024", "2024-03-04"),
    (ES, "Actualizado hace 5 minutos", None),
    (IT, "Pubblicato: 04/03/2024 alle 10:15", "2024-03-04"),
    (IT, "4 Marzo 2024 ore 10:15", "2024-03-04"),
    (IT, "Lunedì 4 marzo 2024", "2024-03-04"),
    (IT, "2 ore fa", None),
    (PT, "04 mar 2024 - 10h15", "2024-03-04"),
    (PT, "Publicado em: 04/03/2024 às 10:15", "2024-03-04"),
    (PT, "4 de março de 2024", "2024-03-04"),
    (PT, "há 3 horas", None),
    (JA, "2024年3月4日(月) 10:15", "2024-03-04"),
    (JA, "2024/03/04 10:15", "2024-03-04"),
    (ZH, "2024年03月04日 10:15 来源：人民网", "2024-03-04"),
    (ZH, "发布时间：2024-03-04 10:15", "2024-03-04"),
    (ZH, "3小时前", None),
    (RU, "04.03.2024 в 10:15", "2024-03-04"),
    (RU, "4 марта 2024 в 10:15", "2024-03-04"),
    (RU, "Сегодня, 10:15", None),
]
for (lang, h1, body, url), line, day in _LINES:
    case("words3", f"{lang}:{line}", _lined_page(lang, h1, body, line), url, "published", day)

# ---- third round: titles
T = "Die alte Brücke über den Fluss wird saniert"
case(
    "kicker3",
    "de-kicker-colon-text",
    page(
        "de",
        "",
        "<div class='artikel'><h1><span class='kicker'>Hochwasserschutz:</span><span class='headline'>"
        + T
        + "</span></h1>"
        + BODY_DE
        + "</div>",
        "Kreisblatt",
    ),
    "https://www.kb.example.de/x",
    "title",
    T,
)
case(
    "kicker3",
    "it-kicker-em-br",
    page(
        "it",
        "",
        "<div class='articolo'><h1><em>Roma</em><br/>Il comune ripara il ponte sul fiume</h1>"
        + BODY_IT
        + "</div>",
        "Giornale",
    ),
    "https://www.giornale.example.it/x",
    "title",
    "Il comune ripara il ponte sul fiume",
)
case(
    "kicker3",
    "en-no-kicker-inline",
    page(
        "en",
        "",
        "<div class='story'><h1><em>Exclusive</em> council votes to repair the river bridge</h1>"
        + BODY_EN
        + "</div>",
        "Courier",
    ),
    "https://www.courier.example/x",
    "title",
    "Exclusive council votes to repair the river bridge",
)
case(
    "title3",
    "en-title-site-first-pipe",
    page(
        "en",
        "",
        "<div class='story'>" + BODY_EN + "</div>",
        "Valley Courier | Council votes to repair the river bridge",
    ),
    "https://www.valleycourier.example/x",
    "title",
    "Council votes to repair the river bridge",
)
case(
    "title3",
    "es-title-pipe-section-site",
    page(
        "es",
        "",
        "<div class='nota'>" + BODY_ES + "</div>",
        "El ayuntamiento aprueba reparar el puente del río | Málaga | Diario Sur",
    ),
    "https://www.diariosur.example.es/x",
    "title",
    "El ayuntamiento aprueba reparar el puente del río | Málaga",
)
case(
    "title3",
    "ko-dash",
    page(
        "ko",
        "",
        "<div class='article'><p>시의회는 화요일 밤 긴 논의 끝에 가을까지 강 위의 다리를 보수하기로 결정했다. 비용은 약 200만 유로로 대부분 도가 부담한다.</p></div>",
        "시의회, 가을까지 강 다리 보수 결정 - 연합뉴스",
    ),
    "https://www.yna.example.kr/view/1",
    "title",
    "시의회, 가을까지 강 다리 보수 결정",
)
case(
    "slogan3",
    "it-h1-site-name-og",
    page(
        "it",
        "<meta property='og:title' content='Il comune ripara il ponte sul fiume'>",
        "<div id='header'><h1><a href='https://www.giornale.example.it/'>Il Giornale</a></h1></div><div class='content'><h2>Il comune ripara il ponte sul fiume</h2>"
        + BODY_IT
        + "</div>",
        "x",
    ),
    "https://www.giornale.example.it/x",
    "title",
    "Il comune ripara il ponte sul fiume",
)
case(
    "slogan3",
    "de-h1-slogan-no-meta-h2",
    page(
        "de",
        "",
        "<div class='top'><img src='/logo.png' alt=''><h1>Ihre Zeitung für den Norden</h1></div><div class='main'><h2>"
        + T
        + "</h2>"
        + BODY_DE
        + "</div>",
        "Kreisblatt Nordheide",
    ),
    "https://www.kb.example.de/x",
    "title",
    T,
)


# ---- fourth round: the printed day beside a UTC stamp, generic meta dates
case(
    "utc4",
    "url-only-prev",
    page(
        "en",
        "<meta property='article:published_time' content='2024-03-06T00:20:00Z'>",
        "<div class='story'><h1>Council votes to repair the river bridge</h1><p class='ago'>3 hours ago</p>"
        + BODY_EN
        + "</div>",
        "x",
    ),
    "https://www.courier.example/2024/03/05/council-votes-bridge/",
    "published",
    "2024-03-05",
)
case(
    "utc4",
    "ja-time-text",
    page(
        "ja",
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","datePublished":"2024-03-04T15:10:00Z"}</script>',
        "<article><h1>市議会、橋の修理を決定</h1><time datetime='2024-03-04T15:10:00Z'>2024年3月5日 0時10分</time>"
        + BODY_JA
        + "</article>",
        "x",
    ),
    "https://www.news.example.jp/article/bridge",
    "published",
    "2024-03-05",
)
case(
    "utc4",
    "es-time-own-text",
    page(
        "es",
        "",
        "<article><h1>El ayuntamiento aprueba reparar el puente</h1><time datetime='2024-03-06T00:20:00Z'>5 de marzo de 2024</time>"
        + BODY_ES
        + "</article>",
        "x",
    ),
    "https://www.diario.example.es/local/puente",
    "published",
    "2024-03-05",
)
case(
    "utc4",
    "pt-modified-prev",
    page(
        "pt",
        "<meta property='article:published_time' content='2024-03-04T12:00:00-03:00'><meta property='article:modified_time' content='2024-03-06T01:30:00Z'>",
        "<div class='materia'><h1>Câmara aprova reparação da ponte</h1><p>Publicado em 04/03/2024 - Atualizado em 05/03/2024 22h30</p>"
        + BODY_PT
        + "</div>",
        "x",
    ),
    "https://www.jornal.example.com.br/local/ponte",
    "modified",
    "2024-03-05",
)
case(
    "weak4",
    "it-meta-date-vs-time-text",
    page(
        "it",
        "<meta name='date' content='2022-01-01'>",
        "<div class='articolo'><h1>Il comune ripara il ponte sul fiume</h1><span class='data'>5 marzo 2024</span>"
        + BODY_IT
        + "</div>",
        "x",
    ),
    "https://www.giornale.example.it/cronaca/ponte",
    "published",
    "2024-03-05",
)
case(
    "weak4",
    "ru-dcdate-vs-line",
    page(
        "ru",
        "<meta name='DC.date' content='2019-05-05'>",
        "<div class='article'><h1>Горсовет решил отремонтировать мост</h1><div class='meta'>Иван Петров, 5 марта 2024</div>"
        + BODY_RU
        + "</div>",
        "x",
    ),
    "https://www.gazeta.example.ru/news/bridge",
    "published",
    "2024-03-05",
)


@pytest.mark.parametrize(
    ("kind", "name", "html", "url", "field", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_generic_profile_reads_the_field(
    kind: str, name: str, html: str, url: str, field: str, expected: str | None
) -> None:
    record = extract_article(html.encode(), url, profile=generic_profile()).to_dict()
    assert record[field] == expected, (kind, name, field)
