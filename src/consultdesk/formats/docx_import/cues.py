"""Word lists the structure detector reads lines with, in English, French, Spanish, German."""

from __future__ import annotations

import re

BOXES = "☐☒□■❑☑▢◻◽⬜"
BOX_SPLIT = re.compile(f"[{BOXES}]")

# A line to write on, or an answer prompt with nothing else in it.
PLACEHOLDER = re.compile(
    r"^(?:[_.…\-–\s]{3,}|\[?(?:answer|response|reply|your (?:answer|response)|réponse|respuesta"
    r"|antwort|insert text|text)\s*(?:here)?\]?\s*[:：]?\s*[_.…]*"
    r"|click (?:or tap )?here to enter (?:a )?(?:text|date)\.?"
    r"|cliquez ou appuyez ici pour entrer du texte\.?|haga clic o pulse aquí para escribir texto\.?"
    r"|klicken oder tippen sie hier, um text einzugeben\.?)$",
    re.IGNORECASE,
)
# "Name of the State:", "E-mail: ________"
LABEL_COLON = re.compile(r"^(?P<label>[^:：?]{2,90}?)\s*[:：]\s*[_.…\s]*$")
RESPONDENT_WORDS = re.compile(
    r"\b(?:name|state|country|government|ministry|institution|organi[sz]ation|department|agency"
    r"|office|contact|person|focal point|e-?mail|phone|telephone|tel|fax|address|position"
    r"|function|date|website|signature|member state|mission"
    r"|nom|pays|état|courriel|téléphone|adresse|fonction|organisme|personne"
    r"|nombre|país|estado|correo|teléfono|dirección|cargo|organismo|persona"
    r"|land|staat|behörde|telefon|anschrift|ansprechpartner(?:in)?|organisation)\b",
    re.IGNORECASE,
)
# Details asked for after the questions ("E-mail:", "Signature:"): only unmistakable ones.
LATE_RESPONDENT_WORDS = re.compile(
    r"^(?:e-?mail|signature|telephone|phone|contact person|focal point|courriel|téléphone"
    r"|correo electrónico|teléfono|firma|unterschrift|telefon)\b",
    re.IGNORECASE,
)
COMMENT = re.compile(
    r"^(?:comments?|remarks?|observations?|explanations?|details"
    r"|additional (?:comments|information)"
    r"|if (?:yes|no|so|not)\b.*|please (?:explain|specify|elaborate|provide details|describe).*"
    r"|other.*specify.*|commentaires?|remarques?|si oui\b.*|si non\b.*"
    r"|veuillez (?:préciser|expliquer).*"
    r"|comentarios?|observaciones|en caso afirmativo.*|si la respuesta.*"
    r"|sírvase (?:explicar|especificar).*"
    r"|kommentare?|bemerkungen|anmerkungen|erläuterungen?|falls ja\b.*|wenn ja\b.*)"
    r"\s*[:：]?\s*[_.…]*$",
    re.IGNORECASE,
)
MULTIPLE = re.compile(
    r"all that apply|select all|tick all|check all|more than one|several answers"
    r"|choose between \d+ and \d+|select between \d+ and \d+|(?:select|choose|tick) up to \d+"
    r"|plusieurs réponses|toutes les (?:cases|réponses) qui|todas las que|varias respuestas"
    r"|mehrfachnennung|mehrere antworten",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^(?:please|describe|explain|provide|list|indicate|specify|outline|share|identify|give|what"
    r"|how|which|who|where|when|why|has|have|does|do|is|are|did|can|could|would|should|to what"
    r"|in what|veuillez|décrivez|décrire|indiquez|expliquez|quel(?:le)?s?|comment|pourquoi|existe"
    r"|describa|indique|explique|sírvase|qué|cuál(?:es)?|cómo|existe|bitte|beschreiben|welche"
    r"|wie|gibt es|erläutern|nennen)\b",
    re.IGNORECASE,
)
# What a questionnaire's title calls the document.
DOCUMENT_NAME = re.compile(
    r"questionnaire|survey|consultation|call for (?:input|submissions|contributions)|questions"
    r"|enquête|appel à contributions|cuestionario|encuesta|consulta|convocatoria|fragebogen"
    r"|umfrage|befragung|konsultation",
    re.IGNORECASE,
)
# A title that only says what kind of document it is ("QUESTIONNAIRE").
GENERIC_TITLE = re.compile(
    r"questionnaire|survey|call for (?:inputs?|submissions|contributions)|consultation"
    r"|public consultation|enquête|appel à contributions|cuestionario|encuesta|consulta"
    r"|fragebogen|umfrage|konsultation",
    re.IGNORECASE,
)
# Headings of the parts that inform rather than ask (their numbered points are not questions).
NOTES_HEADING = re.compile(
    r"^(?:[IVX]+\.|[A-Z]\.|\d+\.)?\s*(?:instructions?|guidelines?|guidance"
    r"|how to (?:submit|respond)|submissions?|modalities|background|introduction"
    r"|notes?|general information"
    r"|consignes|instructions|informations générales|modalités|instrucciones"
    r"|antecedentes|introducción|hinweise|hintergrund|einleitung|allgemeine hinweise)\b",
    re.IGNORECASE,
)
# A closing courtesy, not part of any question.
# The line ConsultDesk's own export writes, in italics, under a question left unanswered
# (formats/docx_export/options.py's labels): read back, the question is unanswered.
NO_RESPONSE = re.compile(r"^(?:no response|pas de réponse|sin respuesta|回答なし)\.?$",
                         re.IGNORECASE)
CLOSING = re.compile(r"^(?:thank you|thanks|merci|gracias|muchas gracias|vielen dank)\b",
                     re.IGNORECASE)
# A follow-up asked only for one answer of the question before it.
IF_YES = re.compile(r"^(?:if (?:yes|so)|si oui|en caso afirmativo|si la respuesta es afirmativa"
                    r"|falls ja|wenn ja)\b", re.IGNORECASE)
IF_NO = re.compile(r"^(?:if (?:no|not)|si non|en caso negativo|si la respuesta es negativa"
                   r"|falls nein|wenn nein|falls nicht|wenn nicht)\b", re.IGNORECASE)
YES = {"yes", "oui", "sí", "si", "ja"}
NO = {"no", "non", "nein"}

_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "your", "please", "what", "is", "are", "for", "with"},
    "fr": {"le", "la", "les", "et", "des", "du", "votre", "est", "pour", "dans", "une", "quelles"},
    "es": {"el", "la", "los", "las", "y", "del", "su", "para", "en", "una", "qué", "por"},
    "de": {"der", "die", "das", "und", "ihr", "ist", "für", "mit", "von", "eine", "welche", "zu"},
}


def guess_language(text: str) -> str:
    """The language most of the text is written in (en, fr, es or de)."""
    words = re.findall(r"[^\W\d_]+", text.lower())[:5000]
    scores = {lang: sum(1 for wd in words if wd in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else "en"
