"""Interviews of news sites abroad and of hub.brussels: who answers, the turn labels of more
languages, and news pages whose section headings ask. Each kind on a page written here and on a
sibling of another template or language.

1. The interviewee is the person introduced, not what the introduction names beside them: a place
   a preposition governs next to the name ("Falámos com ela … em São Paulo", "Entrevistamos a
   Laura Pérez en Ciudad de México"), an event's name in capitals before the interview word
   ("della Italian Food Week abbiamo incontrato Giulia Moretti") or in the title ("Brussels Design
   Days: …" with a question addressing "Sarah Collins, …"); a question's address ("Presidente
   Moretti, …", "Frau Becker, …") names the one answering. A Dutch "de" after a given and a
   family name opening an apposition ("Thomas Verbeke de Brusselse ondernemer", "Ann Peeters de
   CEO van …") is no part of the name; particles inside a name stay ("Karel De Gucht", "Jan de
   Vries").
2. Turn labels of Italian ("D:" / "R:"), Spanish and Portuguese ("P:" / "R:") are vocabulary data
   (`scraper/vocabulary/{it,es,pt}.toml`): no part of the question, and the answers are turns.
3. A news article or an announcement whose section headings ask ("¿Qué ofrece el programa?",
   "Quem pode expor?", "Chi può partecipare?") is no interview: the people and things its
   introduction names are no interviewee when an agent's preposition ("presentada por Javier
   Ortega", "annunciato da Marco Ferri") or an article ("A AgroTech Lisboa") governs them, and with
   no one introduced, question headings need a dialogue (es, pt, it); an interview with question
   headings that introduces its interviewee keeps its turns.
"""

from __future__ import annotations

from scraper.models import Article
from tests.extract.reading import read


def _news(lang: str, title: str, content: str, *, site: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}'
        f"</title></head><body><header><nav><a href='/'>{site}</a> <a href='/economia'>Economia"
        f"</a></nav></header><main><article><h1>{title}</h1>{content}</article></main>"
        f"<footer><p>© 2026 {site}</p></footer></body></html>"
    )


def _hub(lang: str, title: str, content: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | '
        f"hub.brussels</title></head><body><header><nav><a href='/{lang}/'>hub.brussels</a>"
        f"</nav></header><main><article><h1>{title}</h1>{content}</article></main><footer><p>"
        "hub.brussels, Chaussée de Charleroi 110, 1060 Bruxelles</p></footer></body></html>"
    )


def _bold(turns: list[tuple[str, str]]) -> str:
    return "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in turns)


def _headed(turns: list[tuple[str, str]], heading: str = "h3") -> str:
    return "".join(f"<{heading}>{q}</{heading}><p>{a}</p>" for q, a in turns)


def _speakers(record: Article) -> set[str | None]:
    return {pair.speaker for pair in record.qa}


# 1. who answers ---------------------------------------------------------------------------

_PLACE_PT = _news(
    "pt",
    "“O Brasil quer tecnologia belga”",
    "<p class='lead'>Falámos em São Paulo com Mariana Costa, diretora da câmara de comércio "
    "belgo-brasileira.</p><p>São Paulo é o maior mercado da América do Sul para as empresas "
    "belgas, e o mais disputado.</p>"
    + _bold(
        [
            (
                "Quais setores procuram mais parceiros belgas?",
                "Vemos muita procura na logística e na saúde. Eu recebo todas as semanas pedidos "
                "de empresas de São Paulo.",
            ),
            (
                "O que deve uma empresa preparar antes de vir?",
                "Um parceiro local e paciência. O nosso papel é ajudar com os primeiros contactos.",
            ),
            (
                "E os próximos eventos?",
                "Organizamos uma missão em novembro. Eu espero receber vinte empresas.",
            ),
        ]
    ),
    site="Diário Económico",
)

_PLACE_ES = _news(
    "es",
    "“México busca socios en energía”",
    "<p class='lead'>Entrevistamos a Laura Pérez en Ciudad de México, donde representa a las "
    "empresas belgas desde 2019.</p><p>Desde Ciudad de México, Laura Pérez acompaña cada año a "
    "decenas de empresas.</p>"
    + _bold(
        [
            (
                "¿Qué sectores crecen más?",
                "Yo diría que la energía solar y la logística. Nosotros vemos muchas "
                "oportunidades en el norte del país.",
            ),
            (
                "¿Cómo empezar en el mercado?",
                "Con un socio local. Yo siempre recomiendo visitar primero una feria.",
            ),
            ("¿Qué viene después?", "Preparamos una misión en octubre con veinte empresas."),
        ]
    ),
    site="El Economista Global",
)


def test_a_place_next_to_the_interviewee_is_no_speaker() -> None:
    record = read(_PLACE_PT, "https://www.diarioeconomico.pt/economia/entrevista-costa")
    assert len(record.qa) == 3 and _speakers(record) == {"Mariana Costa"}


def test_a_place_next_to_the_interviewee_is_no_speaker_in_spanish() -> None:
    record = read(_PLACE_ES, "https://www.eleconomistaglobal.es/economia/entrevista-perez")
    assert len(record.qa) == 3 and _speakers(record) == {"Laura Pérez"}


_EVENT_IT = _news(
    "it",
    "Moretti: «Il cibo italiano piace a Bruxelles»",
    "<p class='lead'>In occasione della Italian Food Week abbiamo incontrato Giulia Moretti, "
    "presidente della Camera di commercio italo-belga.</p>"
    + _bold(
        [
            (
                "Presidente Moretti, come nasce la Italian Food Week?",
                "L'abbiamo creata dieci anni fa. Io volevo portare i produttori italiani a "
                "Bruxelles.",
            ),
            (
                "Quali sono le novità di quest'anno?",
                "Abbiamo quaranta aziende e tre chef stellati. Noi siamo molto soddisfatti.",
            ),
            ("E il futuro?", "Vorrei portare la settimana anche ad Anversa."),
        ]
    ),
    site="Il Corriere del Belgio",
)

_EVENT_EN = _news(
    "en",
    "Brussels Design Days: “We want more makers”",
    "<p class='lead'>Ahead of Brussels Design Days, we met Sarah Collins, director of the "
    "festival.</p>"
    + _bold(
        [
            (
                "Sarah Collins, what is new this year?",
                "We doubled the number of makers. I think the city is ready for it.",
            ),
            (
                "Who comes to Brussels Design Days?",
                "Mostly families and students, and I hope more buyers this year.",
            ),
            ("What comes next?", "We plan a second edition in Antwerp."),
        ]
    ),
    site="City Weekly",
)


def test_an_event_in_capitals_is_no_speaker_the_person_met_is() -> None:
    record = read(_EVENT_IT, "https://www.corrieredelbelgio.it/economia/intervista-moretti")
    assert len(record.qa) == 3 and _speakers(record) == {"Giulia Moretti"}
    assert record.qa[0].question.startswith("Presidente Moretti, come nasce")


def test_the_questions_address_names_the_speaker_not_the_event_in_the_title() -> None:
    record = read(_EVENT_EN, "https://www.cityweekly.com/news/design-days-interview")
    assert len(record.qa) == 3 and _speakers(record) == {"Sarah Collins"}


_GLUED_NL = _news(
    "nl",
    "“Brussel mist nog een haven voor start-ups”",
    "<p class='lead'>Thomas Verbeke de Brusselse ondernemer achter het platform Kanaal, vertelt "
    "over zijn plannen.</p>"
    + _bold(
        [
            (
                "Waarom een platform voor de haven?",
                "Ik zag dat kleine bedrijven geen toegang hadden tot de kaaien. We brengen ze samen.",
            ),
            ("Hoe reageren de grote spelers?", "Positief. Wij hebben al vijf partners gevonden."),
            ("Wat is de volgende stap?", "Ik wil tegen volgend jaar naar Antwerpen uitbreiden."),
        ]
    ),
    site="Bruzz Business",
)

_GLUED_HUB_NL = _hub(
    "nl",
    "Logistiek in Brussel: “De laatste kilometer wordt elektrisch”",
    "<p class='intro'>Interview met Ann Peeters de CEO van BruLogistics, dat pakjes met "
    "vrachtfietsen levert.</p>"
    + _headed(
        [
            (
                "Waarom vrachtfietsen?",
                "Ik geloof dat de stad geen bestelwagens meer wil. We leveren sneller en stiller.",
            ),
            (
                "Hoe helpt hub.brussels u?",
                "Wij kregen advies over subsidies en contacten met de gemeenten.",
            ),
            ("Wat zijn uw plannen?", "Ik wil volgend jaar naar Gent en Antwerpen."),
        ]
    ),
)

_PARTICLES_FR = _news(
    "fr",
    "« Le commerce bruxellois doit se réinventer »",
    "<p class='lead'>Rencontre avec Jan de Vries, fondateur d'une coopérative de commerçants, "
    "qui présente son plan.</p>"
    + _bold(
        [
            (
                "Pourquoi un plan maintenant ?",
                "Nous voyons les commerces fermer. Je crois qu'il faut agir.",
            ),
            ("Que proposez-vous ?", "Un fonds pour les loyers. Nous l'avons déjà testé."),
            ("Et ensuite ?", "Je veux l'étendre à toute la Région."),
        ]
    ),
    site="Le Soir Économie",
)


def test_a_dutch_article_after_the_name_opens_the_next_phrase() -> None:
    record = read(_GLUED_NL, "https://www.bruzzbusiness.be/economie/haven-start-ups")
    assert len(record.qa) == 3 and _speakers(record) == {"Thomas Verbeke"}


def test_a_dutch_article_and_a_role_after_the_name_on_hub_brussels() -> None:
    record = read(_GLUED_HUB_NL, "https://hub.brussels/nl/blog/logistiek-laatste-kilometer/")
    assert len(record.qa) == 3 and _speakers(record) == {"Ann Peeters"}


def test_a_particle_inside_a_name_stays() -> None:
    record = read(_PARTICLES_FR, "https://www.lesoir-eco.be/economie/commerce-plan")
    assert len(record.qa) == 3 and _speakers(record) == {"Jan de Vries"}


# 2. turn labels of more languages ----------------------------------------------------------

_LABELS_IT = _news(
    "it",
    "Export, la parola a Luca Rinaldi",
    "<p class='lead'>Luca Rinaldi, direttore dell'ufficio ICE di Bruxelles, risponde alle nostre "
    "domande.</p>"
    "<p>D: Quali prodotti italiani vendono meglio in Belgio?</p><p>R: Il vino e i formaggi. Io "
    "vedo una crescita del dieci per cento.</p>"
    "<p>D: Quali ostacoli incontrano le aziende?</p><p>R: La logistica. Noi aiutiamo con i "
    "contatti.</p>"
    "<p>D: Cosa consiglia?</p><p>R: Di venire alle fiere. Io le accompagno volentieri.</p>",
    site="Il Corriere del Belgio",
)

_LABELS_ES = _news(
    "es",
    "Exportar a Bélgica: habla Marta Gil",
    "<p class='lead'>Marta Gil, consejera comercial en Bruselas, responde a nuestras preguntas.</p>"
    "<p><b>P:</b> ¿Qué productos españoles funcionan mejor?</p><p><b>R:</b> El aceite y el vino. "
    "Yo veo una demanda creciente.</p>"
    "<p><b>P:</b> ¿Y los obstáculos?</p><p><b>R:</b> La distribución. Nosotros ayudamos con los "
    "contactos.</p>"
    "<p><b>P:</b> ¿Un consejo?</p><p><b>R:</b> Venir a las ferias. Yo acompaño a las empresas.</p>",
    site="Expansión Exterior",
)

_LABELS_PT = _news(
    "pt",
    "Exportar para a Bélgica: fala Rui Santos",
    "<p class='lead'>Rui Santos, delegado da AICEP em Bruxelas, responde às nossas perguntas.</p>"
    "<p>Pergunta: Que produtos portugueses vendem melhor?</p><p>Resposta: O vinho e a cortiça. Eu "
    "vejo muito interesse.</p>"
    "<p>Pergunta: E os obstáculos?</p><p>Resposta: A logística. Nós ajudamos com os contactos.</p>"
    "<p>Pergunta: Um conselho?</p><p>Resposta: Vir às feiras. Eu acompanho as empresas.</p>",
    site="Diário Económico",
)


def test_italian_turn_labels_are_no_part_of_the_turns() -> None:
    record = read(_LABELS_IT, "https://www.corrieredelbelgio.it/economia/export-rinaldi")
    assert [p.question for p in record.qa] == [
        "Quali prodotti italiani vendono meglio in Belgio?",
        "Quali ostacoli incontrano le aziende?",
        "Cosa consiglia?",
    ]
    assert record.qa[0].answer.startswith("Il vino") and _speakers(record) == {"Luca Rinaldi"}


def test_spanish_and_portuguese_turn_labels_are_no_part_of_the_turns() -> None:
    spanish = read(_LABELS_ES, "https://www.expansionexterior.es/economia/belgica-gil")
    assert [p.question for p in spanish.qa] == [
        "¿Qué productos españoles funcionan mejor?",
        "¿Y los obstáculos?",
        "¿Un consejo?",
    ]
    assert spanish.qa[1].answer.startswith("La distribución")
    portuguese = read(_LABELS_PT, "https://www.diarioeconomico.pt/economia/belgica-santos")
    assert [p.question for p in portuguese.qa][0] == "Que produtos portugueses vendem melhor?"
    assert portuguese.qa[2].answer.startswith("Vir às feiras")
    assert _speakers(portuguese) == {"Rui Santos"}


# 3. news pages whose section headings ask ---------------------------------------------------

_NEWS_ES = _news(
    "es",
    "Bruselas abre una convocatoria para empresas emergentes",
    "<p class='lead'>La región de Bruselas-Capital lanza un nuevo programa de ayudas para "
    "empresas emergentes del sector alimentario. La medida fue presentada el lunes por Javier "
    "Ortega en una rueda de prensa.</p>"
    + _headed(
        [
            (
                "¿Qué ofrece el programa?",
                "El programa financia hasta el 50 % de los costes de una primera misión "
                "comercial. Las empresas reciben también acompañamiento durante seis meses.",
            ),
            (
                "¿Quién puede participar?",
                "Las pequeñas empresas con sede en la región y menos de cinco años de actividad. "
                "La convocatoria está abierta hasta el 30 de junio.",
            ),
            (
                "¿Cómo presentar la candidatura?",
                "Las candidaturas se presentan en línea. Un jurado de expertos selecciona veinte "
                "proyectos en septiembre.",
            ),
        ],
        "h2",
    ),
    site="El Economista Global",
)

_NEWS_PT = _news(
    "pt",
    "Lisboa recebe feira de tecnologia agrícola",
    "<p class='lead'>A AgroTech Lisboa volta em maio com duzentos expositores. A feira foi "
    "apresentada por Joana Ferreira durante a conferência de imprensa.</p>"
    + _headed(
        [
            (
                "O que muda este ano?",
                "A feira ocupa dois pavilhões e inclui uma zona dedicada à rega inteligente. Os "
                "organizadores esperam vinte mil visitantes.",
            ),
            (
                "Quem pode expor?",
                "Empresas do setor agrícola e alimentar, com prioridade para as pequenas e médias "
                "empresas.",
            ),
            (
                "Quanto custa a participação?",
                "O stand básico custa 1500 euros. As inscrições fecham a 15 de março.",
            ),
        ]
    ),
    site="Diário Económico",
)

_NEWS_IT = _news(
    "it",
    "Bruxelles, al via il bando per le startup del cibo",
    "<p class='lead'>La Regione di Bruxelles-Capitale lancia un nuovo programma di sostegno per "
    "le giovani imprese alimentari, annunciato da Marco Ferri.</p>"
    + _headed(
        [
            (
                "Che cosa offre il programma?",
                "Il programma copre fino al 50 % dei costi di una prima missione commerciale. Le "
                "imprese ricevono anche sei mesi di consulenza.",
            ),
            (
                "Chi può partecipare?",
                "Le piccole imprese con sede nella regione e meno di cinque anni di attività. Il "
                "bando è aperto fino al 30 giugno.",
            ),
            (
                "Come candidarsi?",
                "Le candidature si presentano online. Una giuria seleziona venti progetti a "
                "settembre.",
            ),
        ]
    ),
    site="Il Corriere del Belgio",
)

_INTERVIEW_ES = _news(
    "es",
    "“Bruselas es una puerta a Europa”",
    "<p class='lead'>Entrevista con Carmen Ruiz, fundadora de una empresa de aceite que acaba de "
    "abrir oficina en Bruselas.</p>"
    + _headed(
        [
            (
                "¿Por qué Bruselas?",
                "Porque nuestros clientes europeos están a dos horas. Yo viajo cada semana a "
                "París o a Ámsterdam.",
            ),
            (
                "¿Qué le ha sorprendido?",
                "La rapidez de los trámites. Nosotros teníamos la licencia en tres semanas.",
            ),
            ("¿Y ahora?", "Queremos abrir en Alemania. Nuestro objetivo es Berlín en 2027."),
        ]
    ),
    site="El Economista Global",
)


def test_a_spanish_news_article_with_question_headings_is_no_interview() -> None:
    record = read(_NEWS_ES, "https://www.eleconomistaglobal.es/economia/convocatoria-bruselas")
    assert record.qa == []
    assert "veinte proyectos" in (record.body or "")


def test_portuguese_and_italian_news_with_question_headings_are_no_interviews() -> None:
    assert read(_NEWS_PT, "https://www.diarioeconomico.pt/economia/agrotech-lisboa").qa == []
    assert read(_NEWS_IT, "https://www.corrieredelbelgio.it/economia/bando-startup").qa == []


def test_an_interview_with_question_headings_that_says_so_keeps_its_turns() -> None:
    record = read(_INTERVIEW_ES, "https://www.eleconomistaglobal.es/economia/entrevista-ruiz")
    assert len(record.qa) == 3 and _speakers(record) == {"Carmen Ruiz"}
