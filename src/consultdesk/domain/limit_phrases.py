"""Finding a length limit in a sentence, as questionnaires write them.

Pure functions, no I/O.  Questionnaires state limits in prose, in many ways and
languages: "(Maximum limit: approximately 5,000 characters with spaces)",
"1500 character(s) maximum", "no more than 300 words", "5 000 caractères
maximum", "ne doit pas dépasser 500 mots", "máximo 500 palabras", "max. 2000
Zeichen".  A number followed by a unit is a limit only when a limit cue is next
to it (maximum, no more than, up to, ...) or it stands alone in parentheses, so
that "a 2,000 words report" or "Act No. 500" are never taken for limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consultdesk.domain.questionnaire import Limit, Unit

# Thousands may be grouped with a comma, a full stop (German, Spanish) or a space
# (French: a normal, no-break or narrow no-break space).
_NUM = r"(?P<num>\d{1,3}(?:(?:,|\.|[ \u00a0\u202f\u2009])\d{3})+(?![\d])|\d+)"
_CHAR_UNIT = (
    r"characters?|character\(s\)|chars?\b\.?|caract[eè]res?|caract[eè]re\(s\)|signes?"
    r"|car[aá]cteres?|Zeichen"
)
_WORD_UNIT = r"words?|word\(s\)|mots?|mot\(s\)|palabras?|W[öo]rter[n]?|Worte|Wort"
_UNIT = rf"(?P<unit>{_CHAR_UNIT}|{_WORD_UNIT})"

# "5,000 characters", "500-word", "1500 character(s)".
_NUMBER_UNIT = re.compile(rf"(?<![\w.,]){_NUM}\s*-?\s*{_UNIT}(?!\w)", re.IGNORECASE)
# "Word limit: 500", "Limite de caractères : 1 500", "Character count: max. 3000".
_UNIT_NUMBER = re.compile(
    rf"(?P<unit>{_CHAR_UNIT}|{_WORD_UNIT})\s+(?:limit|count|maximum|max\.?)\s*[:：]\s*"
    rf"(?:(?:max(?:imum)?\.?|approx(?:imately|\.)?|about|ca\.)\s*)?(?<![\w.,]){_NUM}(?!\w)",
    re.IGNORECASE,
)
_LIMIT_UNIT_NUMBER = re.compile(
    rf"(?:limite|l[ií]mite|Obergrenze|Begrenzung)\s+(?:de\s+|d['’]\s*|der\s+)?"
    rf"(?P<unit>{_CHAR_UNIT}|{_WORD_UNIT})\s*[:：]\s*(?<![\w.,]){_NUM}(?!\w)",
    re.IGNORECASE,
)

# Words that make a number + unit a limit when they come before it (same clause).
_CUE_BEFORE = re.compile(
    r"\b(?:max(?:imum|imal|imale|imales|imo|ima)?\b\.?|m[áa]x(?:imo|ima)?\b\.?"
    r"|limit(?:ed|s)?\b|limite[rsz]?\b|limitée?s?\b|l[ií]mite\b|limitar\b"
    r"|no more than|not more than|not (?:to )?exceed|(?:should|must|may|shall|will|cannot"
    r"|can ?not|do|does) not exceed|up to|at most|no longer than|within|not (?:be )?longer than"
    r"|(?:ne|n['’])\s*(?:doi[tv]e?n?t?|devrai[te]n?t?|peu[tv]e?n?t?|devr[ao]n?t?)?\s*pas\s+d[ée]passer"
    r"|pas plus de|jusqu['’]\s*[àa]|au plus|dans la limite de|ne pas d[ée]passer"
    r"|no m[áa]s de|no (?:debe|deben|deber[áa]n?|deber[íi]an?|puede|pueden)\s+(?:exceder|superar)"
    r"|hasta|como m[áa]ximo|extensi[óo]n m[áa]xima"
    r"|h[öo]chstens|bis zu|nicht mehr als|nicht (?:zu )?[üu]berschreiten|begrenz\w*|beschr[äa]nk\w*"
    r"|maximal"
    # "between 300 and 500 words": the upper bound is the limit.
    r"|between\s+\d[\d,.]*\s+and|entre\s+\d[\d\s.,]*?\s+(?:et|y)|zwischen\s+\d[\d.,]*\s+und)",
    re.IGNORECASE,
)
# Words that make it a limit when they follow the unit ("1500 characters maximum").
_CUE_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,30}\)\s*)?(?:,?\s*(?:with(?:out)?|including|excluding|incl\.?|sans|avec"
    r"|y compris|sin|con|ohne|mit|inkl\.?)?\s*(?:les\s+|los\s+|the\s+)?(?:spaces|espaces|espacios"
    r"|Leerzeichen)(?:\s+(?:compris|inclus|non compris))?\s*,?\s*)?"
    r"(?:max(?:imum)?\b|maximale?\b|m[áa]x(?:imo)?\b|at most|or (?:less|fewer)|au maximum"
    r"|au plus|como m[áa]ximo|h[öo]chstens|limit\b|limite\b|ou moins|o menos|oder weniger)",
    re.IGNORECASE,
)
_APPROX = re.compile(
    r"\b(?:approx(?:imately|\.)?|about|around|roughly|circa|some|environ|approximativement"
    r"|pr[èe]s de|aproximadamente|alrededor de|unas?|unos|cerca de|etwa|ungef[äa]hr|rund)\b"
    r"|(?<!\w)ca\.",
    re.IGNORECASE,
)
_WITHOUT_SPACES = re.compile(
    r"^\W{0,3}(?:\w+\W{1,3}){0,2}?(?:(?:without|excluding|excl\.?|not including|not counting)"
    r"\s+(?:the\s+)?spaces|spaces\s+(?:not counted|not included|excluded))"
    r"|sans\s+(?:les\s+)?espaces|espaces non compris|sin\s+(?:los\s+)?espacios"
    r"|ohne\s+Leerzeichen|exkl(?:\.|usive)?\s+Leerzeichen",
    re.IGNORECASE,
)
# "each answer", "per question", "chaque réponse", "cada respuesta", "jede Antwort".
_PER_ANSWER = re.compile(
    r"\b(?:each|every|per|all)\s+(?:\w+\s+)?(?:answers?|questions?|responses?|replies|reply)\b"
    r"|\bchaque\b|\bpar (?:question|réponse)|\btoutes les réponses"
    r"|\bcada\b|\bpor (?:pregunta|respuesta)|\btodas las respuestas"
    r"|\bjede[rsn]?\b|\bpro Frage|\bje Frage|\bjeweils\b",
    re.IGNORECASE,
)
# The whole response: "in total", or what is limited is the submission itself.
_TOTAL = re.compile(
    r"\b(?:in total|total|overall|entire|whole|altogether|combined|au total|en tout|l['’]ensemble"
    r"|en total|insgesamt|gesamte?[nr]?|submissions?|contributions?|inputs?"
    r"|contribuci[oó]n(?:es)?|Beitr[äa]ge?|Stellungnahmen?)\b",
    re.IGNORECASE,
)
# Where a clause ends: sentence punctuation or a semicolon, then space.  The
# abbreviations that end in a full stop are not clause ends.
_ABBREVIATIONS = ("max.", "ca.", "approx.", "incl.", "excl.", "e.g.", "i.e.", "etc.", "no.",
                  "nr.", "art.", "para.", "p.", "pp.", "vol.", "máx.", "inkl.", "exkl.", "z.b.",
                  "bzw.", "chars.", "n°.", "cf.", "approx")
_WINDOW = 90
# What may follow a limit and still belong to it ("per question", "in total", "maximum").
_SCOPE_TAIL = re.compile(
    r"(?:\s*(?:,\s*)?(?:per|for each|each|in|par|pour chaque|au|por|para cada|en|pro|je"
    r"|f[üu]r jede|insgesamt|au total|en total|in total|maximum|max\.?)\b[^,;.?!()]{0,30}?"
    r"(?=$|[,;.?!)]|\s+(?:and|et|y|und|or|ou|o|oder)\b))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LimitMatch:
    """A limit found in a text: the limit, where its phrase is, and what it covers."""

    limit: Limit
    start: int
    end: int
    per_answer: bool = False
    total: bool = False


def _parse_number(raw: str) -> int:
    """``5,000`` / ``5.000`` / ``5 000`` -> 5000."""
    return int(re.sub(r"\D", "", raw))


def _unit_of(unit_text: str, after: str) -> Unit:
    """The unit, reading a "with/without spaces" qualifier that follows it."""
    if re.fullmatch(_WORD_UNIT, unit_text, re.IGNORECASE):
        return Unit.WORDS
    if _WITHOUT_SPACES.search(after[:40]):
        return Unit.CHARACTERS_WITHOUT_SPACES
    return Unit.CHARACTERS_WITH_SPACES


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after '.', '?', '!', ';' + space, or '(')."""
    i = pos - 1
    floor = max(0, pos - _WINDOW)
    while i >= floor:
        ch = text[i]
        if ch in "?!;(\n":
            return i + 1
        if ch == "." and i + 1 < len(text) and text[i + 1].isspace() and not _is_abbrev(text, i):
            return i + 1
        i -= 1
    return floor


def _is_abbrev(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation (or a digit, as in "1.")."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(":
        start -= 1
    word = text[start: dot + 1].lower()
    return word in _ABBREVIATIONS or len(word) <= 2


def _in_parentheses(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the parentheses that enclose ``start:end``, if any (same line)."""
    open_at = text.rfind("(", 0, start)
    if open_at < 0 or ")" in text[open_at + 1: start] or "\n" in text[open_at:start]:
        return None
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return (open_at, i + 1) if i + 1 >= end else None
        elif text[i] == "\n":
            return None
    return None


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (clause ending with '.', '?', '!') that holds ``start:end``."""
    begin = _clause_start(text, start) if start else 0
    while begin < start and text[begin].isspace():
        begin += 1
    stop = end
    while stop < len(text):
        ch = text[stop]
        if ch in "?!\n":
            stop += 1 if ch != "\n" else 0
            break
        if ch == "." and (stop + 1 == len(text) or text[stop + 1].isspace()) and not _is_abbrev(
            text, stop
        ):
            stop += 1
            break
        stop += 1
    return begin, stop


def find_limits(text: str) -> list[LimitMatch]:
    """Every limit stated in ``text``, in order."""
    found: list[LimitMatch] = []
    if not any(ch.isdigit() for ch in text):
        return found  # most lines state no number at all: skip the patterns
    for m in _UNIT_NUMBER.finditer(text):
        found.append(_make(text, m.start(), m.end(), m.group("num"), m.group("unit")))
    for m in _LIMIT_UNIT_NUMBER.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(_make(text, m.start(), m.end(), m.group("num"), m.group("unit")))
    for m in _NUMBER_UNIT.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        clause_from = _clause_start(text, m.start())
        before = text[clause_from: m.start()]
        cues = list(_CUE_BEFORE.finditer(before))
        after = text[m.end(): m.end() + 40]
        cue_after = _CUE_AFTER.match(after)
        parens = _in_parentheses(text, m.start(), m.end())
        alone_in_parens = parens is not None and not re.search(
            r"[^\W\d_]", _APPROX.sub("", text[parens[0] + 1: m.start()])
        )
        if not cues and not cue_after and not alone_in_parens:
            continue
        start = clause_from + cues[0].start() if cues else m.start()
        if not cues:
            approx = _APPROX.search(before[-25:])
            if approx:
                start = m.start() - len(before[-25:]) + approx.start()
        end = m.end()
        qual = re.match(
            r"\s*(?:\((?:including|incl\.?|without|excluding|with)[^)]*\)"
            r"|,?\s*(?:with|without|including|excluding|sans|avec|y compris|sin|con|incluidos"
            r"|ohne|mit|inkl\.?)\s+(?:les\s+|los\s+|the\s+)?(?:spaces|espaces|espacios"
            r"|Leerzeichen)|\s+(?:espaces\s+(?:compris|inclus)))",
            text[end:],
            re.IGNORECASE,
        )
        if qual:
            end += qual.end()
        if cue_after:
            end = max(end, m.end() + cue_after.end())
        found.append(_make(text, start, end, m.group("num"), m.group("unit"),
                           number_at=m.start(), unit_end=m.end()))
    found.sort(key=lambda f: f.start)
    return found


def _make(text: str, start: int, end: int, num: str, unit: str, *,
          number_at: int | None = None, unit_end: int | None = None) -> LimitMatch:
    """Build a match, reading approximation, unit qualifier, scope and wording around it."""
    number_at = start if number_at is None else number_at
    unit_end = end if unit_end is None else unit_end
    clause_from = _clause_start(text, start)
    lead = text[clause_from:number_at]
    approximate = bool(_APPROX.search(lead[-40:]) or _APPROX.match(text[end:end + 16].strip()))
    parens = _in_parentheses(text, start, end)
    begin, stop = _sentence_span(text, start, end)
    sentence = text[begin:stop]
    if parens:
        wording = text[parens[0] + 1: parens[1] - 1].strip()
    elif (begin > 0 or len(text[begin:start].split()) <= 3) and "?" not in sentence:
        # A sentence of its own ("Please limit each answer to 500 words."): keep it whole,
        # up to its scope ("per question") but not what it goes on to ask ("and send ...").
        tail = _SCOPE_TAIL.match(text, end)
        wording = text[begin: tail.end() if tail else end]
    else:
        wording = text[start:end].strip()
        wording = wording[:1].upper() + wording[1:]
    wording = wording.rstrip(".;,: ")
    limit = Limit(
        amount=_parse_number(num),
        unit=_unit_of(unit, text[unit_end:]),
        approximate=approximate,
        wording=wording or None,
    )
    return LimitMatch(
        limit=limit,
        start=start,
        end=end,
        per_answer=bool(_PER_ANSWER.search(sentence)),
        total=bool(_TOTAL.search(sentence)) and not _PER_ANSWER.search(sentence),
    )


def find_limit(text: str) -> LimitMatch | None:
    """The first limit stated in ``text`` (None when there is none)."""
    found = find_limits(text)
    return found[0] if found else None


def strip_limit(text: str, match: LimitMatch) -> str:
    """``text`` without the limit's phrase, when that phrase can be cut out cleanly.

    A limit in parentheses goes with its parentheses; a sentence of its own that is
    not the first goes whole.  A limit woven into the question's own sentence
    ("Describe, in no more than 300 words, ...") is left where it is.
    """
    parens = _in_parentheses(text, match.start, match.end)
    if parens:
        cut = (parens[0], parens[1])
    else:
        begin, stop = _sentence_span(text, match.start, match.end)
        if begin == 0 or "?" in text[begin:stop]:
            if begin == 0 and stop >= len(text.rstrip()) and match.start == 0:
                return ""
            return text
        cut = (begin, stop)
    left, right = text[: cut[0]].rstrip(), text[cut[1]:].strip()
    # Keep the text's own spacing ("effectif ?" in French); only the cut's seam is tidied.
    if right[:1] in (".", ",", ";", ":", "?", "!"):
        return (left + right).strip()
    return f"{left} {right}".strip()
