"""Person names in running text: full names, initials, and matching one against the other."""

from __future__ import annotations

import re

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"[{_UPPER}][\w'’\-]*[^\W\d_]"
#: The articles "der", "den", "des" join a name only after "van"/"von" ("Jan van der Berg", "Ursula
#: von der Leyen"): alone between two capitalised words they join German nouns ("Handelskammer der
#: Region", "Betriebe den Fachkräftemangel"), no person.
_PARTICLE = (
    r"(?:de|van|du|le|la|von|ten|ter|te|d'|d’|van de|van der|van den|de la|von der|von den|von dem"
    r"|(?<=[Vv]an )(?:der|den)|(?<=[Vv]on )(?:der|den|dem))"
)
#: Two to four capitalised words, with the usual particles between them ("Jan Van den Bossche").
FULL_NAME = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}}")
#: One capitalised word: a first name used as a speaker label ("Tom:").
FIRST_NAME = re.compile(_WORD)
#: Initials as speakers write them: "E.G.", "E. G.", "EG", "J.-P.D."
INITIALS = re.compile(rf"(?:[{_UPPER}]\.?\s?-?){{2,4}}")
_LETTERS = re.compile(rf"[{_UPPER}]")
_PARTICLES = frozenset(
    ["de", "van", "der", "den", "du", "des", "le", "la", "von", "ten", "ter", "te"]
)


def initials_of(name: str) -> str:
    """ "Eric Gabrys" -> "EG"; "Jan Van den Bossche" -> "JVB" (lower-case particles skipped)."""
    return "".join(w[0].upper() for w in name.replace("-", " ").split() if w[0].isupper())


def letters_of(initials: str) -> str:
    """ "E. G." -> "EG"."""
    return "".join(_LETTERS.findall(initials))


def is_full_name(text: str) -> bool:
    return FULL_NAME.fullmatch(text.strip()) is not None


def is_initials(text: str) -> bool:
    return INITIALS.fullmatch(text.strip()) is not None and len(letters_of(text)) >= 2


def resolve(label: str, names: list[str]) -> str:
    """The full name a speaker label stands for: itself when it is a name, else the first known name
    whose initials (or first name, or surname: "Hendrickx" for Anne Hendrickx) match; the label
    unchanged when nothing matches."""
    label = label.strip()
    if is_full_name(label):
        return label
    letters = letters_of(label) if is_initials(label) else ""
    for name in names:
        if letters and initials_of(name) == letters:
            return name
        if not letters and name.split()[0] == label:
            return name
    if not letters:
        return next((name for name in names if name.split()[-1] == label), label)
    return label
