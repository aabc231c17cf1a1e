"""Date and title kinds from an audit of news templates written here (tagDiv
Newspaper, GeneratePress, Twenty Fifteen, Drupal, Blogger, Medium, AMP, Times-style Indian and
Brazilian portals, old hand-made templates), each kind on two templates or languages:

- a label before a month's short name that is also a day's short name in another language
  ("Updated: Mar 4, 2025": "mar" is Tuesday in French, Spanish and Italian) reads that date;
- a WordPress `<time class="entry-date updated">` (hAtom's mark on an unedited post's publication
  time) is the publication, not a modification;
- a slogan `<h1>` in the site bar loses to the `<h2>` set right before the text's container;
- a page with neither `<h1>` nor `<h2>` dates its article from the lines around the element
  printing the headline its metadata names (og:title, JSON-LD)."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

EN = (
    "<p>The city council voted on Tuesday night to close the old bridge over the river for a full "
    "renovation that will last until the autumn, diverting traffic to the ring road.</p>"
    "<p>Officials said the work would cost about two million dollars, most of it paid by the "
    "state, and that cyclists would keep a temporary lane during the whole project.</p>"
)
DE = (
    "<p>Der Gemeinderat hat am Dienstagabend beschlossen, die alte Brücke über den Fluss für eine "
    "umfassende Sanierung bis zum Herbst zu sperren und den Verkehr umzuleiten.</p>"
    "<p>Die Arbeiten kosten rund zwei Millionen Euro, die zum größten Teil das Land trägt, und "
    "Radfahrer behalten während der gesamten Baustelle eine provisorische Spur.</p>"
)
PT = (
    "<p>A câmara municipal votou na terça-feira à noite o encerramento da velha ponte sobre o rio "
    "para uma renovação completa que vai durar até ao outono, com o trânsito desviado.</p>"
    "<p>As obras vão custar cerca de dois milhões de reais, pagos em grande parte pelo estado, e "
    "os ciclistas vão manter uma faixa provisória durante toda a obra.</p>"
)
IT = (
    "<p>Il consiglio comunale ha deciso martedì sera, dopo un lungo dibattito, di riparare il "
    "ponte sul fiume entro l'autunno e di deviare il traffico per tutta la durata dei lavori.</p>"
    "<p>I lavori costeranno circa due milioni di euro, pagati in gran parte dalla regione, e i "
    "ciclisti manterranno una corsia provvisoria per tutta la durata del cantiere.</p>"
)


def page(lang: str, head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head>"
        f"<body>{body}</body></html>"
    )


def record(html: str, url: str) -> dict[str, object]:
    return extract_article(html.encode(), url, profile=profile_for_url(url)).to_dict()


# -- "Updated: Mar 4, 2025": a month's short name that is a day's elsewhere ---------------------


def test_an_updated_line_with_a_short_march_gives_the_modification_only() -> None:
    # an Indian portal's byline: only the update is printed, no metadata
    html = page(
        "en-IN",
        "<title>Bridge closes for a year | Pune News - City Times</title>",
        "<div class='header'><a href='/' class='logo'>City Times</a></div><div class='main'>"
        "<div class='article'><h1 class='HNMDR'><span>Bridge closes for a year</span></h1>"
        "<div class='xf8Pm byline'><span>TNN</span> / <span>Updated: Mar 4, 2025, 23:45 IST"
        f"</span></div><div class='_s30J clearfix'>{EN}</div></div></div>",
    )
    got = record(html, "https://www.citytimes-example.in/city/pune/bridge/articleshow/1182345.cms")
    assert (got["published"], got["modified"]) == (None, "2025-03-04")


def test_posted_and_updated_labels_before_short_march_names() -> None:
    # a US station's byline: both labels before "Mar"
    html = page(
        "en-US",
        "<title>Bridge closes for a year - KXYZ</title>",
        "<header><a href='/' class='logo'>KXYZ</a></header><main><article>"
        "<h1 class='headline'>Bridge closes for a year</h1><div class='story-meta'>"
        "<span>Posted: Mar 3, 2025 / 06:12 PM CST</span> <span>Updated: Mar 5, 2025 / 08:40 AM CST"
        f"</span></div><div class='story-body'>{EN}</div></article></main>",
    )
    got = record(html, "https://www.kxyz-example.com/news/local/bridge-closes-for-a-year/")
    assert (got["published"], got["modified"]) == ("2025-03-03", "2025-03-05")


# -- <time class="entry-date updated">: hAtom's mark on the publication ---------------------------


def _related(time_class: str) -> str:
    return "".join(
        f"<div class='td_module_related_posts'><h3 class='entry-title'><a href='/{d}/'>Other "
        f"story {d}</a></h3><time class='{time_class}' datetime='2025-03-0{d}T10:00:00-05:00'>"
        f"March {d}, 2025</time></div>"
        for d in (6, 7)
    )


def test_a_newspaper_theme_entry_date_updated_is_the_publication() -> None:
    cls = "entry-date updated td-module-date"
    html = page(
        "en-US",
        "<title>Bridge closes for a year | Valley Tribune</title>",
        "<div class='td-header-wrap'><span class='td_data_time'>Tuesday, March 11, 2025</span></div>"
        "<article class='post'><header class='td-post-title'><h1 class='entry-title'>Bridge closes "
        "for a year</h1><div class='td-module-meta-info'><span class='td-post-date'>"
        f"<time class='{cls}' datetime='2025-03-04T21:15:40-05:00'>March 4, 2025</time></span>"
        f"</div></header><div class='td-post-content'>{EN}</div></article>"
        f"<div class='td_block_related_posts'>{_related(cls)}</div>",
    )
    got = record(html, "https://www.valleytribune-news.com/local/bridge-closes-for-a-year/")
    assert (got["published"], got["modified"]) == ("2025-03-04", None)


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        # Twenty Fifteen, an unedited post: one <time> marked published and updated
        (
            "<time class='entry-date published updated' datetime='2025-03-04T09:00:00+00:00'>"
            "March 4, 2025</time>",
            ("2025-03-04", None),
        ),
        # the same theme once the post is edited: the update has a <time> of its own
        (
            "<time class='entry-date published' datetime='2025-03-04T09:00:00+00:00'>March 4, "
            "2025</time><time class='updated' datetime='2025-03-09T09:00:00+00:00'>March 9, "
            "2025</time>",
            ("2025-03-04", "2025-03-09"),
        ),
    ],
)
def test_twenty_fifteen_times(times: str, expected: tuple[str, str | None]) -> None:
    html = page(
        "en-GB",
        "<title>Bridge closes for a year – Parish Notes</title>",
        "<div class='site'><header class='site-header'><p class='site-title'><a href='/'>Parish "
        "Notes</a></p></header><main class='site-main'><article class='post'><header "
        "class='entry-header'><h1 class='entry-title'>Bridge closes for a year</h1></header>"
        f"<div class='entry-content'>{EN}</div><footer class='entry-footer'><span "
        f"class='posted-on'><a href='/bridge/' rel='bookmark'>{times}</a></span></footer>"
        "</article></main></div>",
    )
    got = record(html, "https://parishnotes-example.co.uk/bridge-closes-for-a-year/")
    assert (got["published"], got["modified"]) == expected


# -- a slogan <h1> in the site bar, the article's <h2> right before its text -------------------


def test_a_slogan_h1_loses_to_the_h2_over_the_text() -> None:
    # a German association's press page
    html = page(
        "de",
        "<title>Verband Südholz</title>",
        "<div class='site-bar'><h1 class='site-slogan'>Gemeinsam stark für die Region</h1>"
        "<a href='/' class='logo'>Verband Südholz</a></div><div class='content'><div class='post'>"
        "<h2 class='entry-title'>Brücke ein Jahr gesperrt</h2><div class='entry'><p>Kleinwalde, "
        "4. März 2025 – Der Gemeinderat hat am Dienstagabend beschlossen, die alte Brücke über "
        f"den Fluss für eine umfassende Sanierung bis zum Herbst zu sperren.</p>{DE}</div></div>"
        "</div>",
    )
    got = record(html, "https://www.verband-suedholz.de/presse/bruecke-ein-jahr-gesperrt")
    assert (got["title"], got["published"]) == ("Brücke ein Jahr gesperrt", "2025-03-04")


def test_a_motto_h1_loses_to_the_h2_over_a_wrapped_text() -> None:
    # an old English club site: the text's container is wrapped once more under its <h2>
    html = page(
        "en",
        "<title>Riverside Rowing Club</title>",
        "<div id='header'><h1>Pulling together since 1902</h1><div id='menu'><a href='/'>Home</a>"
        " <a href='/news/'>News</a></div></div><div id='page'><div class='item'><h2 "
        "class='contentheading'>New boathouse opens in April</h2><div class='item-body'><div "
        f"class='text'>{EN}</div></div></div></div>",
    )
    got = record(html, "http://www.riverside-rowing.example/news/new-boathouse")
    assert got["title"] == "New boathouse opens in April"


# -- no <h1> nor <h2>: the element printing the headline the metadata names ----------------------


def test_the_date_line_under_a_headline_printed_in_a_div() -> None:
    # a Brazilian portal: og:title names the headline, printed in a <div class=chamada>
    html = page(
        "pt-BR",
        "<title>Ponte fechada por um ano - O Jornal | Notícias do Sul de Minas</title>"
        "<meta property='og:title' content='Ponte fechada por um ano'>",
        "<div class='topo'><a href='/' class='marca'>O Jornal</a></div><div class='conteudo'>"
        "<div class='materia'><div class='chamada'>Ponte fechada por um ano</div><div "
        "class='dados'>Publicado em 04/03/2025 - 18:30 | Atualizado em 05/03/2025 - 09:12</div>"
        f"<div class='texto'>{PT}</div></div></div>",
    )
    got = record(html, "https://www.ojornaldosul.com.br/noticias/2025/ponte-fechada-por-um-ano")
    assert (got["title"], got["published"], got["modified"]) == (
        "Ponte fechada por um ano",
        "2025-03-04",
        "2025-03-05",
    )


def test_the_date_line_under_a_headline_named_by_json_ld() -> None:
    # an Italian local site: JSON-LD names the headline, printed in a <p class=titolo>
    html = page(
        "it",
        "<title>Gazzetta del Borgo</title><script type='application/ld+json'>{\"@context\":"
        '"https://schema.org","@type":"NewsArticle","headline":"Il ponte chiuso per un anno"}'
        "</script>",
        "<div class='testata'><a href='/'>Gazzetta del Borgo</a></div><div class='pagina'>"
        "<div class='titolo'><b>Il ponte chiuso per un anno</b></div><div class='info'><span>"
        "Pubblicato il 4 marzo 2025</span> <span>Aggiornato il 6 marzo 2025</span></div>"
        f"<div class='testo'>{IT}</div></div>",
    )
    got = record(html, "https://www.gazzettadelborgo.it/cronaca/ponte-chiuso")
    assert (got["title"], got["published"], got["modified"]) == (
        "Il ponte chiuso per un anno",
        "2025-03-04",
        "2025-03-06",
    )


# -- a <title> fallback signed with a name and a slogan that match nothing known -----------------


@pytest.mark.parametrize(
    ("lang", "title", "url", "text", "headline"),
    [
        # a short name the host does not spell, then the slogan, each after a dash
        (
            "de",
            "Brücke ein Jahr gesperrt – KZ Online – Nachrichten aus Kiel und der Region",
            "https://www.kieler-zeitung-example.de/lokales/bruecke-ein-jahr-gesperrt-XYZ123.html",
            DE,
            "Brücke ein Jahr gesperrt",
        ),
        # initials, then the slogan, after bars
        (
            "it",
            "Il ponte chiuso per un anno | GdB | Il quotidiano della città e della provincia",
            "https://www.giornaledibrescia-example.it/cronaca/il-ponte-chiuso-per-un-anno",
            IT,
            "Il ponte chiuso per un anno",
        ),
    ],
)
def test_a_title_tag_signature_the_address_leaves_out(
    lang: str, title: str, url: str, text: str, headline: str
) -> None:
    # an old template: no heading and no metadata, the date printed above the text
    html = page(
        lang,
        f"<title>{title}</title>",
        "<div id='kopf'><a href='/'>Home</a></div><div id='inhalt'><div class='artikel'>"
        f"<div class='datum'>04.03.2025</div>{text}</div></div>",
    )
    got = record(html, url)
    assert (got["title"], got["published"]) == (headline, "2025-03-04")
