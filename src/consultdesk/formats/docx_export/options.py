"""What the user chooses about an export: the choices, and the words the document uses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for a type: a listing that imports the options builds no models
    from consultdesk.domain.questionnaire import Limit


class Unanswered(StrEnum):
    """What to do with a question that has no answer."""

    OMIT = "omit"
    NO_RESPONSE = "no-response"


class ChoiceDisplay(StrEnum):
    """How a choice answer is shown."""

    CHOSEN = "chosen"  # the chosen option(s) only, as text
    ALL = "all"  # every option, ☒ before the chosen ones and ☐ before the others


class BlockDisplay(StrEnum):
    """How a repeating block's entries are shown."""

    ENTRIES = "entries"  # one sub-headed entry after another (best for long text)
    TABLE = "table"  # one table row per entry, one column per field


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words the export adds around the questionnaire's own text."""

    information_details: str = "Information details"
    questions: str = "Questions"
    no_response: str = "No response"
    annex_title: str = "Annex: length of each answer"
    annex_item: str = "Question"
    annex_count: str = "Length"
    annex_limit: str = "Limit"
    annex_status: str = "Status"
    annex_note: str = ("Lengths are counted as Word counts them: list numbers and bullets are "
                       "not counted (LibreOffice's statistics count them).")
    condition: str = "Answer only if the answer to {question} is {values}."
    or_word: str = "or"
    deadline: str = "Deadline: {date}"
    attribution: str = " ({tag})"  # after a contributed paragraph
    contributors_title: str = "Annex: contributors"
    contributors_who: str = "Contributor"
    contributors_questions: str = "Questions"
    status_words: tuple[tuple[str, str], ...] = (
        ("empty", "not answered"), ("within", "within"), ("near", "near the limit"),
        ("over", "over the limit"),
    )
    unit_words: tuple[tuple[str, str], ...] = (
        ("characters_with_spaces", "characters with spaces"),
        ("characters_without_spaces", "characters without spaces"), ("words", "words"),
    )
    #: under the annex's table when every row counts in the same unit
    annex_unit_note: str = "Lengths and limits are in {unit}."
    approximately: str = "approx. {amount}"
    #: a limit the questionnaire does not word itself (its own wording is kept as it is)
    limit_words: str = "Maximum limit: {amount}"
    limit_approximately: str = "approximately {amount}"
    #: between an amount and its unit ("400 words"; none in Japanese: 「400文字」)
    unit_gap: str = " "
    #: under the limit of an answer exported although over it
    over_limit_mark: str = "Over the limit: {count} {unit}, {excess} more than allowed."
    #: the annex's table of cross-references (after the lengths)
    references_title: str = "Cross-references"
    references_from: str = "Answer"
    references_to: str = "Refers to"
    references_question: str = "question {number}"
    references_answer: str = "Question {number}"
    reference_status_words: tuple[tuple[str, str], ...] = (
        ("answered", "answered"), ("unanswered", "not answered"),
        ("missing", "not in this questionnaire"),
    )

    def reference_status(self, status: str) -> str:
        """The annex's word for where a reference's target stands."""
        return dict(self.reference_status_words).get(status, status)

    def status(self, status: str) -> str:
        """The annex's word for a count status."""
        return dict(self.status_words).get(status, status)

    def limit(self, limit: Limit) -> str:
        """A limit as the questionnaire words it, or in this language's words
        ("Maximum limit: approximately 5,000 characters with spaces", 「上限：約400文字…」)."""
        if limit.wording:
            return limit.wording
        amount = f"{limit.amount:,}{self.unit_gap}{self.unit(limit.unit.value)}"
        if limit.approximate:
            amount = self.limit_approximately.format(amount=amount)
        return self.limit_words.format(amount=amount)

    def unit(self, unit: str) -> str:
        """A limit's unit in words ("characters with spaces")."""
        return dict(self.unit_words).get(unit, unit.replace("_", " "))

    @classmethod
    def for_language(cls, language: str) -> Labels:
        """Labels in the questionnaire's language where we have them, English otherwise."""
        return _TRANSLATIONS.get(language.split("-")[0].lower(), cls())


_TRANSLATIONS: dict[str, Labels] = {
    "ja": Labels(
        information_details="回答者情報", questions="質問", no_response="回答なし",
        annex_title="付録：各回答の分量", annex_item="質問", annex_count="分量",
        annex_limit="上限", annex_status="状況",
        annex_note="分量は Word と同じ数え方です。箇条書きの記号と番号は数えません"
                   "（LibreOffice の統計では数えられます）。",
        condition="{question}の回答が{values}の場合のみ回答してください。", or_word="または",
        deadline="回答期限：{date}", attribution="（{tag}）",
        contributors_title="付録：回答作成協力機関", contributors_who="機関",
        contributors_questions="質問",
        status_words=(("empty", "未回答"), ("within", "上限内"), ("near", "上限に近い"),
                      ("over", "上限超過")),
        unit_words=(("characters_with_spaces", "文字（スペースを含む）"),
                    ("characters_without_spaces", "文字（スペースを含まない）"),
                    ("words", "語")),
        annex_unit_note="分量と上限の単位は{unit}です。", approximately="約{amount}",
        limit_words="上限：{amount}", limit_approximately="約{amount}", unit_gap="",
        over_limit_mark="上限を超えています：{count}{unit}（上限より{excess}多い）。",
        references_title="相互参照", references_from="回答", references_to="参照先",
        references_question="問{number}", references_answer="問{number}",
        reference_status_words=(("answered", "回答済み"), ("unanswered", "未回答"),
                                ("missing", "この質問票にない質問")),
    ),
    "fr": Labels(
        information_details="Informations", questions="Questions", no_response="Pas de réponse",
        annex_title="Annexe : longueur de chaque réponse", annex_item="Question",
        annex_count="Longueur", annex_limit="Limite", annex_status="État",
        annex_note="Longueurs comptées comme dans Word : les numéros et puces de liste ne "
                   "sont pas comptés (les statistiques de LibreOffice les comptent).",
        condition="Répondre seulement si la réponse à {question} est {values}.", or_word="ou",
        deadline="Date limite : {date}", contributors_title="Annexe : contributions",
        contributors_who="Contributeur", contributors_questions="Questions",
        status_words=(("empty", "sans réponse"), ("within", "dans la limite"),
                      ("near", "proche de la limite"), ("over", "au-delà de la limite")),
        unit_words=(("characters_with_spaces", "caractères espaces compris"),
                    ("characters_without_spaces", "caractères sans les espaces"),
                    ("words", "mots")),
        annex_unit_note="Longueurs et limites en {unit}.", approximately="env. {amount}",
        limit_words="Limite maximale : {amount}", limit_approximately="environ {amount}",
        over_limit_mark="Au-delà de la limite : {count} {unit}, soit {excess} de trop.",
        references_title="Renvois", references_from="Réponse", references_to="Renvoie à",
        references_question="question {number}", references_answer="Question {number}",
        reference_status_words=(("answered", "répondue"), ("unanswered", "sans réponse"),
                                ("missing", "absente du questionnaire")),
    ),
    "es": Labels(
        information_details="Datos de identificación", questions="Preguntas",
        no_response="Sin respuesta", annex_title="Anexo: extensión de cada respuesta",
        annex_item="Pregunta", annex_count="Extensión", annex_limit="Límite",
        annex_status="Estado",
        annex_note="Extensión contada como en Word: los números y viñetas de las listas no "
                   "se cuentan (las estadísticas de LibreOffice sí los cuentan).",
        condition="Responder solo si la respuesta a {question} es {values}.", or_word="o",
        deadline="Fecha límite: {date}", contributors_title="Anexo: contribuciones",
        contributors_who="Contribuyente", contributors_questions="Preguntas",
        status_words=(("empty", "sin respuesta"), ("within", "dentro del límite"),
                      ("near", "cerca del límite"), ("over", "por encima del límite")),
        unit_words=(("characters_with_spaces", "caracteres con espacios"),
                    ("characters_without_spaces", "caracteres sin espacios"),
                    ("words", "palabras")),
        annex_unit_note="Extensiones y límites en {unit}.", approximately="aprox. {amount}",
        limit_words="Límite máximo: {amount}", limit_approximately="aproximadamente {amount}",
        over_limit_mark="Por encima del límite: {count} {unit}, {excess} más de lo permitido.",
        references_title="Referencias cruzadas", references_from="Respuesta",
        references_to="Remite a", references_question="pregunta {number}",
        references_answer="Pregunta {number}",
        reference_status_words=(("answered", "respondida"), ("unanswered", "sin respuesta"),
                                ("missing", "no figura en el cuestionario")),
    ),
}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Every choice about one export; the defaults give the reference layout."""

    template: Path | None = None  # a .docx/.dotx whose styles, headers and footers are used
    unanswered: Unanswered = Unanswered.NO_RESPONSE
    choices: ChoiceDisplay = ChoiceDisplay.CHOSEN
    blocks: BlockDisplay = BlockDisplay.ENTRIES
    allow_over_limit: bool = False  # export even when an answer is over its limit
    annex: bool = False  # add a table of counts per question at the end
    blank: bool = False  # the questionnaire without answers, to collect input
    language: str | None = None  # BCP 47 tag for spell-checking; the questionnaire's by default
    author: str | None = None  # document author; the responding institution by default
    labels: Labels | None = None  # fixed words; by the questionnaire's language by default
    #: Who wrote each paragraph, by answer ("q1", "measures[2].description", entries from
    #: 1): the contributor's tag, or None.  When given (even empty: "asked for, filled in
    #: by the contribution service"), "(NPA)" follows each contributed paragraph; the
    #: tags are not counted against the limits (a working document).
    attribution: Mapping[str, tuple[str | None, ...]] | None = None
    #: An annex listing contributors (asked for); their (tag, full name, question numbers).
    contributors_annex: bool = False
    contributors: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
