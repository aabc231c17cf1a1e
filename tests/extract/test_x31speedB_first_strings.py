"""Speed shortcuts of the body's setup answer what the bs4 calls they replace do.

1. `first_stripped_string(element)` is `next(element.stripped_strings, None)` on every element of
   a page: text after white space, comments and empty elements, a script's, a style's and a
   template's own strings (read inside them, skipped from outside), CDATA, a page nested deeper
   than Python's recursion limit; on our parse and on stock bs4's (`in_sponsor_box`,
   `picture_only` ask it).
2. A page without `<h1>` keeps as its headline the first element classed as a title that prints
   the title (`Page.keep_titled_element` walks the body's elements itself, not `find_all`): the
   element after it is no body (en, a `<div class="post-title">`; fr, a `<span class="headline">`
   in a table layout).
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from scraper.extract.article import parse_html
from scraper.extract.treewalk import first_stripped_string
from tests.extract.reading import read

TRICKY = """<html><head><title>T</title><style>p { color: red }</style></head><body>
<!-- a comment first -->
<div class="a">
  <div>  <span> </span><svg><path d="M0"/><path/></svg>
    <script>var x = 1;</script>
    <p>Sponsored <b>now</b></p><p>more</p>
  </div>
  <template><p>templated</p></template>
  <div>   </div><div></div>
  <p><![CDATA[ cdata text ]]> after</p>
  <pre>
   kept
  </pre>
</div>
</body></html>"""


def _elements(soup: BeautifulSoup) -> list[object]:
    return [soup, *soup.find_all(True)]


def test_first_stripped_string_answers_as_bs4_on_every_element() -> None:
    for soup in (parse_html(TRICKY).soup, BeautifulSoup(TRICKY, "lxml")):
        for element in _elements(soup):
            assert first_stripped_string(element) == next(element.stripped_strings, None)  # type: ignore[attr-defined]


def test_first_stripped_string_reads_a_page_nested_past_the_recursion_limit() -> None:
    deep = (
        "<html><body>" + "<div>" * 4000 + " \n<i></i>deep text" + "</div>" * 4000 + "</body></html>"
    )
    soup = parse_html(deep).soup
    assert soup.body is not None
    assert first_stripped_string(soup.body) == "deep text" == next(soup.body.stripped_strings)


EN = """<html><head><title>Harbour cranes get a second life | Port Weekly</title></head><body>
<div class="site-header"><div class="logo">Port Weekly</div></div>
<div class="wrap"><div class="post-meta">News</div>
<div class="post-title">Harbour cranes get a second life</div>
<div class="entry">
<p>The port authority has refurbished four of its oldest cranes instead of scrapping them, saving
an estimated two million euros and most of the steel they are made of.</p>
<p>The work took eighteen months and was done by a local yard, which now plans to offer the same
service to other ports along the coast.</p>
</div></div></body></html>"""

FR = """<html><head><title>Les grues du port reprennent du service - Hebdo du Port</title></head>
<body><table><tr><td class="nav"><a href="/">Accueil</a></td></tr><tr><td>
<span class="headline">Les grues du port reprennent du service</span>
<p>Le port a remis en état quatre de ses plus anciennes grues au lieu de les démolir, une
économie estimée à deux millions d'euros et l'essentiel de leur acier.</p>
<p>Les travaux ont duré dix-huit mois et ont été confiés à un chantier local, qui compte proposer
le même service à d'autres ports de la côte.</p>
</td></tr></table></body></html>"""


def test_a_classed_title_div_is_the_headline_of_a_page_without_h1() -> None:
    record = read(EN, "https://portweekly.example/news/harbour-cranes/")
    assert record.title == "Harbour cranes get a second life"
    assert record.body is not None and "Harbour cranes get a second life" not in record.body
    assert "refurbished four of its oldest cranes" in (record.lead or "") + record.body


def test_a_classed_headline_span_is_the_headline_of_a_french_table_layout() -> None:
    record = read(FR, "https://hebdoduport.example/actualites/grues/")
    assert record.title == "Les grues du port reprennent du service"
    text = (record.lead or "") + (record.body or "")
    assert "quatre de ses plus anciennes grues" in text
    assert "Les grues du port reprennent du service" not in (record.body or "")
