"""The page's language: any ISO 639-1 code, from declared signals weighed against a language
identification library (py3langid: its model ships inside the package, nothing is downloaded)."""

from __future__ import annotations

import copy
import math
import re
from array import array
from functools import lru_cache
from itertools import islice
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import numpy as np

#: The identifier's verdict on a text alone (nothing declared) counts above this probability:
#: below it, short or mixed texts are often misread (a German title read as Dutch).
MIN_PROBABILITY = 0.9
#: A declaration (`<html lang>`, a URL segment) gives way to the text only when the identifier is
#: this sure, on at least `CONTRADICT_CHARS` characters (about 30 words): templates keep a wrong
#: `lang` when an article is copied from another language, but a title alone is no proof.
CONTRADICT_PROBABILITY = 0.999
CONTRADICT_CHARS = 200
#: Characters of title + lead + body read by the identifier (about 90 words): enough for a firm
#: verdict, and the cost (the identifier reads the sample byte by byte) stays small.
SAMPLE_CHARS = 600
#: Below this many letters the identifier is not asked (a caption, a title alone).
MIN_LETTERS = 20
_CODE = re.compile(r"^[a-z]{2}$")
_URL_LANG = re.compile(r"^/([a-z]{2})(?:[-_][a-z]{2})?(?:/|$)", re.IGNORECASE)


def short_lang(value: str | None) -> str | None:
    """ "fr-BE" -> "fr", "de_AT" -> "de": the ISO 639-1 code of a language tag, else None
    ("x-default", "und", "")."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if _CODE.match(code) else None


#: The depth of the identifier's byte automaton (its longest byte n-gram), by the automaton's
#: shape (transition entries, states). The automaton is an Aho-Corasick one: its state after a
#: byte depends only on that many last bytes, so the states of a whole sample can be found for
#: all positions at once (`_window_states`). Measured on the model of py3langid 0.4
#: (tests/extract/test_lang.py measures it again); a model of another shape is walked by the
#: library itself.
AUTOMATON_DEPTHS = {(9_816_576, 104_583): 6}


@lru_cache(maxsize=1)
def _full_identifier() -> Any:
    """The py3langid identifier over every language it knows (probabilities normalised), loaded
    once per process: reading its model (an LZMA-compressed file) costs about half a second.
    When its automaton is a known one, the identifier finds the sample's n-grams with numpy
    (`_window_states`) rather than walking its bytes one by one in Python: the same n-grams in
    the same order, so the same verdict, at a third less of the whole identification's cost
    on a page (that walk was a fifth of a small page's record)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = _numpy_walker(LanguageIdentifier).from_model_file(MODEL_FILE, norm_probs=True)
    identifier.walk = _walk_arrays(identifier)
    # its float32 weights (`table`) are made when it first scores a sample: a profile that
    # names its languages only ever scores with a restricted copy (`_identifier`), and the full
    # model's copy would hold 54 MiB for nothing
    return identifier


def _float32_table(nb_ptc: Any) -> np.ndarray | None:
    """The model's per-feature weights (`nb_ptc`, float16) as float32, or None when they are not
    float16. The library scores a sample with float32 counts against the rows of its features:
    numpy converts those rows to float32 at each call, and for the ~140 languages of the full
    model that conversion was most of the scoring (~150 us of a 600-character sample). The
    conversion is exact, so the product is the same; the copy costs 54 MiB for the full model
    (a restricted identifier's, a few columns, ~1 MiB) and ~30 ms once per process, made for
    the full model only when it scores a sample (`NumpyWalker.weights`)."""
    if getattr(nb_ptc, "dtype", None) != np.float16:
        return None
    return np.ascontiguousarray(nb_ptc, dtype=np.float32)


class Automaton(NamedTuple):
    """The identifier's byte automaton as numpy arrays, for `_window_states`."""

    #: the transitions (uint32): the state after byte b from state s is nextmove[rowbase[s] + b]
    nextmove: np.ndarray
    #: each state's row offset in `nextmove` (intp)
    rowbase: np.ndarray
    #: the feature each state counts, -1 for none (intp)
    output: np.ndarray
    #: the longest byte n-gram: a state depends only on that many last bytes
    depth: int
    #: the state after each byte from the start state (intp): the window's first step, the same
    #: 256 entries for every position, read from this small table rather than from `nextmove`
    start_moves: np.ndarray


def _walk_arrays(identifier: Any) -> Automaton | None:
    """The identifier's automaton as numpy arrays, or None when its shape is not a known one."""
    nextmove = getattr(identifier, "tk_nextmove", None)
    rowbase = getattr(identifier, "_rowbase", None)
    output = getattr(identifier, "tk_output", None)
    if not isinstance(nextmove, array) or nextmove.typecode != "I" or nextmove.itemsize != 4:
        return None
    if rowbase is None or output is None:
        return None
    depth = AUTOMATON_DEPTHS.get((len(nextmove), len(rowbase)))
    if depth is None:
        return None
    moves = np.frombuffer(nextmove, dtype=np.uint32)
    start = rowbase[0]
    return Automaton(
        moves,
        np.array(rowbase, dtype=np.intp),
        np.array(output, dtype=np.intp),
        depth,
        moves[start : start + 256].astype(np.intp),
    )


def _window_states(automaton: Automaton, data: bytes) -> np.ndarray:
    """The automaton's state after each byte of `data` (from its start state before the first
    byte), found for every position at once: the state after byte i is the start state moved
    by bytes i-depth+1 .. i, one vectorised step per byte of the window, the first read from
    `start_moves`. The steps gather with `take` on intp arrays: fancy indexing, and uint8 bytes
    added to int64 offsets, cost a conversion at each of these numpy calls, whose fixed costs
    weigh most on a small page's sample."""
    nextmove, rowbase, _, depth, start_moves = automaton
    letters = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
    size = len(letters)
    states = np.zeros(size, dtype=np.intp)
    first = min(depth, size) - 1  # the first step: the byte `first` places before
    states[first:] = start_moves.take(letters[: size - first])
    for back in range(first - 1, -1, -1):  # the byte `back` places before
        tail = states[back:]
        moves = rowbase.take(tail)
        moves += letters[: size - back]
        tail[:] = nextmove.take(moves)
    return states


def _first_counts(found: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(features, counts) of a sample's features `found` (ints in 0..size-1, in the order met):
    each distinct feature once in the order first met, and how often it occurs, which
    are the keys and values of `Counter(found)`, counted with numpy rather than a dict and read
    back (that round trip was a third of the identification of a 600-character sample)."""
    count = len(found)
    where = np.arange(count)
    first = np.empty(size, dtype=np.intp)
    first[found] = count
    np.minimum.at(first, found, where)  # each feature's first position
    first = first.take(found)
    opening = first == where
    return found.compress(opening), np.bincount(first, minlength=count).compress(opening)


#: The most bytes a sample encodes to (four per character at most in UTF-8), so the most times
#: one of its features can occur: the size of the table of `_count_weights`.
MAX_SAMPLE_BYTES = 4 * SAMPLE_CHARS


@lru_cache(maxsize=1)
def _log1p_table() -> np.ndarray:
    """log1p(0 .. MAX_SAMPLE_BYTES) in float32, for `_count_weights`."""
    return np.log1p(np.arange(MAX_SAMPLE_BYTES + 1, dtype=np.float32))


def _count_weights(counts: np.ndarray, total: int) -> np.ndarray:
    """The library's weight of each feature's count (ints summing to `total`): log1p of the
    count as float32, read from a table when the counts fit in it (the same float32 function of
    the same inputs: the same values) rather than computed by libm for each feature (with the
    cast to float32, a twentieth of a sample's identification)."""
    if total <= MAX_SAMPLE_BYTES:
        return _log1p_table().take(counts)
    return np.log1p(counts.astype(np.float32))


def _numpy_walker(base: type) -> Any:
    """A subclass of py3langid's identifier whose n-gram count (the library's `visit_counts`)
    is done by `_window_states` and `_first_counts`, scored against `table` (`_float32_table`)
    when there is one, and whose last step (`classify`: scores to probabilities) is done on the
    few scores in plain Python; the model, its languages and its arithmetic are the library's."""

    class NumpyWalker(base):  # type: ignore[misc,valid-type]
        walk: Automaton | None = None
        table: np.ndarray | None = None

        def _raw_score(self, text: bytes) -> Any:
            if self.walk is None or not text:
                return super()._raw_score(text)
            features = self.walk.output.take(_window_states(self.walk, bytes(text)))
            found = features.compress(features >= 0)
            if not len(found):
                return super()._raw_score(b"")
            # the library's `_sparse_score` on the very features and counts its walk makes (in
            # the order met: the same sums), with the same float32 weights
            table = self.weights()
            rows, counts = _first_counts(found, len(table))
            weights = _count_weights(counts, len(found))
            return weights @ table.take(rows, axis=0) + self.nb_pc

        def classify(self, text: Any) -> tuple[str, float]:
            """The library's `classify` with probabilities (its `_decide`: the scores over the
            square root of the sample's length, a softmax, aliased labels folded into their
            first column, the best label): done on the few scores as Python floats rather than
            by a dozen numpy calls on an array of a few items, whose fixed cost was a sixth of
            an identification on a small page. The same arithmetic in double rather than single
            precision: the same label, the same probability to within the library's own float32
            rounding, about 1e-6 (the record reads only the label and its probability against
            thresholds)."""
            # the library's own internals (py3langid 0.4): another release without them, or a
            # model without normalised probabilities, is classified by the library itself
            encode = getattr(self, "_encode", None)
            aliases = getattr(self, "_alias_pairs", None)
            if (
                not getattr(self, "_norm_probs", False)
                or getattr(self, "min_confidence", None) is not None
                or encode is None
                or aliases is None
            ):
                return super().classify(text)  # type: ignore[no-any-return]
            data = encode(text)
            scores = self._raw_score(data).tolist()
            scale = 1.0 / math.sqrt(len(data) or 1)
            top = max(scores)
            shares = [math.exp((score - top) * scale) for score in scores]
            for first, dupe in aliases:
                shares[first] += shares[dupe]
                shares[dupe] = 0.0
            best = max(range(len(shares)), key=shares.__getitem__)
            return self.nb_classes[best], shares[best] / math.fsum(shares)

        def weights(self) -> np.ndarray:
            """The per-feature weights to score with: `table`, made on first use, else the
            model's own (`nb_ptc`, when it is not float16)."""
            table = self.table
            if table is None:
                table = self.table = _float32_table(self.nb_ptc)
            return self.nb_ptc if table is None else table

    return NumpyWalker


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...] | None) -> Any:
    """A py3langid identifier restricted to `languages` when given, else the full one: a copy
    of the full identifier (restricting it builds new arrays; the loaded model is shared, not
    read again for each set of languages)."""
    full = _full_identifier()
    if not languages:
        return full
    identifier = copy.copy(full)
    identifier.set_languages([code for code in languages if code in full.nb_classes])
    identifier.table = _float32_table(identifier.nb_ptc)
    return identifier


@lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """The codes the identifier knows: a URL segment is a language only if it is one of them."""
    return frozenset(_identifier(None).nb_classes)


def lang_from_url(url: str) -> str | None:
    """The language of a URL path prefix ("/nl/...", "/de-at/..."), if it names a language."""
    match = _URL_LANG.match(urlsplit(url).path or "")
    if not match:
        return None
    code = match.group(1).lower()
    return code if code in known_languages() else None


def identify(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, float] | None:
    """(code, probability) of the language `text` is written in, among `languages` when given;
    None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    # the `MIN_LETTERS`-th letter of the first 400 characters, found without counting them all
    if next(islice(filter(str.isalpha, sample[:400]), MIN_LETTERS - 1, None), None) is None:
        return None
    code, probability = _identifier(languages or None).classify(sample)
    return str(code), float(probability)
