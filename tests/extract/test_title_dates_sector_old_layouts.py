"""Issue 13, kinds of record error on old and CMS layouts, each on pages written here in two
languages or markups: a `<title>` kept whole on a page without `<h1>`, an "Updated" line with a
slash or dotted date not read, a section label above a table-layout headline not read, a sidebar
item's title taken as the sector, and a WebForms repeater of related articles not found."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile


def _record(html: str, url: str) -> dict[str, object]:
    return extract_article(html, url, profile=generic_profile()).to_dict()


_TEXT_NL = (
    "<p>De nieuwe brug verbindt vanaf vandaag de twee oevers van de stad en is open voor "
    "fietsers en voetgangers. Het project kostte drie jaar werk.</p><p>De burgemeester opende "
    "de brug samen met de schepen van mobiliteit in aanwezigheid van honderden inwoners.</p>"
)
_TEXT_FR = (
    "<p>Le pont relie désormais les deux rives de la ville et accueille piétons et cyclistes "
    "dès ce lundi matin, après trois ans de travaux.</p><p>Le bourgmestre a coupé le ruban "
    "devant plusieurs centaines d'habitants venus de tout le quartier.</p>"
)

# 1. no <h1>: the <title> "Site :: Headline" loses the site's name; the headline printed as a
#    line of its own in a bigger face is the <title> piece that is the headline

_TITLE_PAGES = {
    "nl_double_colon": (
        "<html lang='nl'><head><title>Gemeenteblad :: Nieuwe brug over de Schelde geopend"
        "</title></head><body><table width='100%'><tr><td><img src='logo.gif' "
        "alt='Gemeenteblad'></td></tr><tr><td><a href='/'>Home</a> | <a href='/nieuws/'>Nieuws"
        "</a></td></tr><tr><td><font size='5'><b>Nieuwe brug over de Schelde geopend</b></font>"
        f"<br><font size='2'>12/03/2026</font>{_TEXT_NL}</td></tr></table></body></html>",
        "http://gemeenteblad.example/nieuws/brug.asp?id=12",
        "Nieuwe brug over de Schelde geopend",
    ),
    "en_double_slash": (
        "<html lang='en'><head><title>Valley Courier // Council approves the new river bridge"
        "</title></head><body><table><tr><td><font size='+2'><b>Council approves the new river "
        "bridge</b></font><br><p>The bridge will link both banks of the town and open to "
        "cyclists and pedestrians next spring, after three years of works.</p><p>The mayor "
        "said the project stayed within its budget despite the floods.</p></td></tr></table>"
        "</body></html>",
        "http://valleycourier.example/news.asp?id=7",
        "Council approves the new river bridge",
    ),
    # a separator that also writes paths (" » "), and a site name the page states nowhere else:
    # the piece the page prints in a bold, larger face is the headline
    "fr_printed_piece": (
        "<html lang='fr'><head><title>Le Quotidien régional » Un nouveau pont sur la Meuse"
        "</title></head><body><table><tr><td><font size='6' color='navy'>Le Quotidien régional"
        "</font></td></tr><tr><td><span style='font-size:22px;font-weight:bold'>Un nouveau pont "
        f"sur la Meuse</span><br>{_TEXT_FR}</td></tr></table></body></html>",
        "http://lqr.example/art.php?id=5",
        "Un nouveau pont sur la Meuse",
    ),
}


# 2. an "Updated" line with a slash or dotted date, labels from the vocabulary data; the page's
#    one slash-date order still applies to it

_MODIFIED_PAGES = {
    "nl_laatste_update": (
        "<html lang='nl'><body><main><h1>Nieuwe brug over de Schelde geopend</h1>"
        f"<p>Gepubliceerd op 12/03/2026</p>{_TEXT_NL}<p>Laatste update: 16/03/2026</p></main>"
        "</body></html>",
        "https://stad.example/nieuws/brug",
        ("2026-03-12", "2026-03-16"),
    ),
    "nl_bijgewerkt_op_colon": (
        "<html lang='nl'><body><main><h1>Nieuwe brug over de Schelde geopend</h1>"
        f"<p>Laatst bijgewerkt op: 16.03.2026</p>{_TEXT_NL}</main></body></html>",
        "https://stad.example/nieuws/brug-2",
        (None, "2026-03-16"),
    ),
    "fr_mise_a_jour": (
        "<html lang='fr'><body><main><h1>Un nouveau pont sur la Meuse</h1>"
        f"<p>Mise à jour : 16/03/2026</p>{_TEXT_FR}</main></body></html>",
        "https://ville.example/actu/pont",
        (None, "2026-03-16"),
    ),
    # the page writes its slash dates month first (a part over 12): "03/04/2026" is March 4
    "en_last_update_month_first": (
        "<html lang='en'><body><main><h1>Council approves the new river bridge</h1>"
        "<p>Posted 03/02/2026</p><p>The bridge will link both banks of the town and open to "
        "cyclists and pedestrians next spring, after three years of works.</p>"
        "<p>Last update: 03/16/2026</p></main></body></html>",
        "https://courier.example/news/bridge",
        ("2026-03-02", "2026-03-16"),
    ),
    # day first (a part over 12 in the first place): "Last update: 04/03/2026" is 4 March
    "en_last_update_day_first": (
        "<html lang='en'><body><main><h1>Council approves the new river bridge</h1>"
        "<p>Posted 16/02/2026</p><p>The bridge will link both banks of the town and open to "
        "cyclists and pedestrians next spring, after three years of works.</p>"
        "<p>Last update: 04/03/2026</p></main></body></html>",
        "https://courier.example/news/bridge-2",
        ("2026-02-16", "2026-03-04"),
    ),
}


@pytest.mark.parametrize(
    ("html", "url", "dates"), _MODIFIED_PAGES.values(), ids=list(_MODIFIED_PAGES)
)
def test_an_updated_line_with_a_numeric_date_is_the_modified_day(
    html: str, url: str, dates: tuple[str | None, str]
) -> None:
    record = _record(html, url)
    assert record["published"] == dates[0]
    assert record["modified"] == dates[1]


def test_the_table_layout_page_reads_its_last_update_line() -> None:
    html, url, _ = _TITLE_PAGES["nl_double_colon"]
    html = html.replace("</td></tr></table>", "<p>Laatste update: 16/03/2026</p></td></tr></table>")
    record = _record(html, url)
    assert (record["published"], record["modified"]) == ("2026-03-12", "2026-03-16")


# 5. a WebForms repeater of related articles (a date span and a link per unit, the article told
#    apart by its query on one script path) is a list of cards; a footer's or menu's row of
#    bare section links is not

_NL_PLAN = (
    "<p>"
    + "De gemeenteraad keurde gisteren het nieuwe mobiliteitsplan goed na een lange discussie "
    "over parkeerplaatsen en fietspaden. " * 3 + "</p>"
)


def _repeater_nl() -> str:
    units = "".join(
        f"<div id='ctl00_Main_rptRelated_ctl0{i}_pnl'><span id='ctl00_Main_rptRelated_ctl0{i}"
        f"_lblDate'>1{i}/03/2026</span> <a href='/nieuws/artikel.aspx?id=10{i}'>Artikel {i} "
        "over de nieuwe stadswijk</a></div>"
        for i in (1, 2, 3)
    )
    return (
        "<html lang='nl'><body><form id='aspnetForm'><div id='ctl00_content'><h1>"
        f"Mobiliteitsplan goedgekeurd</h1><span>15/03/2026</span>{_NL_PLAN}<div "
        f"id='ctl00_Main_pnlRelated'>{units}</div></div></form></body></html>"
    )


def _repeater_en() -> str:
    rows = "".join(
        f"<tr id='ctl00_Main_rptRelated_ctl0{i}_row'><td><span>0{i}/03/2026</span></td><td><a "
        f"href='NewsItem.aspx?NewsID=5{i}'>Story {i} about the harbour district works</a></td>"
        "</tr>"
        for i in (1, 2, 3)
    )
    return (
        "<html lang='en'><body><form id='aspnetForm'><div id='ctl00_content'><h1>Transport "
        "plan approved</h1><p>The council approved the new transport plan yesterday after a "
        "long debate about parking spaces and cycle lanes in the centre of town.</p><table "
        f"id='ctl00_Main_rptRelated'>{rows}</table></div></form></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "url", "base", "day"),
    [
        pytest.param(
            _repeater_nl(),
            "https://stad.example/nieuws/artikel.aspx?id=99",
            "https://stad.example/nieuws/artikel.aspx?id=10",
            "2026-03-1",
            id="nl_div_units",
        ),
        pytest.param(
            _repeater_en(),
            "https://courier.example/News/NewsItem.aspx?NewsID=99",
            "https://courier.example/News/NewsItem.aspx?NewsID=5",
            "2026-03-0",
            id="en_table_rows",
        ),
    ],
)
def test_a_webforms_repeater_is_a_list_of_related_articles(
    html: str, url: str, base: str, day: str
) -> None:
    related = _record(html, url)["related"]
    assert isinstance(related, list)
    assert [(r["url"], r["published"]) for r in related] == [
        (f"{base}{i}", f"{day}{i}") for i in (1, 2, 3)
    ]
    assert all(str(r["title"]).startswith(("Artikel", "Story")) for r in related)


def test_a_footer_row_of_section_links_is_no_related_list() -> None:
    menu = "".join(
        f"<li><a href='/nieuws/rubriek.aspx?id={i}'>{name}</a></li>"
        for i, name in enumerate(("Nieuws", "Sport", "Cultuur", "Economie"))
    )
    footer = "".join(
        f"<td><a href='/info/pagina.aspx?id={i}'>{name}</a></td>"
        for i, name in enumerate(("Over ons", "Contact", "Privacy", "Adverteren"))
    )
    html = (
        f"<html lang='nl'><body><form><ul id='ctl00_ucMenu_rptItems'>{menu}</ul><div "
        f"id='ctl00_content'><h1>Mobiliteitsplan goedgekeurd</h1>{_NL_PLAN}</div><table "
        f"id='ctl00_ucBottom_tbl'><tr>{footer}</tr></table></form></body></html>"
    )
    assert _record(html, "https://stad.example/nieuws/artikel.aspx?id=99")["related"] == []


# 3. a section label on a line of its own just before the headline (a `<font>` line on a
#    table layout, a class-less `<span>` or `<div>`), never the date, the site's name or a menu


def _table_page(before: str) -> str:
    return (
        "<html lang='nl'><head><title>Gemeenteblad :: Nieuwe brug over de Schelde geopend"
        "</title></head><body><table width='100%'><tr><td><font size='6'>Gemeenteblad</font>"
        "</td></tr><tr><td><a href='/'>Home</a> | <a href='/nieuws/'>Nieuws</a></td></tr><tr>"
        f"<td>{before}<font size='5'><b>Nieuwe brug over de Schelde geopend</b></font><br>"
        f"{_TEXT_NL}</td></tr></table></body></html>"
    )


_LABEL_PAGES = {
    "nl_font_label": (
        _table_page("<font size='2' color='#c00'>Mobiliteit</font><br>"),
        "http://gemeenteblad.example/nieuws/brug.asp?id=12",
        "Mobiliteit",
    ),
    "nl_date_line_is_no_label": (
        _table_page("<font size='2'>12/03/2026</font><br>"),
        "http://gemeenteblad.example/nieuws/brug.asp?id=12",
        None,
    ),
    "nl_site_name_is_no_label": (
        _table_page(""),
        "http://gemeenteblad.example/nieuws/brug.asp?id=12",
        None,
    ),
    "en_span_label": (
        "<html lang='en'><head><title>Council approves the new river bridge // Valley Courier"
        "</title></head><body><table><tr><td><span>City Hall</span><br><span "
        "style='font-size:24px'><b>Council approves the new river bridge</b></span><br><p>The "
        "bridge will link both banks of the town and open to cyclists and pedestrians next "
        "spring, after three years of works.</p></td></tr></table></body></html>",
        "http://valleycourier.example/news.asp?id=7",
        "City Hall",
    ),
    "fr_div_above_h1": (
        "<html lang='fr'><body><div><div>Économie</div><h1>Un nouveau pont sur la Meuse</h1>"
        f"{_TEXT_FR}</div></body></html>",
        "https://journal.example/actu/pont-meuse",
        "Économie",
    ),
}


#: the headline and sector pages, each with the field a reader sees on it
_SHOWN = {("title", name): page for name, page in _TITLE_PAGES.items()} | {
    ("sector", name): page for name, page in _LABEL_PAGES.items()
}


@pytest.mark.parametrize(("field", "name"), sorted(_SHOWN))
def test_the_headline_and_its_label_line_without_h1(field: str, name: str) -> None:
    """1: a title without `<h1>` loses the site's name; 3: the label line just above the
    headline is the sector."""
    html, url, expected = _SHOWN[field, name]
    assert _record(html, url)[field] == expected


# 4. a sidebar module's item (a link to another article, whatever class it wears) is never the
#    article's sector


def _with_sidebar(lang: str, headline: str, text: str, sidebar: str) -> str:
    return (
        f"<html lang='{lang}'><body><div class='container'><main id='content'><div "
        f"class='item-page'><div class='page-header'><h2 itemprop='headline'>{headline}</h2>"
        f"</div><div itemprop='articleBody'>{text}</div></div></main><div id='aside' "
        f"class='span3'><div class='moduletable'>{sidebar}</div></div></div></body></html>"
    )


_SIDEBAR_PAGES = {
    "fr_joomla_category_module": (
        _with_sidebar(
            "fr",
            "Un nouveau pont sur la Meuse",
            _TEXT_FR,
            "<h3>Lire aussi</h3><ul class='category-module mod-list'><li><a "
            "class='mod-articles-category-title' href='/index.php/actualites/124-nouvelle-"
            "piscine'>Une nouvelle piscine</a></li></ul>",
        ),
        "https://namur.example/index.php/actualites/123-pont-meuse",
    ),
    "nl_categorie_heading_link": (
        _with_sidebar(
            "nl",
            "Nieuwe brug over de Schelde geopend",
            _TEXT_NL,
            "<h4 class='categorie-titel'><a href='/nieuws/nieuwe-fietsbrug-"
            "klaar'>Nieuwe fietsbrug klaar</a></h4>",
        ),
        "https://stad.example/nieuws/brug-schelde-open",
    ),
}


@pytest.mark.parametrize("name", sorted(_SIDEBAR_PAGES))
def test_a_sidebar_item_title_is_never_the_sector(name: str) -> None:
    html, url = _SIDEBAR_PAGES[name]
    assert _record(html, url)["sector"] is None
