"""A thank-you closing the text on a line of its own ("Merci pour cet entretien !", "Thank you
for reading!", "Bedankt voor het gesprek, Lies en Pieter!") is the interviewer or the site signing
off, not content: adding or removing it leaves the record as it was, in every language (the
thanks are vocabulary, `closing_thanks`). A thank-you that answers a question (an interview's
last answer) or that runs on into a sentence of the text stays."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile, load_profile

HUB = load_profile("hub_brussels")
GENERIC = generic_profile()

# a hub interview with labelled turns, the contacts after the text
FR_INTERVIEW = (
    "<html lang='fr'><head><meta charset='utf-8'><title>Entretien | hub.brussels</title></head>"
    "<body><main><section class='node node--article'>"
    "<h1 class='page-title'>« Le Québec aime nos entreprises »</h1>"
    "<p class='chapo'>Luc Martin représente hub.brussels à Montréal. Il nous parle du marché "
    "québécois.</p><div class='field-body'>"
    "<p><strong>hub.brussels :</strong> Quels secteurs recrutent au Québec&nbsp;?</p>"
    "<p><strong>Luc Martin :</strong> Le numérique et l'agroalimentaire manquent de partenaires "
    "européens, et la langue commune aide beaucoup les PME bruxelloises.</p>"
    "<p><strong>hub.brussels :</strong> Par où commencer&nbsp;?</p>"
    "<p><strong>Luc Martin :</strong> Par une mission de prospection : nous organisons les "
    "rendez-vous et accompagnons les entreprises sur place.</p>{thanks}</div>"
    "<aside class='contact-card'><h2>Contact</h2><p class='name'>Luc Martin</p>"
    "<p>Tél. : +1 514 555 0100</p></aside></section></main></body></html>"
)
# another template and language: question headings, a closing line after the last answer
NL_INTERVIEW = (
    "<html lang='nl'><head><meta charset='utf-8'><title>Interview India</title></head><body>"
    "<div id='content'><h1 class='post-title'>“India groeit snel”</h1>"
    "<p class='lede'>Onze attachés Pieter Vermeulen en Lies Maes over de kansen in India.</p>"
    "<div class='post-body'><h3>Wat maakt India interessant?</h3>"
    "<p><em>Pieter Vermeulen:</em> De middenklasse groeit snel en de vraag naar medische "
    "technologie stijgt elk jaar.</p><h3>Welke valkuilen zijn er?</h3>"
    "<p><em>Lies Maes:</em> Onderschat de regelgeving niet, certificering duurt lang.</p>"
    "{thanks}</div></div></body></html>"
)
# a news article, no interview, on the generic profile
EN_NEWS = (
    "<html lang='en'><head><meta charset='utf-8'><title>Cycling plan</title></head><body>"
    "<article><h1>Council backs the cycling plan</h1>"
    "<p>The city council approved the new cycling plan on Tuesday evening, after two years of "
    "consultation with residents and schools.</p>"
    "<p>Forty kilometres of protected lanes will be built over the next three years.</p>"
    "{thanks}</article></body></html>"
)


def _content(html: str, url: str) -> dict[str, Any]:
    profile = HUB if "hub.brussels" in url else GENERIC
    return extract_article(html, url, profile=profile).content_dict()


@pytest.mark.parametrize(
    ("page", "url", "thanks"),
    [
        (
            FR_INTERVIEW,
            "https://hub.brussels/fr/news/entretien-luc-martin/",
            "Merci pour cet entretien !",
        ),
        (
            FR_INTERVIEW,
            "https://hub.brussels/fr/news/entretien-luc-martin/",
            "<strong>Merci, Luc Martin !</strong>",
        ),
        (
            NL_INTERVIEW,
            "https://hub.brussels/nl/news/interview-india/",
            "Bedankt voor het gesprek, Lies en Pieter!",
        ),
        (NL_INTERVIEW, "https://hub.brussels/nl/news/interview-india/", "Bedankt voor het lezen!"),
        (EN_NEWS, "https://paper.example/news/cycling-plan/", "Thank you for reading!"),
        (EN_NEWS, "https://paper.example/news/cycling-plan/", "Many thanks to our readers."),
    ],
)
def test_a_closing_thank_you_leaves_the_record_as_it_was(page: str, url: str, thanks: str) -> None:
    without = _content(page.format(thanks=""), url)
    with_thanks = _content(page.format(thanks=f"<p>{thanks}</p>"), url)
    assert with_thanks == without
    assert "Merci" not in (with_thanks["body"] or "") + str(with_thanks["qa"])


def test_a_thank_you_answering_the_last_question_is_content() -> None:
    answer = "Merci à vous, ce fut un plaisir."
    page = FR_INTERVIEW.format(
        thanks=f"<p><strong>hub.brussels :</strong> Un dernier mot&nbsp;?</p><p>{answer}</p>"
    )
    record = extract_article(
        page, "https://hub.brussels/fr/news/entretien-luc-martin/", profile=HUB
    )
    assert (record.body or "").endswith(answer)


@pytest.mark.parametrize(
    ("page", "url", "line"),
    [
        (
            EN_NEWS,
            "https://paper.example/news/cycling-plan/",
            "Thanks to a grant from the region, the first lanes will open before the summer "
            "holidays.",
        ),
        (
            NL_INTERVIEW,
            "https://hub.brussels/nl/news/interview-india/",
            "Bedankt. Volgende week spreken we met onze attaché in Singapore.",
        ),
    ],
)
def test_a_thank_you_that_runs_on_is_text(page: str, url: str, line: str) -> None:
    profile = HUB if "hub.brussels" in url else GENERIC
    record = extract_article(page.format(thanks=f"<p>{line}</p>"), url, profile=profile)
    assert (record.body or "").endswith(line)
