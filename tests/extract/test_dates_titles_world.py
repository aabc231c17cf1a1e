"""Date and title kinds of round x20, from an audit of news templates of other countries and CMSs written
here (Arc XP, Drupal, Brightspot, Naviga, Polopoly, Escenic, Newspack, Gutenberg blocks, AMP, El
País-, Corriere-, Folha-, Guardian- and AP-style pages in es/it/pt/de/en), each kind on two
templates or languages:

- a label, then the time, then the date ("Updated 6:30 PM EST, March 5, 2024", "Aktualisiert
  18:30 Uhr, 05.03.2024") is that label's date;
- "Creado:" / "Fecha:" (es), "Data:" (it, pt), "Criado em" (pt) label a publication date
  (vocabulary);
- a URL that files the page under a month's name ("/2024/mar/05/") dates it as "/2024/03/05/"
  does;
- a `<title>` read for the headline leaves out a piece that is a date alone between the headline
  and the site's name ("Headline - 05/03/2024 - Section - Site"), as it does the section."""

from __future__ import annotations

from tests.extract.test_dates_titles_short_months_and_slogans import DE, EN, IT, PT, page, record

ES = (
    "<p>El ayuntamiento aprobó el martes por la noche cerrar el viejo puente sobre el río para "
    "una reforma completa que durará hasta el otoño, con el tráfico desviado por la ronda.</p>"
    "<p>Las obras costarán unos dos millones de euros, pagados en gran parte por la región, y los "
    "ciclistas mantendrán un carril provisional durante toda la obra.</p>"
)


def dates(got: dict[str, object]) -> tuple[object, object]:
    return got["published"], got["modified"]


# -- a label, the time, then the date ----------------------------------------------------------


def test_an_updated_label_before_a_time_and_a_date_gives_the_modification_only() -> None:
    # a US wire's page: "Updated 6:30 PM EST, March 5, 2024", the only date it prints
    html = page(
        "en-US",
        "<title>Bridge closes for a year | Wire Example</title>",
        "<header><a href='/' class='logo'>Wire Example</a></header><main>"
        "<div class='Page-headline'><h1 class='Page-headline'>Bridge closes for a year</h1></div>"
        "<div class='Page-dateModified'><span>Updated 6:30 PM EST, March 5, 2024</span></div>"
        f"<div class='RichTextStoryBody'>{EN}</div></main>",
    )
    got = record(html, "https://wire-example.com/article/bridge-closes-abc123")
    assert dates(got) == (None, "2024-03-05")
    assert got["title"] == "Bridge closes for a year"


def test_labels_before_a_time_and_a_weekday_dated_line() -> None:
    # a cable channel's byline: "Published 9:15 AM EST, Tue March 5, 2024 / Updated 10:42 AM
    # EDT, Wed March 6, 2024"
    html = page(
        "en",
        "<title>Bridge closes for a year | Channel Example</title>",
        "<header><a href='/'>Channel Example</a></header><main><article>"
        "<h1 class='headline__text'>Bridge closes for a year</h1>"
        "<div class='headline__byline'><span class='byline__name'>By Jane Roe</span></div>"
        "<div class='timestamp'>Published 9:15 AM EST, Tue March 5, 2024</div>"
        "<div class='timestamp'>Updated 10:42 AM EDT, Wed March 6, 2024</div>"
        f"<div class='article__content'>{EN}</div></article></main>",
    )
    got = record(html, "https://edition.channel-example.com/2024/03/05/us/bridge-closes/index.html")
    assert dates(got) == ("2024-03-05", "2024-03-06")


def test_a_german_label_before_the_time_then_the_date() -> None:
    # "Aktualisiert 07:10 Uhr, 06.03.2024" under "Erschienen am 05.03.2024"
    html = page(
        "de",
        "<title>Brücke wird gesperrt | Landbote</title>",
        "<header><a href='/'>Landbote</a></header><main><article>"
        "<h1 class='article-title'>Brücke wird gesperrt</h1><div class='article-meta'>"
        "<p>Erschienen am 05.03.2024</p><p>Aktualisiert 07:10 Uhr, 06.03.2024</p></div>"
        f"<div class='article-text'>{DE}</div></article></main>",
    )
    got = record(html, "https://www.landbote-beispiel.de/region/bruecke-wird-gesperrt-a12345")
    assert dates(got) == ("2024-03-05", "2024-03-06")


# -- "Creado:", "Fecha:", "Data:" --------------------------------------------------------------


def test_a_spanish_created_and_updated_pair() -> None:
    # a Mexican portal's two stamps: "Creado: 05/03/2024 18:30 Actualizado: 06/03/2024 07:10"
    html = page(
        "es-MX",
        "<title>El puente cierra por un año | Crónica Ejemplo</title>",
        "<header><a href='/'>Crónica Ejemplo</a></header><main><article>"
        "<h1>El puente cierra por un año</h1><div class='meta'><span>Creado: 05/03/2024 18:30</span>"
        " <span>Actualizado: 06/03/2024 07:10</span></div>"
        f"<div class='body'>{ES}</div></article></main>",
    )
    got = record(html, "https://www.cronica-ejemplo.mx/estados/el-puente-cierra")
    assert dates(got) == ("2024-03-05", "2024-03-06")


def test_a_date_field_labelled_fecha_beside_another_field() -> None:
    # a town hall's news page: "Fecha: 05/03/2024  Categoría: Obras"
    html = page(
        "es-AR",
        "<title>El puente cierra por un año - Municipio Ejemplo</title>",
        "<header><a href='/'>Municipio Ejemplo</a></header><main><div class='noticia'>"
        "<h1>El puente cierra por un año</h1><div class='datos'><span>Fecha: 05/03/2024</span> "
        f"<span>Categoría: Obras</span></div><div class='texto'>{ES}</div></div></main>",
    )
    got = record(html, "https://www.municipio-ejemplo.gob.ar/noticias/el-puente-cierra")
    assert got["published"] == "2024-03-05"


def test_an_italian_and_a_portuguese_data_label() -> None:
    # "Data: 05/03/2024 - Autore: Redazione" (it); "Data: 05/03/2024 | Fonte: Prefeitura" (pt)
    it = page(
        "it",
        "<title>Ponte chiuso per un anno | Comune Esempio</title>",
        "<header><a href='/'>Comune Esempio</a></header><main><div class='notizia'>"
        "<h1>Ponte chiuso per un anno</h1><p class='info'>Data: 05/03/2024 - Autore: Redazione</p>"
        f"<div class='testo'>{IT}</div></div></main>",
    )
    pt = page(
        "pt-BR",
        "<title>Ponte fecha por um ano - Prefeitura Exemplo</title>",
        "<header><a href='/'>Prefeitura Exemplo</a></header><main><div class='noticia'>"
        "<h1>Ponte fecha por um ano</h1><p class='info'>Data: 05/03/2024 | Fonte: Prefeitura</p>"
        f"<div class='texto'>{PT}</div></div></main>",
    )
    assert record(it, "https://www.comune-esempio.it/notizie/ponte-chiuso")["published"] == (
        "2024-03-05"
    )
    assert record(pt, "https://www.prefeitura-exemplo.gov.br/noticias/ponte-fecha")[
        "published"
    ] == ("2024-03-05")


# -- a month's name in the URL ----------------------------------------------------------------


def test_a_url_filing_the_page_under_a_month_name_dates_it() -> None:
    # a British paper's URL ("/uk-news/2024/mar/05/…"), the page printing no date
    html = page(
        "en-GB",
        "<title>Bridge closes for a year | UK news | The Paper Example</title>",
        "<header><a href='/'>The Paper Example</a></header><main><article>"
        f"<h1>Bridge closes for a year</h1><div id='maincontent'>{EN}</div></article></main>",
    )
    got = record(html, "https://www.thepaper-example.com/uk-news/2024/mar/05/bridge-closes")
    assert got["published"] == "2024-03-05"
    # a German blog's archive path, the month written out
    html = page(
        "de",
        "<title>Brücke wird gesperrt | Ortsblog</title>",
        "<header><a href='/'>Ortsblog</a></header><main><article>"
        f"<h1>Brücke wird gesperrt</h1><div class='text'>{DE}</div></article></main>",
    )
    got = record(html, "https://www.ortsblog-beispiel.de/2024/oktober/05/bruecke-wird-gesperrt/")
    assert got["published"] == "2024-10-05"


# -- a date piece in the <title> ----------------------------------------------------------------


def test_a_title_piece_that_is_a_date_is_not_the_headline() -> None:
    # a Brazilian paper's <title> ("Headline - 05/03/2024 - Section - Site"), no <h1> to read
    html = page(
        "pt-BR",
        "<title>Ponte fecha por um ano - 05/03/2024 - Cotidiano - Folha Exemplo</title>",
        "<div class='top'><a href='/'>Início</a></div><div class='c-news'><p>05/03/2024</p>"
        f"{PT}</div>",
    )
    got = record(html, "https://www1.folha-exemplo.com.br/cotidiano/ponte-fecha.shtml")
    assert (got["title"], got["published"]) == ("Ponte fecha por um ano", "2024-03-05")
    # a German local paper's, with bars and a dotted date
    html = page(
        "de",
        "<title>Brücke wird gesperrt | 05.03.2024 | Lokales | Heimatbote</title>",
        f"<div class='top'><a href='/'>Start</a></div><div class='content'>{DE}</div>",
    )
    got = record(html, "https://www.heimatbote-beispiel.de/lokales/bruecke-gesperrt-123")
    assert got["title"] == "Brücke wird gesperrt"
