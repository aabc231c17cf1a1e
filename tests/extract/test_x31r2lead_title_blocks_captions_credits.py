"""Leads, modified dates and bodies of title blocks, news-detail summaries and picture credits,
each kind on a page written here and on a sibling of another template or language.

1. A title block in the header (Quarto's `<header id="title-block-header">`: `<h1 class="title">`,
   `<p class="subtitle lead">` or a `<div class="description">`, then a grid of label/value
   pairs): the subtitle or description is the lead, not the text's first paragraph.
2. A news-detail page whose picture caption ("Le salon Foodex à Makuhari Messe. Photo : JMA",
   a `<figcaption>` or a `<p class="caption">` under the image) comes before the summary box
   (CMS Made Simple's `NewsSummarySummary`): a caption is never the lead.
3. A teaser box holding the headline, the standfirst and the picture's caption (OpenCms
   Mercury's `.detail-header` with an `.intro`): the lead is the standfirst paragraph alone.
4. A modified date whose label and value are separate elements of a meta grid (Quarto's
   "Modified" heading and contents, a `<dl>` "Mis à jour" `<dt>`/`<dd>`, a table row "Mis à
   jour le | 20/05/2026").
5. A credit line standing alone under a picture ("Beeld: hub.brussels", "Fotografia: GCS",
   "Fotografía: …", "Foto di …") is furniture, never body; a callout box in the text (Quarto's
   `<div class="callout">`) and the paragraph after it are body.
"""

from __future__ import annotations

import datetime as dt

from scraper.models import Article
from tests.extract.reading import read

_OPEN = (
    '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} – {site}'
    "</title></head><body>"
)
_CLOSE = "<footer><p>© 2026 {site}</p></footer></body></html>"


def _page(lang: str, title: str, site: str, inner: str) -> str:
    return _OPEN.format(lang=lang, title=title, site=site) + inner + _CLOSE.format(site=site)


# -- 1. title blocks ---------------------------------------------------------------------------

_QUARTO_EN = _page(
    "en",
    "Brussels food makers head to Osaka",
    "Trade notes",
    '<div id="quarto-header"><nav class="navbar"><a class="navbar-brand" href="/">Trade notes</a>'
    "</nav></div>"
    '<header id="title-block-header" class="quarto-title-block default page-columns page-full">'
    '<div class="quarto-title-banner page-columns page-full"><div class="quarto-title column-body">'
    '<h1 class="title">Brussels food makers head to Osaka</h1>'
    '<div class="quarto-categories"><div class="quarto-category">agrifood</div>'
    '<div class="quarto-category">japan</div></div></div></div>'
    '<div><div class="description"><p>Twelve companies from the capital region join the trade '
    "mission to the Kansai region in June.</p></div></div>"
    '<div class="quarto-title-meta">'
    '<div><div class="quarto-title-meta-heading">Author</div>'
    '<div class="quarto-title-meta-contents"><p>Jane Peeters</p></div></div>'
    '<div><div class="quarto-title-meta-heading">Published</div>'
    '<div class="quarto-title-meta-contents"><p class="date">March 2, 2026</p></div></div>'
    '<div><div class="quarto-title-meta-heading">Modified</div>'
    '<div class="quarto-title-meta-contents"><p class="date-modified">March 6, 2026</p></div>'
    "</div></div></header>"
    '<div id="quarto-content" class="quarto-container page-columns page-layout-article">'
    '<main class="content quarto-banner-title-block" id="quarto-document-content">'
    "<p>The mission opens at the Foodex fair, where the Brussels pavilion will show chocolate, "
    "beer and plant-based foods to Japanese importers and retail buyers.</p>"
    '<div class="callout callout-style-default callout-note callout-titled">'
    '<div class="callout-header d-flex align-content-center">'
    '<div class="callout-icon-container"><i class="callout-icon"></i></div>'
    '<div class="callout-title-container flex-fill">Good to know</div></div>'
    '<div class="callout-body-container callout-body"><p>Matchmaking day: 23 June 2026</p></div>'
    "</div>"
    "<p>Companies that want a meeting with the Osaka distributors should register before the end "
    "of April; the agency arranges the interpreters and the transport between the venues.</p>"
    "</main></div>",
)

_HUGO_FR = _page(
    "fr",
    "Les entreprises bruxelloises à Séoul",
    "Carnets export",
    '<nav class="site-nav"><a href="/">Carnets export</a> <a href="/posts/">Articles</a></nav>'
    '<header class="page-header">'
    '<div class="page-title-box"><h1 class="page-title">Les entreprises bruxelloises à Séoul</h1>'
    '<ul class="post-tags"><li><span>santé</span></li><li><span>Corée</span></li></ul></div>'
    '<div class="post-description">Huit sociétés actives dans la santé numérique présentent '
    "leurs solutions aux hôpitaux coréens en septembre.</div>"
    '<dl class="post-meta"><dt>Publié</dt><dd>12 mai 2026</dd>'
    "<dt>Modifié</dt><dd>19 mai 2026</dd></dl></header>"
    '<main class="post-content">'
    '<div class="callout callout-tip"><p class="callout-title">À retenir</p>'
    "<p>La mission commence au salon KIMES, où le pavillon belge accueille les acheteurs des "
    "grands groupes hospitaliers et les distributeurs de matériel médical.</p></div>"
    "<p>Les entreprises intéressées peuvent encore s'inscrire jusqu'à la fin du mois de juin "
    "auprès de l'attaché économique et commercial à Séoul.</p>"
    '<div class="callout callout-important"><p>Clôture des inscriptions : 30 juin 2026</p></div>'
    "<p>Un programme de rendez-vous est préparé pour chaque entreprise.</p>"
    "</main>",
)


# -- 2. a caption before a news-detail summary -------------------------------------------------

_CMSMS_FR = _page(
    "fr",
    "Foodex Japan 2026 : douze entreprises bruxelloises à Tokyo",
    "Export Bruxelles",
    '<div id="header"><a href="/">Export Bruxelles</a></div>'
    '<div id="content"><div class="NewsSummary">'
    '<div class="NewsSummaryPostdate">14/03/2026</div>'
    '<h1 class="NewsSummaryLink">Foodex Japan 2026 : douze entreprises bruxelloises à Tokyo</h1>'
    '<div class="NewsSummaryCategory">Catégorie : Agroalimentaire</div>'
    '<p><img src="/uploads/foodex.jpg" alt=""><br>'
    "<em>Le salon Foodex à Makuhari Messe. Photo : JMA</em></p>"
    '<div class="NewsSummarySummary"><p>Douze producteurs bruxellois présentent leurs chocolats, '
    "bières et biscuits aux importateurs japonais lors du plus grand salon alimentaire d'Asie."
    "</p></div>"
    '<div class="NewsSummaryContent"><p>Le pavillon belge occupe cette année trois cents mètres '
    "carrés dans le hall 4 et accueille des dégustations chaque après-midi pour les acheteurs."
    "</p><p>Les entreprises ont été préparées par l'attaché économique et commercial à Tokyo, "
    "qui a organisé des rendez-vous avec les chaînes de distribution japonaises.</p></div>"
    "</div></div>",
)

_CMSMS_NL = _page(
    "nl",
    "Brusselse bedrijven op de Hannover Messe",
    "Export Brussel",
    '<div id="header"><a href="/">Export Brussel</a></div>'
    '<div id="content"><div id="NewsPostDetail">'
    '<div id="NewsPostDetailDate">21/04/2026</div>'
    '<h1 id="NewsPostDetailTitle">Brusselse bedrijven op de Hannover Messe</h1>'
    '<div class="NewsPostDetailPicture"><img src="/uploads/hannover.jpg" alt="">'
    "<em>De Belgische stand op de Hannover Messe. Foto: Deutsche Messe</em></div>"
    '<div class="NewsSummarySummary"><p>Zes Brusselse technologiebedrijven tonen hun oplossingen '
    "voor de industrie van morgen op de grootste industriebeurs ter wereld.</p></div>"
    '<div id="NewsPostDetailContent"><p>De bedrijven delen een stand van honderd vierkante meter '
    "in hal 5, waar ze robots, sensoren en software voor slimme fabrieken voorstellen.</p>"
    "<p>Het bezoek werd voorbereid door de economische en handelsattaché in Düsseldorf, die "
    "afspraken regelde met Duitse industriële groepen.</p></div>"
    "</div></div>",
)

# -- 3. a teaser box: headline, standfirst, caption --------------------------------------------

_MERCURY_DE = _page(
    "de",
    "Brüsseler Start-ups auf der Gamescom",
    "Wirtschaftsportal",
    '<header class="area-header"><a href="/">Wirtschaftsportal</a></header>'
    '<main class="area-content"><div class="detail-page type-article">'
    '<div class="detail-header">'
    '<h1 class="intro-headline"><span class="headline">Brüsseler Start-ups auf der Gamescom</span>'
    "</h1>"
    '<div class="intro"><p>Acht Studios aus der Hauptstadtregion zeigen ihre Spiele in Köln und '
    "suchen dort Verlage und Investoren.</p></div>"
    '<div class="visual"><div class="image-src-box"><img src="/export/gamescom.jpg" alt="">'
    '</div><div class="subtitle">Der Gemeinschaftsstand in Halle 10. <span class="copyright">'
    "© Koelnmesse</span></div></div>"
    "</div>"
    '<div class="detail-content"><div class="detail-part"><p>Die Studios teilen sich einen Stand '
    "in der Business Area und treffen an drei Tagen mehr als vierzig Verlage aus Europa und "
    "Asien.</p><p>Die Reise wurde vom Wirtschaftsattaché in Düsseldorf vorbereitet, der die "
    "Termine mit den Verlagen vereinbart hat.</p></div></div>"
    "</div></main>",
)

_MERCURY_EN = _page(
    "en",
    "Brussels fintechs at Money20/20 Europe",
    "Business portal",
    '<header class="area-header"><a href="/">Business portal</a></header>'
    '<main class="area-content"><div class="detail-page type-blog">'
    '<div class="detail-header piece">'
    '<div class="heading"><h1 class="piece-heading">Brussels fintechs at Money20/20 Europe</h1>'
    "</div>"
    '<div class="visual"><img src="/export/money.jpg" alt="">'
    '<div class="subtitle">The Belgian stand at the RAI. Image: Money20/20</div></div>'
    '<div class="body"><div class="intro">Five young companies from the capital present their '
    "payment and compliance tools to European banks in Amsterdam.</div></div>"
    "</div>"
    '<div class="detail-content"><div class="detail-part"><p>The companies share a stand near '
    "the main stage and meet more than thirty banks and payment firms over three days.</p>"
    "<p>The visit was prepared by the economic attaché in The Hague, who arranged the meetings "
    "with the Dutch and German banks.</p></div></div>"
    "</div></main>",
)

# -- 4. modified dates in meta grids -----------------------------------------------------------

_DL_FR = _page(
    "fr",
    "Un nouveau guichet pour les exportateurs",
    "Export Bruxelles",
    "<main><article><h1>Un nouveau guichet pour les exportateurs</h1>"
    '<dl class="article-meta"><dt>Publié</dt><dd>12 mai 2026</dd>'
    "<dt>Mis à jour</dt><dd>20 mai 2026</dd><dt>Secteur</dt><dd>Services</dd></dl>"
    "<p>Un guichet unique ouvre ses portes au centre de Bruxelles pour aider les petites "
    "entreprises à préparer leurs premières exportations hors d'Europe.</p>"
    "<p>Les conseillers reçoivent sur rendez-vous du lundi au vendredi et répondent aussi aux "
    "questions par téléphone.</p></article></main>",
)

_TABLE_FR = _page(
    "fr",
    "Appel à projets pour l'économie circulaire",
    "Région export",
    "<main><article><h1>Appel à projets pour l'économie circulaire</h1>"
    '<table class="infos"><tr><td>Publié le</td><td>14/05/2026</td></tr>'
    "<tr><td>Mis à jour le</td><td>20/05/2026</td></tr></table>"
    "<p>La région lance un appel à projets pour les entreprises qui réduisent leurs déchets et "
    "réutilisent leurs matériaux dans leur production.</p>"
    "<p>Les dossiers doivent être déposés avant la fin du mois de juin auprès de l'agence.</p>"
    "</article></main>",
)

# -- 5. credit lines alone under a picture ------------------------------------------------------

_CREDIT_NL = _page(
    "nl",
    "Brusselse designers in Milaan",
    "hub.brussels",
    "<main><article><h1>Brusselse designers in Milaan</h1>"
    "<p>Tien Brusselse ontwerpers stellen hun meubels en lampen voor op de Salone del Mobile in "
    "Milaan, de grootste designbeurs ter wereld.</p>"
    '<div class="image"><img src="/img/milaan.jpg" alt=""></div><p>Beeld: hub.brussels</p>'
    "<p>De ontwerpers delen een stand in de wijk Tortona, waar ze kopers uit Italië, Frankrijk en "
    "Duitsland ontmoeten.</p></article></main>",
)

_CREDIT_PT = _page(
    "pt",
    "Empresas de Bruxelas na Web Summit",
    "Notícias de exportação",
    "<main><article><h1>Empresas de Bruxelas na Web Summit</h1>"
    "<p>Sete empresas tecnológicas de Bruxelas apresentam as suas soluções aos investidores "
    "na Web Summit, em Lisboa, no início de novembro.</p>"
    '<figure><img src="/img/lisboa.jpg" alt=""></figure><p>Fotografia: GCS</p>'
    "<p>As empresas partilham um pavilhão no centro de congressos e encontram investidores de "
    "Portugal, Espanha e Brasil.</p></article></main>",
)

_CREDIT_ES = _page(
    "es",
    "Empresas de Bruselas en Madrid",
    "Noticias de exportación",
    "<main><article><h1>Empresas de Bruselas en Madrid</h1>"
    "<p>Cinco empresas de Bruselas presentan sus productos de alimentación en el salón Alimentaria "
    "de Barcelona y en una misión comercial en Madrid.</p>"
    '<div class="foto"><img src="/img/madrid.jpg" alt=""></div>'
    "<p><small>Fotografía: Ifema</small></p>"
    "<p>Las empresas se reúnen con distribuidores españoles y con cadenas de supermercados "
    "durante tres días.</p></article></main>",
)

_CREDIT_IT = _page(
    "it",
    "Imprese di Bruxelles a Milano",
    "Notizie export",
    "<main><article><h1>Imprese di Bruxelles a Milano</h1>"
    "<p>Otto imprese di Bruxelles presentano le loro collezioni alla settimana della moda di "
    "Milano, dove incontrano buyer da tutta Europa.</p>"
    '<p><img src="/img/milano.jpg" alt=""></p><p><em>Foto di Marco Rossi</em></p>'
    "<p>Le imprese condividono uno showroom nel quartiere di Brera e ricevono i compratori su "
    "appuntamento.</p></article></main>",
)


def _read(html: str, slug: str) -> Article:
    return read(html, f"https://example.org/news/{slug}/")


def test_title_block_description_is_the_lead() -> None:
    quarto = _read(_QUARTO_EN, "osaka")
    assert quarto.lead == (
        "Twelve companies from the capital region join the trade mission to the Kansai region "
        "in June."
    )
    assert quarto.body is not None and quarto.body.startswith("The mission opens at the Foodex")
    hugo = _read(_HUGO_FR, "seoul")
    assert hugo.lead == (
        "Huit sociétés actives dans la santé numérique présentent leurs solutions aux hôpitaux "
        "coréens en septembre."
    )
    assert hugo.body is not None and "La mission commence au salon KIMES" in hugo.body
    assert "santé\n" not in hugo.body


def test_caption_before_news_summary_is_no_lead() -> None:
    foodex = _read(_CMSMS_FR, "foodex")
    assert foodex.lead is not None and foodex.lead.startswith("Douze producteurs bruxellois")
    assert "Makuhari" not in f"{foodex.lead}{foodex.body}"
    hannover = _read(_CMSMS_NL, "hannover")
    assert hannover.lead is not None and hannover.lead.startswith("Zes Brusselse")
    assert "Deutsche Messe" not in f"{hannover.lead}{hannover.body}"


def test_teaser_box_gives_its_standfirst_alone() -> None:
    gamescom = _read(_MERCURY_DE, "gamescom")
    assert gamescom.lead == (
        "Acht Studios aus der Hauptstadtregion zeigen ihre Spiele in Köln und suchen dort "
        "Verlage und Investoren."
    )
    assert "Koelnmesse" not in f"{gamescom.lead}{gamescom.body}"
    money = _read(_MERCURY_EN, "money2020")
    assert money.lead == (
        "Five young companies from the capital present their payment and compliance tools to "
        "European banks in Amsterdam."
    )
    assert "RAI" not in f"{money.lead}{money.body}"


def test_modified_date_in_meta_grid() -> None:
    assert _read(_QUARTO_EN, "osaka").modified == dt.date(2026, 3, 6)
    assert _read(_HUGO_FR, "seoul").modified == dt.date(2026, 5, 19)
    assert _read(_DL_FR, "guichet").modified == dt.date(2026, 5, 20)
    table = _read(_TABLE_FR, "appel")
    assert table.published == dt.date(2026, 5, 14)
    assert table.modified == dt.date(2026, 5, 20)
    assert table.body is not None and "Mis à jour" not in table.body
    assert "Publié le" not in table.body


def test_credit_lines_alone_are_no_body() -> None:
    for html, credit in (
        (_CREDIT_NL, "Beeld"),
        (_CREDIT_PT, "Fotografia"),
        (_CREDIT_ES, "Fotografía"),
        (_CREDIT_IT, "Foto di"),
    ):
        record = _read(html, "credit")
        assert record.body is not None and credit not in record.body, record.body
        assert len(record.body) > 60


def test_callout_box_and_what_follows_stay_in_the_body() -> None:
    quarto = _read(_QUARTO_EN, "osaka").body or ""
    assert "Matchmaking day: 23 June 2026" in quarto
    assert quarto.endswith("the transport between the venues.")
    hugo = _read(_HUGO_FR, "seoul").body or ""
    assert "Clôture des inscriptions : 30 juin 2026" in hugo
    assert hugo.endswith("Un programme de rendez-vous est préparé pour chaque entreprise.")
