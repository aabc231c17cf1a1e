"""A standfirst a CMS stores in a summary box of its own, right before the body's container (the
text container the profile names), is the lead; the body's first paragraph stays in the body."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

FR = (
    "<html lang='fr'><body><div class='asset-full-content'>"
    "<h3 class='asset-title'>Abidjan : le solaire ouvre ses portes aux installateurs</h3>"
    "<div class='asset-metadata'><span>Publié le 19/05/2026</span></div>"
    "<div class='journal-content'>{summary}"
    "<div class='article-body'><p>Le programme national prévoit des mini-réseaux solaires dans "
    "plus de mille villages, ouverts aux entreprises européennes.</p><p>Les appels d'offres "
    "sont publiés chaque trimestre et les délais de réponse sont de six semaines.</p>"
    "<p>Le bureau d'Abidjan organise une mission en novembre pour les installateurs.</p>"
    "</div></div></div></body></html>"
)
NL = (
    "<html lang='nl'><body><article><h1>Curaçao koopt een tweede containerkraan</h1>"
    "<p class='byline'>Door Redactie</p>{summary}"
    "<div class='entry-content'><p>De havenautoriteit koopt een tweede kraan voor de terminal "
    "aan het Schottegat, maakte de directeur woensdag bekend.</p><p>De kraan wordt in het "
    "voorjaar geleverd en verdubbelt de capaciteit van de terminal.</p></div></article>"
    "</body></html>"
)


def _record(html: str) -> tuple[str | None, str]:
    record = extract_article(html, "https://news.example/a/", profile=generic_profile())
    return record.lead, record.body or ""


@pytest.mark.parametrize(
    ("page", "lead_opens", "body_opens"),
    [
        (
            FR.format(
                summary="<div class='article-summary'><p>La Côte d'Ivoire veut porter la part "
                "des énergies renouvelables à 45 % d'ici 2030 : l'attachée fait le point.</p></div>"
            ),
            "La Côte d'Ivoire veut porter",
            "Le programme national prévoit",
        ),
        (
            NL.format(
                summary="<div class='intro'><p>De tweede kraan moet de wachttijden voor "
                "containerschepen in Willemstad halveren.</p></div>"
            ),
            "De tweede kraan moet",
            "De havenautoriteit koopt",
        ),
    ],
)
def test_a_summary_box_before_the_text_container_is_the_lead(
    page: str, lead_opens: str, body_opens: str
) -> None:
    lead, body = _record(page)
    assert lead is not None and lead.startswith(lead_opens)
    assert body.startswith(body_opens)


def test_a_box_of_links_or_a_byline_before_the_text_is_no_lead() -> None:
    links = (
        "<div class='share'><p><a href='/share/fb'>Partager cet article sur les réseaux "
        "sociaux</a>.</p></div>"
    )
    lead, _ = _record(FR.format(summary=links))
    assert lead is None or not lead.startswith("Partager")
    lead, _ = _record(NL.format(summary=""))
    assert lead is None or not lead.startswith("Door Redactie")


def _turns(*pairs: tuple[str, str]) -> str:
    return "".join(f"<p><strong>{q}</strong><br>{a}</p>" for q, a in pairs)


@pytest.mark.parametrize(
    ("page", "speaker"),
    [
        (
            "<html lang='fr'><body><div class='asset'><h3 class='asset-title'>Abidjan : le "
            "solaire ivoirien</h3><div class='journal'><div class='article-summary'><p>Aminata "
            "Koné, attachée économique à Abidjan, fait le point sur les opportunités.</p></div>"
            "<div class='article-body'><p>Les appels d'offres sont publiés par Ivoire Énergies "
            "et ouverts aux entreprises européennes associées.</p>"
            + _turns(
                (
                    "Quels profils recherchent les donneurs d'ordre ?",
                    "Des intégrateurs capables de livrer un système complet.",
                ),
                ("Faut-il être présent sur place ?", "Oui, au moins par un partenaire local."),
                (
                    "Que propose le bureau ?",
                    "Une veille des appels d'offres et des visites de chantiers.",
                ),
            )
            + "</div></div></div></body></html>",
            "Aminata Koné",
        ),
        (
            "<html lang='en'><body><div class='post'><h1>Dublin's data centres</h1>"
            "<div class='summary'><p>We spoke with Tom Walsh, our trade attaché in Dublin, "
            "about the market.</p></div><div class='post-content'><p>Tenders are run by Grid "
            "Ireland and open to European firms with a local partner.</p>"
            + _turns(
                ("Who buys?", "Operators of large data centres around the capital."),
                ("Is a local office needed?", "A partner is enough for the first contracts."),
                ("What does the office offer?", "Market studies and visits to the main sites."),
            )
            + "</div></div></body></html>",
            "Tom Walsh",
        ),
    ],
)
def test_the_interviewee_named_in_a_standfirst_outside_the_text_answers(
    page: str, speaker: str
) -> None:
    record = extract_article(page, "https://news.example/a/", profile=generic_profile())
    assert len(record.qa) == 3
    assert {pair.speaker for pair in record.qa} == {speaker}
