"""Title kinds of round x31 (x31titles), on hand-written news pages without an `<h1>` headline,
each kind on two templates or languages:

- a `<title>` (or og:title) that is the site's name alone, the same on every page, beside an
  `<h2>` headline under a logo `<h1>`, is no headline: the `<h2>` is (fi, es);
- a `<title>` whose cleaned value still holds a piece the page links nowhere ("Headline —
  Новости — Волга Вести", "Headline | Wiadomości | Site"), on a page that prints only the
  headline's piece as an element of its own (`<div class=article__title>`), gives that piece
  (ru, pl); a headline of two pieces that the page prints whole keeps both.

Neutral edits (a breadcrumb, reindenting) leave the records as they are."""

from __future__ import annotations

from tests.extract.reading import read
from tests.extract.unseen_pages import assert_same_record, edit, reindent

FI_URL = "https://www.savonsanomat-uutiset.fi/uutiset/kuopion-tori-uudistuu/12345"
FI = """<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8">
<title>Savon Sanomat Uutiset</title></head>
<body><header><h1 class="logo"><a href="/">Savon Sanomat Uutiset</a></h1>
<nav><a href="/uutiset">Uutiset</a> <a href="/urheilu">Urheilu</a></nav></header>
<main><article>
<h2 class="otsikko">Kuopion tori uudistuu kesällä</h2>
<p class="aika">3.5.2024</p>
<p>Kuopion kauppatorin pinta uusitaan kesän aikana, ja torikauppa siirtyy väliaikaisesti
viereiselle kadulle, kertoo kaupungin tekninen toimiala.</p>
<p>Kaupungin mukaan työt kestävät noin kolme kuukautta, ja tori on valmis syyskuussa ennen
syysmarkkinoita.</p>
<p>Torikauppiaat ovat tyytyväisiä uudistukseen, vaikka kesä on vilkkainta aikaa.</p>
</article></main>
<footer><p>© Savon Sanomat Uutiset</p></footer></body></html>"""

ES_URL = "https://www.radiocostanorte.es/noticias/2024/05/06/el-puerto-amplia-su-muelle/"
ES = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Radio Costa Norte</title>
<meta property="og:title" content="Radio Costa Norte">
<meta property="og:site_name" content="Radio Costa Norte"></head>
<body><div id="cabecera"><h1 id="logo"><a href="https://www.radiocostanorte.es/"><img
src="/img/logo.png" alt="Radio Costa Norte"></a></h1>
<ul class="menu"><li><a href="/noticias/">Noticias</a></li><li><a href="/deportes/">Deportes</a></li></ul></div>
<div id="contenido"><div class="entrada">
<h2 class="titulo-entrada">El puerto amplía su muelle para recibir cruceros más grandes</h2>
<div class="fecha">6 de mayo de 2024</div>
<div class="texto"><p>La autoridad portuaria ha adjudicado las obras de ampliación del muelle norte,
que permitirán atracar a cruceros de hasta 350 metros de eslora a partir del próximo verano.</p>
<p>La inversión asciende a doce millones de euros y las obras durarán catorce meses, según
informó el presidente del puerto en una rueda de prensa.</p>
<p>Los comerciantes del centro confían en que la llegada de más cruceristas anime las ventas.</p></div>
</div></div>
<div id="pie">Radio Costa Norte · Avenida del Mar 4</div></body></html>"""

RU_URL = "https://www.volga-vesti.ru/news/2024/04/12/most-cherez-volgu"
RU = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>В Самаре открыли движение по новому мосту через Волгу — Новости — Волга Вести</title></head>
<body><div class="header"><a href="/"><img src="/logo.svg" alt="Волга Вести"></a></div>
<div class="article"><div class="article__title">В Самаре открыли движение по новому мосту через Волгу</div>
<div class="article__date">12 апреля 2024</div>
<div class="article__text"><p>В Самаре в пятницу открыли движение по новому мосту через Волгу.
Строительство продолжалось почти шесть лет.</p>
<p>По словам губернатора, мост позволит разгрузить центр города и сократить время в пути до
аэропорта.</p>
<p>Стоимость проекта составила более 40 миллиардов рублей.</p></div></div>
<div class="footer">© Волга Вести</div></body></html>"""

PL_URL = "https://www.kurierlubuski-online.pl/artykul/nowa-linia-autobusowa/ar/c1-4567"
PL = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<title>Nowa linia autobusowa połączy osiedla z dworcem | Wiadomości | Kurier Lubuski</title>
<meta property="og:title" content="Nowa linia autobusowa połączy osiedla z dworcem | Wiadomości | Kurier Lubuski"></head>
<body><div id="top"><a href="/"><img src="/logo.png" alt="Kurier Lubuski"></a></div>
<div id="tresc"><div class="art">
<p class="art-tytul">Nowa linia autobusowa połączy osiedla z dworcem</p>
<p class="art-data">08.04.2024</p>
<div class="art-tekst"><p>Od maja mieszkańcy osiedli na północy miasta dojadą bezpośrednio na dworzec
nową linią autobusową numer 12, która będzie kursować co dwadzieścia minut.</p>
<p>Jak poinformował zarząd transportu miejskiego, na trasie pojadą nowe autobusy elektryczne
kupione w ubiegłym roku.</p>
<p>Rozkład jazdy zostanie opublikowany w przyszłym tygodniu.</p></div></div></div>
<div id="stopka">© Kurier Lubuski</div></body></html>"""


def test_a_site_name_title_beside_an_h2_headline_under_a_logo_h1() -> None:
    assert read(FI, FI_URL).title == "Kuopion tori uudistuu kesällä"


def test_a_site_name_title_and_og_title_beside_an_h2_headline_under_an_image_logo() -> None:
    got = read(ES, ES_URL)
    assert got.title == "El puerto amplía su muelle para recibir cruceros más grandes"


def test_a_section_piece_left_in_the_title_when_a_div_prints_the_headline_piece() -> None:
    assert read(RU, RU_URL).title == "В Самаре открыли движение по новому мосту через Волгу"


def test_a_section_piece_left_in_og_title_when_a_paragraph_prints_the_headline_piece() -> None:
    assert read(PL, PL_URL).title == "Nowa linia autobusowa połączy osiedla z dworcem"


def test_a_headline_of_two_pieces_printed_whole_keeps_both() -> None:
    # the page prints the headline's own " — ": the whole stays, nothing is cut
    whole = "В Самаре открыли движение по мосту — губернатор доволен результатом"
    html = edit(
        RU, "через Волгу — Новости — Волга Вести", "— губернатор доволен результатом — Волга Вести"
    )
    html = html.replace(
        "новому мосту через Волгу</div>", "мосту — губернатор доволен результатом</div>"
    )
    html = html.replace("по новому мосту — губернатор", "по мосту — губернатор")
    assert read(html, RU_URL).title == whole


def test_a_site_name_title_with_no_h2_stays_the_title() -> None:
    # nothing else heads the page: the site's name is still what the page states
    html = edit(FI, '<h2 class="otsikko">Kuopion tori uudistuu kesällä</h2>', "")
    assert read(html, FI_URL).title == "Savon Sanomat Uutiset"


def test_neutral_edits_leave_the_records() -> None:
    crumb = "<nav class='breadcrumb'><a href='/'>Etusivu</a> › <a href='/uutiset'>Uutiset</a></nav>"
    assert_same_record(FI, edit(FI, "<main><article>", f"<main>{crumb}<article>"), FI_URL)
    assert_same_record(RU, reindent(RU), RU_URL)
    assert_same_record(PL, reindent(PL), PL_URL)
    assert_same_record(
        ES, edit(ES, "6 de mayo de 2024</div>", "6 de mayo de 2024</div>\n\n"), ES_URL
    )
