"""The body by structure: link lists, hidden elements and layout wrappers named like furniture."""

from __future__ import annotations

from scraper.extract import extract_article
from scraper.sites import generic_profile

TEXT = (
    "<p>The council approved the new cycling plan on Tuesday after a long debate about parking "
    "spaces and delivery zones in the old town.</p>"
    "<p>Work on the first two routes starts in spring and should be finished before the summer "
    "holidays, the alderman said.</p>"
)


def _body(html: str) -> str:
    record = extract_article(html, "https://paper.example/a/", profile=generic_profile())
    return "\n\n".join(x for x in (record.lead, record.body) if x)


def test_a_list_of_links_is_not_text() -> None:
    links = "".join(f"<li><a href='/t/{i}'>Topic number {i}</a></li>" for i in range(6))
    body = _body(f"<article><h1>Cycling plan</h1>{TEXT}<ul>{links}</ul></article>")
    assert "approved the new cycling plan" in body and "Topic number" not in body


def test_a_sentence_with_a_link_stays() -> None:
    html = (
        f"<article><h1>Cycling plan</h1>{TEXT}<p>The full plan is on the "
        "<a href='/plan'>city website</a>, with maps of every route and the timetable.</p></article>"
    )
    assert "The full plan is on the city website" in _body(html)


def test_hidden_elements_are_not_text() -> None:
    html = (
        f"<article><h1>Cycling plan</h1>{TEXT}"
        "<div style='display: none'>Subscribe to our newsletter for more stories like this one.</div>"
        "<p style='visibility:hidden'>Hidden teaser text that readers never see on the page.</p>"
        "</article>"
    )
    body = _body(html)
    assert "Subscribe" not in body and "Hidden teaser" not in body


def test_a_layout_wrapper_named_like_a_sidebar_is_read() -> None:
    """A class word of furniture ('sidebar') on the wrapper of the whole text is the layout's
    name ('two-col-sidebar-right'), not furniture."""
    html = (
        "<div id='content'><div class='panel-two-col-sidebar-right'><h1>Cycling plan</h1>"
        f"{TEXT}</div><div class='sidebar'><p>Most read today: the weather.</p></div></div>"
    )
    body = _body(html)
    assert "approved the new cycling plan" in body and "Most read" not in body


MORE_EN = (
    "<p>Shop owners in the old town asked for loading bays on every street of the new routes, "
    "and the council agreed to add twelve of them.</p>"
)
FR3 = (
    "<p>Le conseil communal a approuvé mardi le nouveau plan vélo après un long débat sur le "
    "stationnement et les zones de livraison du centre.</p>"
    "<p>Les travaux des deux premiers itinéraires commencent au printemps et doivent être "
    "terminés avant les vacances d'été, a précisé l'échevin.</p>"
    "<p>Les commerçants du centre ont demandé des zones de livraison dans chaque rue des "
    "nouveaux itinéraires, et le conseil en ajoutera douze.</p>"
)
NL3 = (
    "<p>De gemeenteraad keurde dinsdag het nieuwe fietsplan goed na een lang debat over "
    "parkeerplaatsen en leveringszones in de binnenstad van de stad.</p>"
    "<p>De werken aan de eerste twee routes beginnen in de lente en moeten voor de "
    "zomervakantie klaar zijn, zei de schepen op de persconferentie.</p>"
    "<p>De handelaars in het centrum vroegen om laadzones in elke straat van de nieuwe "
    "routes, en de gemeenteraad voegt er twaalf aan toe.</p>"
)


def _gallery(caption: str) -> str:
    return (
        "<div class='x-embed'><div class='x-embed__top'>View Photos</div>"
        f"<div class='x-embed__handle'>Caption</div><div class='x-embed__text'>{caption}</div></div>"
    )


def _slot() -> str:
    return "<div class='emplacement'><div class='emplacement__label'>Publicité</div></div>"


def test_a_components_label_repeated_with_each_instance_is_not_text() -> None:
    """The same short line on bare divs at each instance of a component (a gallery's controls,
    an ad slot's label) is the component's, not a line of the text."""
    en = _body(
        f"<article><h1>Cycling plan</h1>{TEXT}{_gallery('A cyclist on the new route.')}"
        f"{MORE_EN}{_gallery('The old town at night.')}</article>"
    )
    assert "approved the new cycling plan" in en and "loading bays" in en
    assert "View Photos" not in en and "Caption" not in en
    fr = _body(
        "<main><h1>Plan vélo</h1><div class='texte'>"
        + FR3.replace("</p><p>Les travaux", f"</p>{_slot()}<p>Les travaux").replace(
            "</p><p>Les commerçants", f"</p>{_slot()}<p>Les commerçants"
        )
        + "</div></main>"
    )
    assert "a approuvé mardi" in fr and "douze" in fr and "Publicité" not in fr


def test_a_line_said_twice_in_paragraphs_stays() -> None:
    """A dialogue repeats itself in `<p>`s: text, not a component's label."""
    html = (
        f'<article><h1>Bartleby</h1>{TEXT}<p>"I would prefer not to."</p>{MORE_EN}'
        '<p>"I would prefer not to."</p></article>'
    )
    assert _body(html).count("I would prefer not to.") == 2


def test_a_box_of_lines_after_the_text_is_not_text() -> None:
    """Bare lines in a box of their own after the last paragraph of a text written in `<p>`s
    (the author's bio, a call to action) are another kind of block than the text's."""
    bio = (
        "<div class='c-end'><div class='c-end__who'>Jane Doe covers cities and transport for "
        "the paper. She previously reported from Ghent and Lille for regional radio.</div></div>"
    )
    en = _body(f"<article><h1>Cycling plan</h1>{TEXT}{MORE_EN}{bio}</article>")
    assert "loading bays" in en and "Jane Doe" not in en
    cta = (
        "<section class='volgende'><div>Klaar om te beginnen?</div>"
        "<div>Ontdek wat uw team kan doen met één platform voor alle projecten.</div></section>"
    )
    nl = _body(f"<main><h1>Fietsplan</h1><div class='tekst'>{NL3}</div>{cta}</main>")
    assert "twaalf aan toe" in nl and "Klaar om te beginnen" not in nl


def test_a_last_line_beside_the_paragraphs_stays() -> None:
    """A `<div>` written among the text's paragraphs (an editor's last line) is the text's."""
    last = "<div>The next council meeting on the plan is on the first Monday of June.</div>"
    en = _body(f"<article><h1>Cycling plan</h1>{TEXT}{MORE_EN}{last}</article>")
    assert "first Monday of June" in en
    dernier = "<div>La prochaine réunion sur le plan aura lieu le premier lundi de juin.</div>"
    fr = _body(f"<main><h1>Plan vélo</h1><div class='texte'>{FR3}{dernier}</div></main>")
    assert "premier lundi de juin" in fr


def _embedded_gallery(title: str, caption: str, control: str) -> str:
    """A slideshow's markup: many elements (arrows, spinner, empty slots), a few words each."""
    empty = "<div class='g-slot'><i class='g-icon'></i></div>" * 4
    return (
        f"<div class='g-wrap'><div class='g-top'><i class='g-x'>×</i></div>{empty}"
        f"<div class='g-head'><span class='cell'>{title}</span></div>"
        f"<div class='g-mid'><div class='cell'><img src='/i/1.jpg'><i class='g-cam'></i>"
        f"{control}</div></div><div class='g-details'><div class='g-caption'>"
        f"<span class='g-date'>2026</span> <span class='g-text'>{caption}</span></div>"
        "</div><div class='g-pie'><div class='g-spin'></div><div class='g-mask'></div></div></div>"
    )


def test_a_component_of_many_elements_holding_few_words_is_not_text() -> None:
    """A slideshow embedded between the paragraphs is built of many elements of a few
    characters each (controls, a title, a caption): a component, not the text, even though
    its caption is a sentence."""
    gallery = _embedded_gallery(
        "The new route along the canal",
        "Cyclists on the canal route, seen from the bridge.",
        "View photos",
    )
    en = _body(f"<article><h1>Cycling plan</h1>{TEXT}{gallery}{MORE_EN}</article>")
    assert "loading bays" in en and "seen from the bridge" not in en and "View photos" not in en
    diaporama = _embedded_gallery(
        "Le nouvel itinéraire du canal",
        "Des cyclistes sur l'itinéraire du canal, vus du pont.",
        "Voir les photos",
    ).replace("div", "section")
    fr = _body(f"<main><h1>Plan vélo</h1><div class='texte'>{FR3}{diaporama}</div></main>")
    assert "douze" in fr and "vus du pont" not in fr and "Voir les photos" not in fr


def test_the_heading_of_a_link_box_inside_the_text_is_not_text() -> None:
    """A box of links to other articles set among the paragraphs ("Most read", "Les plus lus")
    holds its own heading: with the links left out, the heading is the box's, not a section of
    the text."""
    links = "".join(
        f"<li><a href='/news/{i}'>Other story number {i} of the day</a></li>" for i in range(4)
    )
    en = _body(
        f"<article><h1>Cycling plan</h1>{TEXT}<div class='most-read'><h2>Most Read Local "
        f"Stories</h2><ul>{links}</ul></div>{MORE_EN}<h2>Next steps</h2>{MORE_EN}</article>"
    )
    assert "loading bays" in en and "Next steps" in en and "Most Read" not in en
    fr = _body(
        "<main><h1>Plan vélo</h1><div class='texte'><p>Le conseil communal a approuvé mardi le "
        "nouveau plan vélo après un long débat sur le stationnement et les zones de livraison."
        "</p><section id='autres'><header><h3>Les lecteurs lisent aussi</h3></header>"
        f"<ul>{links}</ul></section><p>Les travaux des deux premiers itinéraires commencent au "
        "printemps et seront terminés avant les vacances d’été, a dit l’échevin.</p></div></main>"
    )
    assert "premiers itinéraires" in fr and "lisent aussi" not in fr


def test_paragraphs_in_a_box_of_another_kind_after_the_text_are_not_text() -> None:
    """`<p>`s after the last paragraph of the text, in an element of another kind than the
    text's (the print edition's note, a feedback link, a call to action, a footer of links),
    are the page's, not the text's last lines."""
    en = _body(
        f"<article><h1>Cycling plan</h1><div class='story-body'>{TEXT}{MORE_EN}</div>"
        "<div class='story-meta'><p>A version of this article appears in print on 12 May 2026, "
        "on page A7 of the city edition with the headline: Cycling plan approved.</p></div>"
        "<a class='feedback' href='/feedback'><p>We are interested in your feedback on this "
        "page. Tell us what you think.</p></a></article>"
    )
    assert "loading bays" in en and "in print" not in en and "feedback" not in en
    nl = _body(
        f"<main><h1>Fietsplan</h1><div class='bericht'>{NL3}</div><footer class='voet'>"
        "<p class='forum'>Forum over dit onderwerp: <a href='/forum/fiets'>Fietsen in de "
        "stad</a></p><p class='permalink'>Permalink: https://krant.example/a-123</p></footer>"
        "</main>"
    )
    assert "twaalf aan toe" in nl and "Permalink" not in nl and "Forum over" not in nl


def test_notes_after_the_text_linking_back_to_it_stay() -> None:
    """Notes after the text, in a box of their own, that link back to their call in the text
    (`href="#…"`) are the text's own, not the page's."""
    notes = (
        "<div class='footnotes'><p id='n1'><sup><a href='#r1'>1</a></sup>Twelve bays in the "
        "first phase, eight more in the second.</p></div>"
    )
    en = _body(f"<article><h1>Cycling plan</h1><section>{TEXT}{MORE_EN}</section>{notes}</article>")
    assert "eight more in the second" in en
    notes = (
        "<section class='notes'><p class='note'><a href='#appel-1'>[1]</a> Douze zones dans la "
        "première phase, huit de plus dans la seconde.</p></section>"
    )
    fr = _body(f"<main><h1>Plan vélo</h1><div class='texte'>{FR3}</div>{notes}</main>")
    assert "huit de plus" in fr


def test_a_hidden_block_holding_most_of_the_text_is_not_text() -> None:
    """An element its author hid stays hidden however much of the text it holds (a draft, the
    other language's version): it is no layout wrapper."""
    hidden = (
        "<div style='visibility: hidden'><p>Draft: the council is expected to approve a cycling "
        "plan with four routes, parking changes and delivery zones in the old town centre.</p>"
        "<p>Draft: work on the routes would start in spring and finish before the summer, the "
        "alderman is expected to tell the press on Tuesday at the town hall.</p></div>"
    )
    en = _body(f"<article><h1>Cycling plan</h1>{hidden}<div>{TEXT}</div></article>")
    assert "approved the new cycling plan" in en and "Draft" not in en
    verborgen = (
        "<section hidden><p>Ontwerp: de gemeenteraad zal naar verwachting een fietsplan met vier "
        "routes, parkeerwijzigingen en leveringszones in de binnenstad goedkeuren.</p>"
        "<p>Ontwerp: de werken zouden in de lente beginnen en voor de zomer klaar zijn, zal de "
        "schepen dinsdag op de persconferentie in het stadhuis zeggen.</p></section>"
    )
    nl = _body(f"<main><h1>Fietsplan</h1>{verborgen}<div>{NL3}</div></main>")
    assert "twaalf aan toe" in nl and "Ontwerp" not in nl


def test_an_interview_in_boxes_of_its_own_between_the_texts_paragraphs_stays() -> None:
    """The text resumes after boxes of another kind (an interview's question-and-answer items,
    short answers under a long introduction): what lies between two parts of the text is text,
    not furniture after it."""
    items = "".join(
        f"<div class='qa-item'><p class='qa-item__q'>{q}</p><p class='qa-item__a'>{a}</p></div>"
        for q, a in (
            ("Why the old town?", "Because the delivery vans block the streets every morning."),
            ("When will it open?", "The first route opens before the summer holidays."),
        )
    )
    en = _body(
        f"<article><h1>Cycling plan</h1><div class='story'>{TEXT}{MORE_EN}"
        f"<div class='qa-list'>{items}</div><p>Thank you to the alderman.</p></div></article>"
    )
    assert "delivery vans block" in en and "before the summer holidays." in en


def test_a_closing_section_after_an_interview_in_details_stays() -> None:
    """Answers set in `<details>` boxes may hold most of the text's long paragraphs; a closing
    section under its own heading, in the box that held the introduction, is still text."""
    answers = "".join(
        f"<details><summary>{q}</summary><p>{a}</p></details>"
        for q, a in (
            (
                "Pourquoi Dakar ?",
                "Parce que le port relie toute l’Afrique de l’Ouest et que les entreprises "
                "bruxelloises y trouvent des partenaires fiables depuis des années.",
            ),
            (
                "Quel conseil donneriez-vous ?",
                "Venir sur place, au moins une fois : les relations se construisent en face à "
                "face, autour d’un thé, bien plus que par courrier électronique.",
            ),
            (
                "Et demain ?",
                "Une deuxième mission est prévue avec des entreprises de la construction et "
                "de l’énergie, qui ont montré beaucoup d’intérêt pour la région.",
            ),
        )
    )
    fr = _body(
        "<main><h1>Plan vélo</h1><div class='texte'><p>Entretien avec l’attachée économique "
        "de la Région à Dakar, qui accompagne depuis trois ans les entreprises bruxelloises "
        f"au Sénégal.</p><div class='faq'>{answers}</div><h2>En savoir plus</h2><p>La prochaine "
        "mission est prévue à l’automne.</p></div></main>"
    )
    assert "depuis des années" in fr and "prévue à l’automne" in fr
