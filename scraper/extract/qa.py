"""Interview questions and answers among the article's blocks, with the speaker of each answer."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from scraper import lexicon
from scraper.dates import has_digit, label_at, vocabulary
from scraper.extract.blockkind import (
    BlockKind,
    block_kind,
    image_credit,
    is_caption,
    is_number_only,
)
from scraper.extract.blocks import Block
from scraper.extract.body import (
    MAX_LINK_DENSITY,
    MAX_META_LINE,
    MAX_META_PIECE,
    brand_of,
    in_sponsor_box,
    is_ad_label,
)
from scraper.extract.config import ExtractConfig
from scraper.extract.names import (
    FIRST_NAME,
    FULL_NAME,
    INITIALS,
    is_full_name,
    is_initials,
    resolve,
)
from scraper.models import QAPair
from scraper.text import fold


def _turn_prefix(key: str, *, word_stop: str) -> re.Pattern[str]:
    """The turn labels of the vocabulary's `key` ("Q", "Vraag") as a prefix pattern: a one-letter
    label ends with a colon or a full stop ("Q.", "V:"), a word with `word_stop`."""
    labels = sorted(
        {*lexicon.words(key), *(w.lower() for w in lexicon.words(key, folded=False))},
        key=lambda label: (-len(label), label),
    )
    letters = [re.escape(label) for label in labels if len(label) == 1]
    words = [re.escape(label) for label in labels if len(label) > 1]
    forms = [f"(?:{'|'.join(letters)})\\s*[.:]"] if letters else []
    forms += [f"(?:{'|'.join(words)})\\s*{word_stop}"] if words else []
    return re.compile(rf"^\s*(?:{'|'.join(forms) or '(?!)'})\s*", re.IGNORECASE)


#: "Q:", "Q.", "V:", "Question :", "Vraag:" before a question (the vocabulary's labels).
_Q_PREFIX = _turn_prefix("question_turn_labels", word_stop="[.:]")


@lru_cache(maxsize=8)
def _asker_prefix(labels: tuple[str, ...]) -> re.Pattern[str]:
    """Labels of the one asking ("hub.brussels:", "Interviewer :"), from the profile."""
    if not labels:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{alternatives})\s*:\s*", re.IGNORECASE)


def _question_prefix(text: str, config: ExtractConfig) -> re.Match[str] | None:
    return _Q_PREFIX.match(text) or _asker_prefix(config.question_labels).match(text)


#: "R:", "A:", "Réponse :", "Antwoord:", "Answer:" before an unlabelled answer (the vocabulary's
#: labels; a word only before a colon: "Answer." opens a sentence).
_A_PREFIX = _turn_prefix("answer_turn_labels", word_stop=":")
#: A speaker label: a full name or initials, then a colon ("E.G.:Les…", "E.G. :", "Eric Gabrys:").
_LABEL = re.compile(
    rf"^\s*(?P<label>{FULL_NAME.pattern}|{INITIALS.pattern})(?:\s*\([^()]{{1,60}}\))?\s*[:：]\s*"
)
_DASH_LABEL = re.compile(
    rf"^\s*(?P<label>{FULL_NAME.pattern}|{INITIALS.pattern})\s*[–—-]\s*(?=[«“„\"])"
)
_OPENERS = '«“„‘"'
_CLOSERS = '»”“’"'
_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"), ("‘", "’"))
_MAX_QUESTION = 300
#: A question set apart as a whole bold paragraph may carry its context ("Morocco has … Why
#: this market?"): the markup, not the length, sets it apart, so it may run to a paragraph.
_MAX_BOLD_QUESTION = 800
#: blocks of text searched for an interview
MAX_BLOCKS = 2000
_CONTACTISH = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s]{7,}")


def _contactish(text: str) -> bool:
    """`_CONTACTISH.search(text)`; each of its alternatives holds a literal "@" or "+", so most
    texts are decided without the (costly) search."""
    return ("@" in text or "+" in text) and _CONTACTISH.search(text) is not None


def strip_wrapping_quotes(text: str) -> str:
    """Remove the quotes that wrap a whole answer, keeping quotes inside it.

    « a « b » c » -> a « b » c ; a lone closing quote left by the editor goes too
    (En 13 ans … Bruxelles.” -> En 13 ans … Bruxelles.), but « b » c keeps its quotes.
    """
    text = text.strip()
    for _ in range(3):
        before = text
        if len(text) >= 2 and _wraps(text):
            text = text[1:-1].strip()
        if text and text[0] in _OPENERS and _unbalanced(text, text[0], opening=True):
            text = text[1:].lstrip()
        if text and text[-1] in _CLOSERS and _unbalanced(text, text[-1], opening=False):
            text = text[:-1].rstrip()
        if text == before:
            break
    return text


def _wraps(text: str) -> bool:
    """True when the first character opens a quote that the last character closes."""
    opener, last = text[0], text[-1]
    if opener == '"':
        return last == '"' and text.count('"') == 2
    closer = dict(_PAIRS).get(opener)
    if closer is None or last != closer:
        return False
    depth = 0
    for i, char in enumerate(text):
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0 and i < len(text) - 1:
                return False
    return depth == 0


def _unbalanced(text: str, char: str, *, opening: bool) -> bool:
    if char == '"':
        return text.count('"') % 2 == 1
    for opener, closer in _PAIRS:
        if opening and char == opener:
            return text.count(opener) > text.count(closer)
        if not opening and char == closer:
            return text.count(closer) > text.count(opener)
    return False


def _quote_open(text: str) -> bool:
    """True when `text` opened a quote it has not closed yet (an answer running on)."""
    return any(text.count(o) > text.count(c) for o, c in (("«", "»"), ("“", "”")))


@dataclass
class _Answer:
    question: str
    speaker: str | None
    paragraphs: list[str] = field(default_factory=list)
    #: whether the answer began inside a `<blockquote>` or `<dd>` (None: no paragraph yet)
    quoted: bool | None = None
    #: the markup kind of each paragraph (`block_kind`), for `_end_of_interview`
    kinds: list[BlockKind | None] = field(default_factory=list)
    #: the tag of each paragraph (list items set out a programme, not a spoken answer)
    tags: list[str] = field(default_factory=list)

    def add(self, block: Block, text: str | None = None) -> None:
        self.paragraphs.append(block.text if text is None else text)
        self.kinds.append(block_kind(block))
        self.tags.append(block.tag)

    def takes(self, block: Block) -> bool:
        """False when an answer set apart (quoted, a `<dd>`) meets running text again."""
        if self.quoted is None:
            self.quoted = block.quoted
        return block.quoted or not self.quoted

    def pair(self) -> QAPair | None:
        paragraphs = [strip_wrapping_quotes(p) for p in self.paragraphs]
        answer = strip_wrapping_quotes("\n\n".join(p for p in paragraphs if p))
        if not answer:
            return None
        return QAPair(question=self.question, answer=answer, speaker=self.speaker)


#: What a speaker label holds: a colon (`_LABEL`, a bold first name) or a quote opening the
#: answer (`_DASH_LABEL`, a bold name then the quote).
_LABEL_MARK = re.compile(f"[:：{_OPENERS}]")


def speaker_label(block: Block) -> tuple[str, str] | None:
    """(label, rest of the text) when the block opens with a speaker label."""
    text = block.text
    if _LABEL_MARK.search(text) is None and (
        not block.label or text[len(block.label) :].lstrip(" :–-")
    ):
        # no colon and no quote: none of the label forms below can match, but for a bold name
        # with nothing after it (its rest is empty, and `"" in _OPENERS`), left to them
        return None
    if _contactish(text[:120]) and not _quote_open(text):
        return None  # "Contact Sofia Rossi: milano@…": a contact line, not a turn
    match = _LABEL.match(text)
    if match and block.lines and match.end("label") > len(block.lines[0]):
        # a name and a colon over a line break ("Von Lukas Weidmann" | "Veröffentlicht: 2. Juni
        # 2026", the items of a meta row): a speaker's label opens a line and ends on it
        return None
    if match:
        label = match.group("label").strip()
        if (
            (_Q_PREFIX.match(text) or _A_PREFIX.match(text))
            and not is_initials(label)
            and not is_full_name(label)
        ):
            return None  # "Q:", "A.", "Vraag:" mark the role, not a person ("A. K. :" is one)
        return label, text[match.end() :].strip()
    dashed = _DASH_LABEL.match(text)
    if dashed:  # "Eric Gabrys – « … »": a dash is a label only before a quoted answer
        return dashed.group("label").strip(), text[dashed.end() :].strip()
    # a bold first name and a colon: "<b>Tom:</b> Begin klein" (two interviewees, first names)
    bold = (block.label or "").rstrip()
    if (
        bold.endswith(":")
        and FIRST_NAME.fullmatch(bold[:-1].strip())
        and text.startswith(bold)
        and not (_Q_PREFIX.match(bold) or _A_PREFIX.match(bold))
    ):
        return bold[:-1].strip(), text[len(bold) :].strip()
    # a bold name with no colon, then the quoted answer: "<b>Eric Gabrys</b> « … »"
    if block.label and is_full_name(block.label.rstrip(" :–-")) and not block.bold:
        rest = text[len(block.label) :].lstrip(" :–-")
        if rest[:1] in _OPENERS:
            return block.label.rstrip(" :–-"), rest
    return None


def _is_cta(text: str, config: ExtractConfig) -> bool:
    """An invitation to the reader: "Envie d'en savoir plus ?", "Want to join? Contact us."."""
    folded = fold(text).lstrip("«“\"' ")
    if "!" in text or folded.startswith(config.cta_phrases):  # (a tuple: any of them)
        return True
    return "?" in folded and any(word in folded for word in config.cta_actions)


def question_text(block: Block, config: ExtractConfig, *, followed_by_label: bool) -> str | None:
    """The question a block asks, or None when it is not an interview question."""
    text = block.text
    prefixed = _question_prefix(text, config)
    # a turn label ("V:") sets the question apart as bold markup does: it may carry its context
    set_apart = prefixed is not None or (block.bold and not block.is_heading)
    limit = _MAX_BOLD_QUESTION if set_apart else _MAX_QUESTION
    if len(text) > limit or block.role in ("contact", _CLOSING):
        return None
    if prefixed:
        return text[prefixed.end() :].strip() or None
    asks = text.rstrip(' »”"').endswith("?")
    if not asks and not (followed_by_label and (block.is_heading or block.bold)):
        return None
    return None if _is_cta(text, config) else _QUESTION_NUMBER.sub("", text, count=1)


#: The number a question is listed under ("1. Why Brazil?", "2) Combien ?"): no part of it.
_QUESTION_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")


def label_names(
    blocks: Sequence[Block], said: Sequence[tuple[str, str] | None] | None = None
) -> list[str]:
    """Full names used as speaker labels, in order of appearance. `said`: each block's
    `speaker_label`, when the caller has read them already."""
    names: list[str] = []
    for labelled in map(speaker_label, blocks) if said is None else said:
        if labelled and is_full_name(labelled[0]) and labelled[0] not in names:
            names.append(labelled[0])
    return names


@lru_cache(maxsize=8)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The introducing and role phrases as one pattern (built once per profile). A cue is a whole
    word at its start ("meet" is not in "meeting"); a cue written as a stem ("fondat", "conseill")
    is open at its end on purpose."""
    stems = {c for c in cues if c in _STEMS}
    if "" in cues:  # (an empty cue matches at any word start: kept in the plain form below)
        alternatives = [re.escape(c) + ("" if c in stems else r"\b") for c in cues]
        return re.compile(r"\b(?:" + "|".join(alternatives) + r")")
    # The cues grouped by their first character, "a(?:nnounce|dviser)|m(?:eet)|…", in their
    # order within each group: the same matches (at one position only the cues opening with
    # its character can match, tried in the same order), but each word start tests a few dozen
    # first characters instead of every cue, four times faster: the pattern is searched in
    # every block of an article's introduction.
    groups: dict[str, list[str]] = {}
    for c in cues:
        groups.setdefault(c[0], []).append(re.escape(c[1:]) + ("" if c in stems else r"\b"))
    alternatives = [f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items()]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")")


#: Role cues written as word stems: "fondat" for fondateur/fondatrice, "conseill" for
#: conseiller/conseillère; every other cue must end on a word boundary.
_STEMS = frozenset(("fondat", "conseill"))


def introduced_names(
    blocks: Sequence[Block], config: ExtractConfig, *, first_only: bool = False
) -> list[str]:
    """Names introduced as interviewees: "Rencontre avec Eric Gabrys", "Our representative in
    Montreal, Marc Lefèvre, …": a full name within a few words of an introducing or role phrase.
    `first_only`: stop after the first block that introduces anyone (the list's first name is
    the same)."""
    names: list[str] = []
    # names in apposition to a cue ("Marie Uwimana, founder of …", "founder Marie Uwimana"),
    # in any block, come before those a few words off ("the founder of Kivu Coffee": the role's
    # organisation, in the title)
    close: list[str] = []
    cues = config.interview_intros + config.role_cues
    if not cues:
        return names
    cue = _cue_pattern(cues)
    intros = _cue_pattern(config.interview_intros) if config.interview_intros else None
    for block in blocks:
        if first_only and close:
            break
        text = block.text
        if len(text) > 1500 or block.is_heading:
            continue
        folded = fold(text)
        if len(folded) != len(text) or not cue.search(folded):
            continue
        spots = [(m.start(), m.end()) for m in cue.finditer(folded)]
        # where an interview word starts ("we spoke with", "abbiamo incontrato"): it introduces
        # the name after it, never one written before it ("… della Italian Food Week abbiamo
        # incontrato Giulia Moretti": the event's name ends where the cue starts)
        introducing = {m.start() for m in intros.finditer(folded)} if intros else set()
        near: list[tuple[int, str]] = []
        ends = _line_ends(block)
        person: tuple[re.Match[str], str] | None = None  # the last person named before
        for match in FULL_NAME.finditer(text):
            if _governed(text, match, spots):
                # a place a preposition governs ("em São Paulo"), a thing an article does ("della
                # Italian Food Week"): no one, however near a cue
                continue
            # folding keeps the length of Latin text, so offsets map between the two
            reach = [
                (start, end)
                for start, end in spots
                if start not in introducing or start < match.start()
            ]
            gap = min((_gap(text, match, start, end) for start, end in reach), default=NO_GAP)
            if person is not None and _in_role_of(text, folded, person[0], match, cue):
                # the organisation of the role apposed to that person ("Marie Dupont,
                # présidente de la Fédération X, explique"): no one; a cue by it introduces
                # the whole apposition, the person at its head
                if gap <= MAX_CUE_GAP:
                    near.append((gap, person[1]))
                continue
            name = person_name(_name_at(block, match, ends), config)
            if name:
                person = (match, name)
            if gap <= MAX_CUE_GAP and name:
                near.append((gap, name))
        # "Brasserie de la Senne … its co-founder Yvan De Baets": the name nearest the cue first
        names.extend(name for _, name in sorted(near, key=lambda n: n[0]) if name not in names)
        close.extend(n for gap, n in near if gap <= _APPOSED_GAP and n not in close)
    return close + [name for name in names if name not in close]


#: Characters between a cue and a name it introduces (about ten words: "Laura Pérez, our trade
#: attaché in Mexico City, explains"); a name further off is another sentence's.
MAX_CUE_GAP = 60
#: Characters between a cue and a name in apposition to it: a space ("founder Marie Uwimana"),
#: or the comma after the name ("Marie Uwimana, founder"; `_gap` counts it as one).
_APPOSED_GAP = 1


#: A role phrase apposed to a person's name runs from the comma to the organisation it names:
#: a role and its preposition and article ("présidente de la ", "chair of the ", "Vorsitzende
#: des "), a few words; further on, the capitalised words are another phrase's.
MAX_ROLE_PHRASE_CHARS = 40
#: What ends a role phrase apposed to a name: its closing comma, a sentence's end.
_PHRASE_ENDS = frozenset(",.;:!?()")
#: A role phrase joins its role to the organisation by a preposition or an article ("de la",
#: "of the", "van", "des", "at"): a short word. A longer word right before a name ("…, et son
#: associé Paul Martin", "…, together with Paul Martin") names a second person beside the first.
MAX_JOINING_WORD_CHARS = 3


def _in_role_of(
    text: str, folded: str, person: re.Match[str], match: re.Match[str], cue: re.Pattern[str]
) -> bool:
    """True when the name `match` stands in the role phrase apposed to the person named by
    `person` ("Marie Dupont, présidente de la Fédération X", "Jan Peeters, voorzitter van Y",
    "Anna Schmidt, Vorsitzende des Z"): the comma after the person's name opens a phrase of a
    few words up to the name, with no other punctuation, ending with a short joining word
    (`MAX_JOINING_WORD_CHARS`), whose first word is written in lower case (a role, in languages
    writing it so) or holds a role cue (`folded`: `text` folded, same
    offsets; a German role is capitalised). That name is the role's organisation, never the
    interviewee, even when a speech cue follows it ("…, explique")."""
    head, comma, rest = text[person.end() : match.start()].partition(",")
    role = rest.strip()
    if head.strip() or not comma or not role or len(role) > MAX_ROLE_PHRASE_CHARS:
        return False
    if any(c in _PHRASE_ENDS for c in role):
        return False
    words = role.split()
    if len(words) < 2 or len(words[-1]) > MAX_JOINING_WORD_CHARS:
        return False  # no role joined to an organisation: a second person, named beside
    start = match.start() - len(rest.lstrip())  # where the role's first word starts
    return role[0].islower() or cue.match(folded, start) is not None


#: The gap of a name no cue can introduce (every cue near it an interview word after it).
NO_GAP = MAX_CUE_GAP + 1


def _governed(text: str, match: re.Match[str], spots: Sequence[tuple[int, int]]) -> bool:
    """True when a place preposition or an article governs the capitalised pair `match` ("em São
    Paulo", "in Ciudad de México", "della Italian Food Week"; the vocabulary's words right before
    it), unless a cue ends there: "questions à Marc Lefèvre", "we spoke to Sarah Collins",
    "intervista a Giulia Moretti" introduce a person with the same little words."""
    before = text[max(0, match.start() - _PREPOSITION_CHARS) : match.start()]
    if not (
        _closing_word("place_prepositions").search(before)
        or _closing_word("articles").search(
            text[max(0, match.start() - _article_chars()) : match.start()]
        )
    ):
        return False
    return not any(0 <= match.start() - end <= 1 for _, end in spots)


def _gap(text: str, match: re.Match[str], start: int, end: int) -> int:
    """Characters between a name and a cue; a name the cue follows after a comma ("Laura Pérez,
    trade attaché") is in apposition to it, as near as a cue right before the name. Another
    comma between them sets off another phrase: "in Mexico City, Laura Pérez, answered" puts
    the place in no apposition to "answered" (the name between them is)."""
    between = text[match.end() : start]
    if start >= match.end() and between.lstrip().startswith(",") and between.count(",") == 1:
        return 1
    return max(start - match.end(), match.start() - end, 0)


#: A possessive closing a capitalised pair ("Latin America’s markets"): a thing owned, not a
#: person introduced.
_POSSESSIVE = re.compile(r"['’]s$")


def person_name(name: str, config: ExtractConfig) -> str | None:
    """`name` as a person's name, or None: the role words the name follows go to the role
    ("Oprichter Ruben Claes", "Investment Commissioner Kenji Watanabe"); a role phrase left
    ("Investment Commissioner"), a possessive pair or a place is no person."""
    if _POSSESSIVE.search(name):
        return None
    cues = _cue_pattern(config.role_cues) if config.role_cues else None
    words = _unglued(name.split(), cues)
    if cues is not None:
        # "Investment Commissioner Kenji Watanabe": the words up to the last role word are the role
        roles = [
            i
            for i, word in enumerate(words[:-2])
            if cues.match(fold(word)) or _compound_role(fold(word), config.role_cues)
        ]
        words = words[roles[-1] + 1 :] if roles else words
        if any(cues.match(fold(word)) for word in words):
            return None  # "Investment Commissioner": a role phrase, no one's name
    name = " ".join(words)
    if not is_full_name(name) or _is_place(name, config):
        return None
    return name


#: Words of a full name before a particle that may open the next phrase instead: a given name
#: and a family name ("Thomas Verbeke de Brusselse ondernemer"); after a given name alone the
#: particle is the family name's ("Jan de Vries").
NAME_WORDS_BEFORE_PHRASE = 2


def _unglued(words: list[str], cues: re.Pattern[str] | None) -> list[str]:
    """The words of a name without the phrase a lower-case particle glued on after a given and a
    family name: Dutch "de" (the article "the") opening an apposition, "Thomas Verbeke de
    Brusselse ondernemer", "Ann Peeters de CEO van …", when the capitalised word after it is an
    adjective of place (its ending: the vocabulary's `place_adjective_endings`, "-se", "-sche")
    or a role (`cues`). A particle inside a name stays ("Karel De Gucht", "Jan van der Berg")."""
    endings = lexicon.words("place_adjective_endings")
    for at in range(NAME_WORDS_BEFORE_PHRASE, len(words) - 1):
        if not words[at].islower():
            continue
        if words[at - 1].islower():
            break  # a particle run inside the name ("Jan van der Meersche")
        after = fold(words[at + 1])
        if after.endswith(endings) or (cues is not None and cues.match(after) is not None):
            return words[:at]
        break
    return words


#: A role cue closing a compound noun ("Havendirecteur", "Winzerin", "Pressesprecherin") is at
#: least this long: a short cue ("ceo", "chef") closes many a word that is no role.
MIN_COMPOUND_CUE_CHARS = 6


def _compound_role(word: str, cues: tuple[str, ...]) -> bool:
    """`word` (folded) is a role noun compounded on a role cue of one word, as Dutch and German
    write them ("havendirecteur", "pressesprecherin", "winzerin"): a capitalised word in front
    of a full name that is the person's role, never a given name (none closes on a role)."""
    return any(
        len(cue) >= MIN_COMPOUND_CUE_CHARS and " " not in cue and word.endswith(cue) for cue in cues
    )


def _is_place(name: str, config: ExtractConfig) -> bool:
    """Capitalised pairs that are no person: they open with a sentence opener or a place word of
    the vocabulary or the profile ("Notre équipe", "Brussels Airport")."""
    return fold(name.split()[0]) in config.name_stopwords or _closes_with_a_day(name)


#: A month written out is longer than its abbreviation ("Jan", "May", "June" are first names too).
MIN_MONTH_CHARS = 5


def _closes_with_a_day(name: str) -> bool:
    """Capitalised pairs closing with a month or a day name written out ("In October", "Le
    Mardi"): a sentence's time, not a surname (month and day names: the date vocabulary)."""
    last = fold(name.split()[-1])
    words = vocabulary()
    return (len(last) >= MIN_MONTH_CHARS and last in words.months) or last in words.weekdays


def extract_qa(
    blocks: Sequence[Block],
    config: ExtractConfig,
    *,
    extra_names: Sequence[str] = (),
    title: str | None = None,
    lead: str | None = None,
    brands: frozenset[str] = frozenset(),
    ad_label_heads: dict[int, bool] | None = None,
) -> list[QAPair]:
    """The interview of the article as pairs; [] when there is none. `brands`: the names the
    site goes by, squashed (`body.site_brands`): an organisation, never an interviewee.
    `ad_label_heads`: the page's elements known to open with an ad label or not
    (`Page.ad_label_heads`, the body's), for `in_sponsor_box`.

    Explicit passes, in this precedence:
    1. the interviewee: a name a cue introduces in the title, the standfirst (`lead`, which may
       stand outside the text's blocks) or the introduction (the blocks before the first
       question), else the first full name of these, in that order; the article's contacts (`extra_names`) come last, so a press contact at the
       end is never taken for the one answering;
    2. the questions: labelled turns, or questions set apart (bold, headings, "Q:" prefixes);
       the interviewer's closing line ("JD: Thank you.") is no question and cancels nothing;
    3. the answers, each with its speaker (a label, resolved to a full name, or the interviewee).
    """
    if not _may_hold_turns(blocks):
        return []
    # an interview is read in the first blocks of the text: a page of thousands of paragraphs
    # (a 5 MB dump) costs no more than a long article
    # (an ad slot's label between two turns, and the sponsor box it heads, are furniture, as in
    # the body: no part of an answer)
    kept = [
        b
        for b in blocks
        if b.role not in ("contact", "site", "related")
        and not is_ad_label(b)
        and not in_sponsor_box(b, ad_label_heads)
    ][:MAX_BLOCKS]
    body = _closing_asker_line(_join_label_lines(_turns(kept, config), config), config)
    said = [speaker_label(b) for b in body]  # read once: `label_names` reads them again
    # a headline quoting its interviewee ("Anna Weber: „Wir müssen …“") is the title, no turn
    asker = _asker_prefix(config.question_labels) if config.question_labels else None
    labels = [
        None
        if (asker is not None and asker.match(b.text))
        or (b.tag == "h1" and label and label[1][:1] in _OPENERS)
        else label
        for b, label in zip(body, said, strict=True)
    ]
    named: list[str] = []
    # the full names of the text serve only a labelled interview: as first-name labels' owners
    # and as the names initials may stand for; without a label of either kind they are unused
    # (a first name's label holds a colon: a text without one is not read for it)
    if any(labels) or any(
        _FIRST_NAME_LABEL.match(b.text)
        for b, label in zip(body, labels, strict=True)
        if not label and (":" in b.text or "：" in b.text)
    ):
        named = [m.group() for b in body for line in b.lines for m in FULL_NAME.finditer(line)]
        labels = _first_name_labels(body, labels, named)
    if any(labels):
        if not _may_ask(body, labels, config):
            return []  # labels but no question before one: `_labelled` opens no answer
        interviewees = _interviewees(body, title, config, lead)
        labelled = label_names(body, said)
        names = labelled + [n for n in interviewees if n not in labelled]
        listed = set(names)
        names += [n for n in extra_names if n not in listed]
        # initials may stand for anyone named in the text (each name as often as the text
        # names it: the list is checked against the names before it, not against itself)
        listed = set(names)
        names += [n for n in named if n not in listed]
        asked, labels_left = _asker_turns(body, labels, names)
        # the interviewer's turns were labelled too: every turn of this interview is named
        named_turns = sum(map(bool, labels_left)) < sum(map(bool, labels))
        return _labelled(asked, labels_left, names, config, named_turns=named_turns)
    if all(question_text(b, config, followed_by_label=False) is None for b in body):
        return []  # no question set apart: no pair, whoever the text introduces
    # only the first name is the speaker of unlabelled answers
    interviewees = _interviewees(body, title, config, lead, first_only=True)
    names = interviewees + [n for n in extra_names if n not in interviewees]
    # who answers was announced: an interview word or a speech cue in the title, the lead or
    # the introduction; a role alone ("notre représentant", "our trade attaché") says who the
    # person is, the organiser's staff, not that they answer
    cues = config.interview_intros + config.speech_cues
    heads = [fold(t) for t in (title, lead) if t]
    heads += [fold(b.text) for b in _introduction(body, config)]
    answering = bool(cues) and any(_cue_pattern(cues).search(t) for t in heads)
    announced = answering or not (
        config.role_cues and any(_cue_pattern(config.role_cues).search(t) for t in heads)
    )
    # the person the introduction quotes ("« … », souligne Isabelle Grippa") with no interview
    # word anywhere in it: a source of the article, whose words it has given already
    interviewed = bool(config.interview_intros) and any(
        _cue_pattern(config.interview_intros).search(t) for t in heads
    )
    quoted = bool(names) and not interviewed and _quotes(names[0], title, lead, body, config)
    # the page's people are its contacts, someone else than the name its introduction gives
    # first, which no cue introduces (an organiser, "Trade Flanders organises …"); or that name
    # is the site's own (the organiser's page, with a contact block or none): that name is no
    # interviewee unless the sections speak as one (`_unlabelled`)
    introduced = not interviewees or (
        brand_of(interviewees[0]) not in brands
        and not (
            any(name != interviewees[0] for name in extra_names)
            and not introduced_names(
                [Block(tag="p", lines=[t]) for t in (title, lead) if t]
                + _introduction(body, config),
                config,
                first_only=True,
            )
        )
    )
    # a person only the article's contacts name (no name in the text before the questions) is
    # no interviewee of question headings unless the text says someone answers
    return _unlabelled(
        body,
        names[:1],
        config,
        announced=announced,
        answering=answering,
        introduced=introduced,
        from_text=bool(interviewees),
        quoted=quoted,
    )


#: What a turn of an interview needs in a block's text: a question's mark, a label's colon
#: (`speaker_label`, the asker's prefix, a first name's label, a turn letter read as "Q: "), a
#: quote after a name (`_DASH_LABEL`).
_TURN_MARKS = tuple(f"?:：{_OPENERS}")


def _may_hold_turns(blocks: Sequence[Block]) -> bool:
    """False when no pass of `extract_qa` can find a turn among `blocks`: none holds a mark of
    a turn (`_TURN_MARKS`), a bold run (a label, a label line joined to its paragraph with a
    colon, a bold question), a table's header cell (a label line too), or a line opening with a
    question's prefix ("Q. …", "Vraag. …"), a dialogue dash before it or not (the turns are
    split at lines and lose their dashes). Every pass only splits, joins and trims these texts,
    so a page without any of them (most small pages) has no question nor label, and no pair."""
    if any(block.label is not None or block.bold or block.tag == "th" for block in blocks):
        return True
    text = "\n".join([line for block in blocks for line in block.lines])
    for mark in _TURN_MARKS:  # (a substring test each: a scan in C, faster than a regex's)
        if mark in text:
            return True
    return any(_Q_PREFIX.match(line.lstrip("—–")) for block in blocks for line in block.lines)


_DASHES = ("—", "–")


def _turns(blocks: list[Block], config: ExtractConfig) -> list[Block]:
    """The blocks as turns: turn labels on a line of their own joined to their paragraph,
    paragraphs of several turns split, a question and its answer in one paragraph split, an
    attribution line set apart, dialogue dashes dropped. (Each step is asked only of the blocks
    it may change: a block of fewer than three lines holds no several turns, one whose last or
    first line opens with no dash no attribution or dialogue dash; most blocks are neither.)"""
    body: list[Block] = []
    for b in _join_turn_labels(blocks):
        for turn in _split_turn_lines(b) if len(b.lines) >= MIN_TURN_LINES else (b,):
            for part in _split_inline(turn):
                lines = part.lines
                if not lines:
                    body.append(part)
                    continue
                pieces = _attributed(part, config) if lines[-1].startswith(_DASHES) else (part,)
                for piece in pieces:
                    dashed = piece.lines and piece.lines[0].startswith(_DASHES)
                    body.append(_undashed(piece) if dashed else piece)
    return body


def _quotes(
    name: str, title: str | None, lead: str | None, body: Sequence[Block], config: ExtractConfig
) -> bool:
    """True when a block of the title, the lead or the introduction names `name` beside a
    quotation it sets in quote marks ("« Le Rwanda … », souligne Isabelle Grippa")."""
    texts = [t for t in (title, lead) if t] + [b.text for b in _introduction(body, config)]
    return any(
        name in text and any(o in text and c in text for o, c in (*_PAIRS, ('"', '"')))
        for text in texts
    )


#: Dialogue dashes opening a turn ("— Quels secteurs… ?"): typography, not text.
_DIALOGUE_DASH = re.compile(r"^[—–]\s*")


def _undashed(block: Block) -> Block:
    # (`startswith` first: the pattern opens with one of the two dashes)
    if (
        not block.lines
        or not block.lines[0].startswith(("—", "–"))
        or not _DIALOGUE_DASH.match(block.lines[0])
    ):
        return block
    return replace(block, lines=[_DIALOGUE_DASH.sub("", block.lines[0]), *block.lines[1:]])


#: An attribution line ("— Anne Claessens", "– Jan Peeters, founder") is a name and at most a
#: short role: longer dash-opened lines are dialogue turns or text.
MAX_ATTRIBUTION_CHARS = 80
_ATTRIBUTION = re.compile(r"^[—–]\s*(?P<who>[^,]+?)\s*(?:,\s*[^?!]+)?$")


def _attributed(block: Block, config: ExtractConfig) -> list[Block]:
    """An attribution line under an answer or a quote (a dash, then a person's name), on a line
    of its own or closing the block, as the `<cite>` it stands for: it names the speaker, and it
    is no part of the answer."""
    last = block.lines[-1] if block.lines else ""
    # (`startswith` first: the pattern opens with one of the two dashes)
    match = (
        _ATTRIBUTION.match(last)
        if len(last) <= MAX_ATTRIBUTION_CHARS and last.startswith(("—", "–"))
        else None
    )
    who = match.group("who") if match else ""
    if (
        not match
        or not is_full_name(who)
        or _is_place(who, config)
        or _thanks(Block(tag="p", lines=[who]), config)  # "— Merci Sophie": a dialogue turn
    ):
        return [block]
    cite = Block(tag="cite", lines=[who], container=block.container, quoted=block.quoted)
    if len(block.lines) == 1:
        return [cite]
    return [replace(block, lines=block.lines[:-1], bold_runs=()), cite]


def _closing(block: Block) -> Block:
    """The interviewer's closing line ("JD: Thank you."): no question; it ends the last answer
    the way a subheading does, and what answers it ("With pleasure.") is no pair."""
    return replace(block, tag=_CLOSING_TAG, role=_CLOSING, label=None, bold_runs=())


#: A closing line is read as a boundary, like a subheading, and never as a question.
_CLOSING_TAG = "h6"
_CLOSING = "closing"


def _closing_asker_line(body: list[Block], config: ExtractConfig) -> list[Block]:
    """The interviewer's last labelled line, when it asks nothing, as a closing line."""
    if not config.question_labels:
        return body  # no label of the one asking: no labelled line
    asker = _asker_prefix(config.question_labels)
    turns = [i for i, b in enumerate(body) if asker.match(b.text)]
    if len(turns) >= 3 and not body[turns[-1]].text.rstrip(' »”"').endswith("?"):
        body = list(body)
        body[turns[-1]] = _closing(body[turns[-1]])
    return body


def _introduction(body: Sequence[Block], config: ExtractConfig) -> list[Block]:
    """The blocks before the first question (the lead and the introduction), but a picture's
    caption or credit: it says what a picture shows and who took it ("Beeld: Youssef Benali",
    "Berlin's town hall. Image: Visit Berlin"), never who answers nor that anyone does; nor a
    line of the page's metadata (`_glued_meta_line`: "Sector: Mobility Published 05/14/2026"),
    which says what the page is filed under and when."""
    intro: list[Block] = []
    for block in body:
        if is_caption(block) or image_credit(block) or _glued_meta_line(block):
            continue
        if block.text.rstrip(' »”"').endswith("?") or _question_prefix(block.text, config):
            break
        intro.append(block)
    return intro


def _glued_meta_line(block: Block) -> bool:
    """A line of the page's metadata glued into one block: at most a short label and its value
    (`MAX_META_PIECE`: "Sector: Mobility", "Secteur : Mobilité", "Door Jan Peeters"), then a
    date label and its date ("Published 05/14/2026", "Publié le 14/05/2026"), all of it short
    (`MAX_META_LINE`). Its words are labels and values (a sector glued to a date label reads as
    a full name, "Mobility Published"), never a person introduced to answer."""
    text = block.text
    if len(text) > MAX_META_LINE or not has_digit(text):
        return False  # every date holds a digit: most paragraphs are asked nothing more
    starts = [at for kind in ("published", "modified") if (at := label_at(text, kind)) is not None]
    if not starts:
        return False
    before = fold(text)[: min(starts)].strip()
    return len(before) <= MAX_META_PIECE and not before.endswith((".", "!", "?"))


def _interviewees(
    body: Sequence[Block],
    title: str | None,
    config: ExtractConfig,
    lead: str | None = None,
    *,
    first_only: bool = False,
) -> list[str]:
    """Pass 1: who answers, by the precedence of `extract_qa`. `first_only`: the caller reads
    only the first name of the list; the list then stops there (its first name is the same)."""
    heading = [Block(tag="p", lines=[t]) for t in (title, lead) if t]
    intro = _introduction(body, config)
    found = introduced_names(heading + intro, config, first_only=first_only)
    addressed = _addressed(body, heading + intro, config)
    if addressed:
        found = [addressed, *(name for name in found if name != addressed)]
    if first_only and found:
        return found
    # a place the heads or the introduction go to or come from, or a thing they write with an
    # article (a fair, a chamber: an announcement's organiser or event), is no one answering
    listed = (
        set(found) | _places(heading + intro) | _things(heading + intro) | _agents(heading + intro)
    )
    # (`found` as a set: a long introduction names hundreds of people)
    # what `person_name` makes of each name as written, asked once: a text repeats its names
    verdicts: dict[str, str | None] = {}
    # the blocks naming each name no cue introduces: the person the title, the lead and the
    # introduction each name ("Marie Uwimana" in the lead and again in the intro) comes before
    # a capitalised pair named once ("In Lake Kivu, …", "Kigali Heights is where …")
    named_in: dict[str, int] = {}
    for block in heading + intro:
        ends: list[int] | None = None
        seen: set[str] = set()
        for match in FULL_NAME.finditer(block.text):
            ends = _line_ends(block) if ends is None else ends
            written = _name_at(block, match, ends)
            if written not in verdicts:
                verdicts[written] = person_name(written, config)
            name = verdicts[written]
            if name and name not in listed and name not in seen:
                seen.add(name)
                named_in[name] = named_in.get(name, 0) + 1
    # (a stable sort: names as often named keep the text's order)
    return found + sorted(named_in, key=lambda name: -named_in[name])


#: A question opening by addressing someone: up to three capitalised words and a comma
#: ("Sarah Collins, what …?", "Presidente Moretti, come …?", "Frau Becker, was …?", "¿Laura, qué …?").
_ADDRESS = re.compile(
    rf"^[\s¿¡«“„\"]*(?P<who>(?:{FIRST_NAME.pattern}\s+){{0,2}}{FIRST_NAME.pattern})\s*,\s*\S"
)


def _addressed(body: Sequence[Block], heads: Sequence[Block], config: ExtractConfig) -> str | None:
    """The person the questions address by name, as the heads or the introduction name them in
    full: the one answering, whatever else (an event, a place, a role's organisation) is named
    beside the cues. An address is the person's full name, given name or family name, after a
    title or not ("Presidente Moretti" for Giulia Moretti, "Frau Becker" for Anna Becker); the
    first question so addressing someone named decides."""
    people: list[str] = []
    for block in heads:
        ends: list[int] | None = None
        for match in FULL_NAME.finditer(block.text):
            ends = _line_ends(block) if ends is None else ends
            name = person_name(_name_at(block, match, ends), config)
            if name and name not in people:
                people.append(name)
    if not people:
        return None
    for block in body:
        if "," not in block.text or question_text(block, config, followed_by_label=False) is None:
            continue
        address = _ADDRESS.match(block.text)
        if address is None:
            continue
        words = address.group("who").split()
        for name in people:
            parts = name.split()
            if (
                name == " ".join(words)
                or words[-1] == parts[-1]
                or (len(words) == 1 and words[0] == parts[0])
            ):
                return name
    return None


@lru_cache(maxsize=4)  # the lists asked: place and agent prepositions, articles
def _closing_word(vocabulary_key: str) -> re.Pattern[str]:
    """A word of the vocabulary list `vocabulary_key` closing a text ("… a mission to ", "… auf
    der ", "… l'"): the capitalised pair after it is what the word governs."""
    # (as written, not folded: the French "à" is no English "a")
    written = sorted(lexicon.words(vocabulary_key, folded=False), key=len, reverse=True)
    # (an elided word, "l'", is written close to its noun; a word is followed by a space)
    words = "|".join(re.escape(w) + (r"\s+" if w[-1].isalpha() else r"\s*") for w in written)
    return re.compile(rf"(?:^|\W)(?:{words or '(?!)'})$", re.IGNORECASE)


def _pairs_after(
    blocks: Sequence[Block], vocabulary_key: str, window: int, *, opening: bool = False
) -> set[str]:
    """The capitalised pairs (`FULL_NAME`) the blocks write right after a word of the vocabulary
    list `vocabulary_key`, looked for in the `window` characters before each pair; `opening`:
    also a pair whose first word is one of them ("In Costa Rica" opening a sentence)."""
    after = _closing_word(vocabulary_key)
    return {
        match.group()
        for block in blocks
        for match in FULL_NAME.finditer(block.text)
        if after.search(block.text[max(0, match.start() - window) : match.start()])
        or (opening and after.search(match.group().split()[0] + " "))
    }


#: Characters before a name searched for a place preposition: the longest one and its spaces.
_PREPOSITION_CHARS = 12


def _places(blocks: Sequence[Block]) -> set[str]:
    """The capitalised pairs the blocks write right after a place preposition ("Trade mission to
    British Columbia", "à Mexico City"), or opening with one at a sentence's start ("In Costa
    Rica"): places, wherever else the text names them."""
    return _pairs_after(blocks, "place_prepositions", _PREPOSITION_CHARS, opening=True)


@lru_cache(maxsize=1)
def _article_chars() -> int:
    """Characters before a name searched for an article: the vocabulary's longest one and a
    space on either side."""
    return max(map(len, lexicon.words("articles", folded=False)), default=0) + 2


def _things(blocks: Sequence[Block]) -> set[str]:
    """The capitalised pairs the blocks write right after an article ("Die Handelskammer Hamburg
    lädt … zur Hannover Messe": "auf der Hannover Messe", "la Foire de Paris"): organisations,
    fairs and events, which no one is named after, wherever else the text names them. A person's
    name takes no article (a role noun between them, "die Gründerin Anna Weber", is left to
    `person_name`)."""
    return _pairs_after(blocks, "articles", _article_chars())


def _agents(blocks: Sequence[Block]) -> set[str]:
    """The capitalised pairs the blocks write right after an agent's preposition ("presentada por
    Javier Ortega", "annunciato da Marco Ferri", "an interview by Jane Doe"): who did a thing the
    text reports (announced a programme, wrote or asked), a complement of the sentence, not the
    person it introduces to answer (whom a cue introduces: "a répondu par …" is no address)."""
    return _pairs_after(blocks, "agent_prepositions", _PREPOSITION_CHARS)


def _line_ends(block: Block) -> list[int]:
    """Where each line of `block` ends in its text (the space joining it to the next line; the
    last at the text's end), in increasing order."""
    return [end - 1 for end in accumulate(len(line) + 1 for line in block.lines)]


def _name_at(block: Block, match: re.Match[str], ends: list[int] | None = None) -> str:
    """The name `match` found, cut where its line ends ("Ellen Wouters<br>Adviseur …").
    `ends`: the block's `_line_ends`, from a caller reading several names of a block (a block
    may hold hundreds of lines: they are added up once, not once per name)."""
    if len(block.lines) < 2:
        return match.group()  # (the one line ends where the text does: no cut)
    if ends is None:
        ends = _line_ends(block)
    # the first line end after the name's start (the ends increase: any later one is further)
    first = bisect_right(ends, match.start())
    cut = ends[first] if first < len(ends) and ends[first] < match.end() else None
    return match.group() if cut is None else block.text[match.start() : cut].strip()


_FIRST_NAME_LABEL = re.compile(rf"^\s*(?P<label>{FIRST_NAME.pattern})\s*[:：]\s*")


def _first_name_labels(
    body: Sequence[Block], labels: list[tuple[str, str] | None], named: Sequence[str]
) -> list[tuple[str, str] | None]:
    """Labels that are the first name or the surname of someone the text names in full ("Amina :"
    for Amina Benali, "Hendrickx:" for Anne Hendrickx), on blocks that carry no other label. A
    heading is never a turn: "Mexico: nearshoring opens doors" is a headline or a section's
    title whose first word is a place, not a speaker's line."""
    first_names = {part for name in named for part in (name.split()[0], name.split()[-1])}
    found = list(labels)
    for i, block in enumerate(body):
        # a heading is no turn: "Fachkräfte: „Wir müssen …“" quotes the interview in its title,
        # and a language that capitalises nouns gives its first word a first name's shape
        # ("Ohne Fachkräfte …" in an answer names no one either)
        match = None if labels[i] or block.is_heading else _FIRST_NAME_LABEL.match(block.text)
        if match and match.group("label") in first_names and block.text[match.end() :].strip():
            found[i] = (match.group("label"), block.text[match.end() :].strip())
    return found


def _may_ask(
    body: Sequence[Block], labels: Sequence[tuple[str, str] | None], config: ExtractConfig
) -> bool:
    """False when a labelled text can hold no pair, asked before the names it needs are read (a
    walk of the heads and the introduction for people, places and organisations: most of
    `extract_qa`'s cost on a page of "Term: definition" lines that is no interview).
    `_labelled` opens an answer only after a question: an unlabelled block `question_text`
    reads before a label (the next block's, or a later one), or a labelled line asking ("JD:
    Is it free?") that `_asker_turns` makes a question. That pass only ever takes labels away,
    so a question it could set is one this test, on the labels before it, already allows."""
    last_label = max(i for i, label in enumerate(labels) if label)
    for i, (block, label) in enumerate(zip(body, labels, strict=True)):
        if label is not None:
            if label[1].rstrip(' »”"').endswith("?"):
                return True
            continue
        following = labels[i + 1] if i + 1 < len(labels) else None
        if (following or i < last_label) and question_text(
            block, config, followed_by_label=bool(following)
        ) is not None:
            return True
    return False


def _asker_turns(
    body: Sequence[Block], labels: list[tuple[str, str] | None], names: list[str]
) -> tuple[list[Block], list[tuple[str, str] | None]]:
    """The interviewer's turns as question blocks: a speaker whose every labelled line is a
    question ("JD: Is it free?") while someone else answers is the one asking."""
    turns: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        if label:
            turns.setdefault(resolve(label[0], names), []).append(i)
    # the interviewer's last turn may close the interview ("JD: Thank you.") without asking
    askers = {
        speaker
        for speaker, spots in turns.items()
        if len(spots) >= 2
        and all(labels[i][1].rstrip(' »”"').endswith("?") for i in spots[:-1])  # type: ignore[index]
        and sum(labels[i][1].rstrip(' »”"').endswith("?") for i in spots) >= 2  # type: ignore[index]
    }
    if not askers or len(askers) == len(turns):
        return list(body), labels
    blocks, found = list(body), list(labels)
    for speaker in askers:
        for i in turns[speaker]:
            question = labels[i][1]  # type: ignore[index]
            if question.rstrip(' »”"').endswith("?"):
                blocks[i] = replace(body[i], lines=[question], label=None, bold_runs=())
            else:
                blocks[i] = _closing(body[i])
            found[i] = None
    return blocks, found


def _label_line(block: Block, config: ExtractConfig) -> str | None:
    """The speaker of a bold line that holds only a name, initials or the asker ("hub.brussels"),
    the words of that speaker in the paragraph below it. A table's header cell labels the cell
    beside it as bold type does: a row "<th>Kenji Watanabe</th><td>De la patience…</td>" is a
    turn, and a row headed "Question" holds a question."""
    header_cell = block.tag == "th"
    if not (block.bold or header_cell) or len(block.lines) != 1 or block.is_heading:
        return None
    text = block.text.rstrip(" :")
    if header_cell and _Q_PREFIX.fullmatch(f"{text}:"):
        return text
    if (
        is_full_name(text)
        or is_initials(text)
        or fold(text) in {fold(label) for label in config.question_labels}
        # a first name with its colon ("Ellen:"): a label only if the text names her in full
        or (block.text.endswith(":") and FIRST_NAME.fullmatch(text) is not None)
    ):
        return text
    return None


def _join_label_lines(body: list[Block], config: ExtractConfig) -> list[Block]:
    """Each speaker label on a line of its own joined to the paragraph it introduces
    ("<p><b>Lies Janssens</b></p><p>Omdat …</p>" reads as "Lies Janssens: Omdat …")."""
    labels = {
        i: f"{speaker}:"
        for i, block in enumerate(body[:-1])
        if (speaker := _label_line(block, config))
        and not body[i + 1].bold
        and not body[i + 1].is_heading
    }
    if len(labels) < 2:  # one bold name above a paragraph is a caption or a contact, not a dialogue
        return body
    return _joined_to_next(body, labels, keep_bold=True)


def _joined_to_next(body: list[Block], labels: dict[int, str], *, keep_bold: bool) -> list[Block]:
    """The blocks with each label line (`labels`: its index -> the label) joined to the block after
    it ("<label> <its text>"); `keep_bold`: the joined block keeps the boldness of the text."""
    joined: list[Block] = []
    skip = -1
    for i, block in enumerate(body):
        if i == skip:
            continue
        if i in labels:
            label, following = labels[i], body[i + 1]
            text = f"{label} {following.text}"
            bold = following.bold if keep_bold else False
            joined.append(replace(following, lines=[text], label=label, bold=bold, bold_runs=()))
            skip = i + 1
            continue
        joined.append(block)
    return joined


def _turn_label_only(block: Block) -> bool:
    """A block holding nothing but a turn label ("<p><b>V:</b></p>", "Q :")."""
    text = block.text.strip()
    match = _Q_PREFIX.match(text) or _A_PREFIX.match(text)
    return match is not None and match.end() >= len(text)


def _join_turn_labels(body: list[Block]) -> list[Block]:
    """Each turn label on a line of its own joined to the paragraph it opens ("<p><b>V:</b></p>
    <p>Hoe …?</p>" reads as "V: Hoe …?"), when a question label is among them: a lone "A." or
    "R." line may be a list's marker."""
    # (the question label first: it rules out nearly every block in one match)
    if not any(_Q_PREFIX.match(b.text) and _turn_label_only(b) for b in body):
        return body
    labels: dict[int, str] = {}
    for i, block in enumerate(body[:-1]):
        following = body[i + 1]
        if (
            i - 1 not in labels  # (a label is never itself the paragraph a label opens)
            and _turn_label_only(block)
            and not following.is_heading
            and not _turn_label_only(following)
        ):
            labels[i] = block.text.strip()
    return _joined_to_next(body, labels, keep_bold=False)


#: A paragraph of several turns holds three lines at least (a question, its answer, the next
#: question): in two lines a question and its answer are read by `_split_inline`.
MIN_TURN_LINES = 3


def _split_turn_lines(block: Block) -> list[Block]:
    """A paragraph holding several labelled turns, one a line ("<b>V:</b> Hoe …?<br><b>A:</b>
    Via …<br><br><b>V:</b> …"), as one block per turn; the lines after a turn's label continue
    that turn."""
    lines = block.lines
    if len(lines) < MIN_TURN_LINES:  # a question and its answer on two lines: `_split_inline`
        return [block]
    opens = [i for i, line in enumerate(lines) if _Q_PREFIX.match(line) or _A_PREFIX.match(line)]
    if not any(_Q_PREFIX.match(lines[i]) for i in opens) or len(opens) < 3:
        return [block]
    cuts = ([0] if opens[0] else []) + opens + [len(lines)]
    return [
        replace(block, lines=lines[start:end], bold=False, label=None, bold_runs=())
        for start, end in zip(cuts, cuts[1:], strict=False)
        if any(line.strip() for line in lines[start:end])
    ]


def _split_bold_question(block: Block) -> list[Block] | None:
    """A paragraph with a bold question after some text, the answer after it or in the next
    paragraph ("… accords. <b>Qu'est-ce que cela change ?</b> <i>Les droits …</i>")."""
    text = block.text
    for run in block.bold_runs:
        if not run.endswith("?") or len(run) > _MAX_QUESTION:
            continue
        at = text.find(run)
        before, after = text[:at].strip(), text[at + len(run) :].strip()
        # a dialogue dash before the question ("— <b>Why?</b> Because …") is typography, and a
        # turn letter ("<span>Q</span> <b>Why?</b>", read as "Q: ") marks the question
        dashed = bool(before) and (not before.strip("—–") or bool(_Q_PREFIX.fullmatch(before)))
        if at <= 0 or len(after) == 1 or not (dashed or before.endswith((".", "!", ":", "»", '"'))):
            continue
        parts = (
            [] if dashed else [replace(block, lines=[before], bold=False, label=None, bold_runs=())]
        )
        parts.append(replace(block, lines=[run], bold=True, label=run, bold_runs=(run,)))
        if after:  # else the answer is the next paragraph
            parts.append(replace(block, lines=[after], bold=False, label=None, bold_runs=()))
        return parts
    return None


def _split_inline(block: Block) -> list[Block]:
    """A paragraph holding a question, a line break and its answer becomes two blocks; so does
    one opening with a bold question ("<b>Why Brussels?</b> Because …")."""
    lines = block.lines
    label = block.label
    if (
        lines
        and label
        and label.endswith("?")
        and len(label) <= _MAX_QUESTION
        and lines[0].startswith(label)
        and len(lines[0]) > len(label) + 1
    ):
        # the answer may run on over line breaks ("<b>Why?</b> Because …<br>And …")
        answer = [lines[0][len(label) :].strip(), *lines[1:]]
        return [
            replace(block, lines=[label], bold=True),
            replace(block, lines=answer, bold=False, label=None),
        ]
    if len(lines) == 1 and len(block.bold_runs) == 1 and not block.bold:
        return _split_bold_question(block) or [block]
    if len(lines) < 2 or not lines[0].endswith("?") or len(lines[0]) > _MAX_QUESTION:
        return [block]
    bold = bool(block.label) and fold(block.label).startswith(fold(lines[0])[:20])
    rest = block.text[len(lines[0]) :].strip()
    label = None
    if block.label and len(block.label) > len(lines[0]):
        label = block.label[len(lines[0]) :].strip() or None
    return [
        replace(block, lines=[lines[0]], bold=bold, label=block.label if bold else None),
        replace(block, lines=lines[1:] if rest else [], bold=False, label=label),
    ]


#: A bold line this short that asks nothing is a subheading set in bold ("Contact presse").
_BOLD_HEADING_CHARS = 60


def _ends_answer(block: Block, config: ExtractConfig) -> bool:
    """A call to action, contact details, a bold subheading, a bar of links (share buttons) or a
    number standing alone (their counter): the answer is over."""
    text = block.text
    if block.bold and len(text) <= _BOLD_HEADING_CHARS and not text.rstrip(' »”"').endswith("?"):
        return True
    if block.link_density > MAX_LINK_DENSITY or is_number_only(block):
        return True
    return ("?" in text and _is_cta(text, config)) or _contactish(text)


#: A thanks line longer than this is a paragraph of its own, not the interview's sign-off.
_THANKS_CHARS = 80


def _thanks(block: Block, config: ExtractConfig) -> bool:
    """A short line that opens with thanks ("Merci, Sophie !", "Bedankt voor het gesprek."):
    after an answer has begun, the interviewer signing off, not the answer going on."""
    text = fold(block.text)
    return len(text) <= _THANKS_CHARS and any(
        re.match(rf"{re.escape(cue)}\b", text) for cue in config.closing_thanks
    )


def _labelled(
    body: Sequence[Block],
    labels: Sequence[tuple[str, str] | None],
    names: list[str],
    config: ExtractConfig,
    *,
    named_turns: bool = False,
) -> list[QAPair]:
    """The pairs of an interview with speaker labels; `named_turns`: the questions were
    labelled with the interviewer's name too (`_end_of_interview`)."""
    last_label = max(i for i, label in enumerate(labels) if label)
    speakers = {resolve(label[0], names) for label in labels if label}
    only_speaker = next(iter(speakers)) if len(speakers) == 1 else None
    answers: list[_Answer] = []
    question: str | None = None
    answer: _Answer | None = None

    def close() -> None:
        nonlocal answer
        if answer is not None:
            answers.append(answer)
        answer = None

    for i, block in enumerate(body):
        label = labels[i]
        following = labels[i + 1] if i + 1 < len(body) else None
        asked = None if label else question_text(block, config, followed_by_label=bool(following))
        if asked is not None and (following or i < last_label):
            close()
            question = asked
            if not following and only_speaker:
                answer = _Answer(question, only_speaker)
            continue
        if label:
            speaker = resolve(label[0], names)
            if answer is not None and answer.paragraphs and answer.speaker == speaker:
                answer.add(block, label[1])  # the speaker's label again: the answer goes on
                continue
            close()
            if question is not None:
                answer = _Answer(question, resolve(label[0], names), quoted=block.quoted)
                answer.add(block, label[1])
            continue
        if block.tag == "cite":
            if answer is not None:
                answer.speaker = resolve(block.text.strip(" —–-"), names)
            close()
            continue
        if block.is_heading or block.role == "lead" or _ends_answer(block, config):
            close()
            question = None
            continue
        if answer is not None and answer.paragraphs and _thanks(block, config):
            close()
            question = None
            continue
        if answer is not None:
            joined = "\n\n".join(answer.paragraphs)
            if not answer.takes(block) or (
                answer.paragraphs
                and joined[:1] in _OPENERS
                and not _quote_open(joined)
                and block.text[:1] not in _OPENERS
            ):
                close()  # the quoted answer is complete: this paragraph is article text again
                question = None
            else:
                answer.add(block)
    close()
    return _end_of_interview(answers, named_turns=named_turns)


def _end_of_interview(answers: list[_Answer], *, named_turns: bool = False) -> list[QAPair]:
    """The pairs, the last answer cut where the interview ends. Nothing asks after the last
    answer, so its end is read from the markup: it goes on only with paragraphs of a kind
    (`block_kind`: element, class, parent, italics) the interview's answers already used, or a
    list its previous paragraph announces (":"). An editorial line in italics, the paragraph
    after the interview's container, a share bar differ in kind and end it.

    When every turn is named (`named_turns`: "Marc Delvaux : …?" then "Sophie Lambert : …"),
    the label is the turn's markup: an unlabelled paragraph continues an answer only when the
    next labelled turn follows it (it sits between two turns). After the last turn nothing
    follows to say so, and the article's own text is unlabelled too: the last answer keeps its
    labelled paragraph and what that paragraph announces (":") or leaves quoted open."""
    if answers and answers[-1].kinds:
        last = answers[-1]
        known = {kind for answer in answers[:-1] for kind in answer.kinds}
        known.add(last.kinds[0])
        end = len(last.paragraphs)
        for at in range(1, len(last.paragraphs)):
            kind = last.kinds[at]
            announced = last.paragraphs[at - 1].rstrip().endswith(":") or (
                named_turns and _quote_open("\n\n".join(last.paragraphs[:at]))
            )
            if (named_turns or kind not in known) and not announced:
                end = at
                break
            known.add(kind)
        del last.paragraphs[end:], last.kinds[end:], last.tags[end:]
    return [p for p in (a.pair() for a in answers) if p is not None]


_WORD = re.compile(r"[a-z]+(?:'[a-z]*)?")


def _speaks(text: str, pronouns: Sequence[str]) -> bool:
    """True when `text` holds one of the `pronouns` as a word, or elided ("j'ai" for "j'")."""
    found = set(pronouns)
    words = _WORD.findall(fold(text).replace("’", "'"))
    return any(word in found or word[: word.find("'") + 1] in found for word in words)


def _voiced(answer: _Answer, config: ExtractConfig) -> bool:
    """True when a turn is a dialogue: its question addresses someone ("Pourquoi avez-vous… ?")
    or its answer speaks in the first person ("Nous y avions…", "I would say") to the one who
    asked. An answer that speaks in the first person and addresses "you" at once ("Nous vous
    accompagnons", "We will introduce you to buyers") is an organiser speaking to its reader,
    the voice of an announcement's sections, not of an interviewee."""
    if _speaks(answer.question, config.second_person):
        return True
    return _answer_voiced(answer, config)


def _answer_voiced(answer: _Answer, config: ExtractConfig) -> bool:
    """True when a turn's answer speaks in the first person to the one who asked (`_voiced`
    without its question: whether the question addresses someone is not asked)."""
    text = " ".join(answer.paragraphs)
    return _speaks(text, config.first_person) and not _speaks(text, config.second_person)


def _spoken(answer: _Answer, config: ExtractConfig) -> bool:
    """True when a turn speaks at all as a dialogue does: its question addresses someone or its
    answer holds a first-person form, whoever else it addresses (`_voiced` asks more)."""
    return _speaks(answer.question, config.second_person) or _speaks(
        " ".join(answer.paragraphs), config.first_person
    )


def _dialogue(answers: Sequence[_Answer], config: ExtractConfig) -> bool:
    """True when most answered turns are a dialogue (`_voiced`): with no one named to answer,
    one voiced section among several is an announcement quoting someone, not an interview."""
    answered = [a for a in answers if a.paragraphs]
    return bool(answered) and 2 * sum(_voiced(a, config) for a in answered) >= len(answered)


def _sections_of_lists(
    heading_asked: Sequence[_Answer], answers: Sequence[_Answer], config: ExtractConfig
) -> bool:
    """True when every question is a section heading, most sections are no dialogue
    (`_dialogue`) and at least half of them set out list items (a programme, key facts, who may
    take part): an announcement's sections, not answers, which are spoken, in paragraphs."""
    answered = [a for a in heading_asked if a.paragraphs]
    if not answered or len(heading_asked) != len(answers) or _dialogue(answered, config):
        return False
    return 2 * sum(1 for a in answered if "li" in a.tags) >= len(answered)


def _each_signed(answers: Sequence[_Answer], signed: Sequence[_Answer]) -> bool:
    """True when each answered turn is among `signed` (the turns a `<cite>` or an attribution
    line signs): a cited interview signs its answers; a quote's source signs one quote among the
    sections."""
    ids = {id(answer) for answer in signed}
    return all(id(answer) in ids for answer in answers if answer.paragraphs)


#: An interview is a repeated pattern of turns: one question set apart (a heading, a bold line)
#: followed by narrative text is a section heading that asks, not an interview.
MIN_TURNS = 2


def _unlabelled(
    body: Sequence[Block],
    names: list[str],
    config: ExtractConfig,
    *,
    announced: bool = True,
    answering: bool = True,
    introduced: bool = True,
    from_text: bool = True,
    quoted: bool = False,
) -> list[QAPair]:
    """The pairs of questions set apart without labels; `announced`: the text says someone
    answers (an interview word, a speech cue), else question headings need a dialogue;
    `answering`: the text says so in words (`announced` also holds when it names no role);
    `introduced`: the speaker is a person the page introduces, not a name beside its contacts;
    `from_text`: the speaker is named in the text, not only in a contact block; `quoted`: the
    introduction quotes the speaker and announces no interview (`extract_qa`)."""
    speaker = names[0] if names else None  # the first person the text introduces
    answers: list[_Answer] = []
    current: _Answer | None = None
    prefixed = 0
    # answers opened by an answer prefix ("A:", "R:"): labelled turns (`_end_of_interview`)
    answer_prefixed = 0
    cited = False
    # answers to questions that are headings (`<h3>Why?</h3><p>…</p>`)
    heading_asked: list[_Answer] = []
    # answers to questions that are whole bold paragraphs (`<p><b>Why?</b></p><p>Because…</p>`)
    bold_asked: list[_Answer] = []
    # the answers a `<cite>` or an attribution line signs, in order
    signed_by_cite: list[_Answer] = []
    for block in body:
        if block.tag == "cite":
            if current is not None:
                current.speaker = block.text.strip(" —–-")
                cited = True
                signed_by_cite.append(current)
            current = None
            continue
        asked = question_text(block, config, followed_by_label=False)
        if asked is not None and (
            block.is_heading
            or block.bold
            or _question_prefix(block.text, config)
            or len(asked) <= 200
        ):
            prefixed += bool(_question_prefix(block.text, config))
            current = _Answer(asked, speaker)
            answers.append(current)
            if block.bold and not block.is_heading and asked.rstrip(' »”"').endswith("?"):
                bold_asked.append(current)
            if block.is_heading and not _question_prefix(block.text, config):
                heading_asked.append(current)
            continue
        if block.is_heading or block.role == "lead" or _ends_answer(block, config):
            current = None
            continue
        if current is not None and not current.takes(block):
            current = None
        if current is not None and current.paragraphs and _thanks(block, config):
            current = None
            continue
        if current is not None:
            match = _A_PREFIX.match(block.text)
            answer_prefixed += bool(match) and not current.paragraphs
            current.add(block, block.text[match.end() :] if match else None)
    # one `<cite>` or attribution line, after the last answer ("— Carla Mendes, trade attaché"),
    # signs the whole interview, the way a byline would
    signs_all = len(signed_by_cite) == 1 and signed_by_cite[0] is answers[-1]
    if cited and not signs_all and not _each_signed(answers, signed_by_cite):
        # a `<cite>` under one quote among the sections names that quote's source ("“… tell.”
        # — Linh Tran, trade attaché"): it signs no answer, and says no one answers the rest
        cited = False
        for answer in signed_by_cite:
            answer.speaker = speaker
    if cited and signs_all:
        for answer in answers:
            answer.speaker = signed_by_cite[0].speaker
    pairs = _end_of_interview(
        answers, named_turns=answer_prefixed >= MIN_TURNS and answer_prefixed == len(answers)
    )
    # a question or two in running text are rhetorical, not an interview: ask for more evidence
    # questions without labels make an interview only with someone to answer them
    # a run of bold question paragraphs, each answered by plain ones, is an interview's markup
    # even when the text names no one to answer
    bold_turns = sum(1 for answer in bold_asked if answer.paragraphs)
    if not prefixed and not cited and not speaker and len(heading_asked) == len(answers):
        # every question a heading and no one named to answer them: the page may be a guide
        # with question headings ("Comment s'inscrire ?"); an interview is a dialogue (a
        # question addresses someone, an answer speaks in the first person) in most turns
        if len(pairs) >= MIN_TURNS and _dialogue(heading_asked, config):
            return pairs
    if (
        not prefixed
        and not cited
        and quoted
        and len(heading_asked) == len(answers)
        and not _dialogue(heading_asked, config)
    ):
        # question headings over sections that are no dialogue, the one named quoted in the
        # introduction: an announcement citing a source, not an interview with them
        return []
    if (
        not prefixed
        and not cited
        and not answering
        and not introduced
        and len(heading_asked) == len(answers)
        and not any(_spoken(a, config) for a in heading_asked if a.paragraphs)
    ):
        # question headings ("Why Vancouver?", "Qui peut participer ?", "Voor wie?") whose
        # sections never speak in the first person nor ask anyone, no word of the text says
        # someone answers them and the page's people are its contacts: an announcement's
        # section headings, not turns answered by the name its introduction gives first
        return []
    if not prefixed and not cited and _sections_of_lists(heading_asked, answers, config):
        # an announcement's sections ("Why Rwanda?", "Who can take part?", "What is on the
        # programme?"), whoever the intro names or quotes ("says Isabelle Grippa")
        return []
    if not prefixed and not cited and speaker and (not announced or not from_text):
        # someone named by a role only ("our trade attaché, Kenji Watanabe, will accompany the
        # mission") or only in the contacts, and questions set apart by nothing but their markup
        # (headings, bold or short paragraphs): an announcement's sections ("Why Mumbai?", "Who
        # can take part?") unless a turn is a dialogue
        # named only in the contacts, they answer only where an answer speaks as they would:
        # a question addressing "you" ("What will you learn?") may ask the reader
        voiced = _voiced if from_text else _answer_voiced
        if not any(voiced(a, config) for a in answers if a.paragraphs):
            return []
    if prefixed or cited or ((speaker or bold_turns >= MIN_TURNS) and len(pairs) >= MIN_TURNS):
        return pairs
    return []
