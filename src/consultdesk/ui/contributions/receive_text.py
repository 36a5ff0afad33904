"""What receiving a returned request did, in the interface's language: the items named as
the window names them (問 3, an entry of a block), lists in the locale's way, the
service's notes translated (the CLI prints their English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consultdesk.domain.contributions import NEW_ENTRY, ItemRef
from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.services.contributions import BoardRow, ReceiveResult
from consultdesk.ui.errors import error_text
from consultdesk.ui.i18n import listed

_CONTEXT = "ContributionActions"


def item_name(key: str, questionnaire: Questionnaire) -> str:
    """"問 3", "問 4（措置 2）", "問 4（新しい措置）：説明" for an item or answer-area key
    ("q3", "measures[2]", "measures[+].description"); the key itself if unknown."""
    item_key, _, field_id = key.partition("].")
    try:
        item = ItemRef.parse(item_key + "]" if field_id else key)
        question = questionnaire.question(item.question_id)
    except (ConsultDeskError, KeyError):
        return key
    if question.display_number:
        name = QCoreApplication.translate(_CONTEXT, "Question {number}").format(
            number=question.display_number)
    else:
        name = question.text.strip() or key
    if item.entry == NEW_ENTRY:
        name = QCoreApplication.translate(_CONTEXT, "{question} (a new {entry})").format(
            question=name, entry=question.entry_label)
    elif item.entry > 0:
        name = QCoreApplication.translate(_CONTEXT, "{question} ({entry} {n})").format(
            question=name, entry=question.entry_label, n=item.entry)
    if field_id:
        label = next((f.label for f in question.fields if f.id == field_id), field_id)
        name = QCoreApplication.translate(_CONTEXT, "{item}: {field}").format(
            item=name, field=label)
    return name


def note_text(note: Message, questionnaire: Questionnaire) -> str:
    """A receive note translated, its ``key`` parameter named as the window names it."""
    key = note.params.get("key")
    if isinstance(key, str):
        note = Message(note.template, **{**note.params, "key": item_name(key, questionnaire)})
    return error_text(note)


def receive_lines(result: ReceiveResult, questionnaire: Questionnaire) -> list[str]:
    """One line for what was received, then what was already there, missing, left empty,
    and each note."""

    def items(keys: tuple[str, ...]) -> str:
        return listed([item_name(k, questionnaire) for k in keys])

    who = result.added[0].contributor.display if result.added else result.contributor
    # A plural message: English says "1 answer", "2 answers" (never "answer(s)").
    lines = [QCoreApplication.translate(_CONTEXT, "From %1: %n answer(s) received.", "",
                                        len(result.added)).replace("%1", who)]
    if result.unchanged:
        lines.append(QCoreApplication.translate(_CONTEXT, "Already received: {items}")
                     .format(items=items(result.unchanged)))
    if result.missing:
        lines.append(QCoreApplication.translate(_CONTEXT, "Not found in the file: {items}")
                     .format(items=items(result.missing)))
    if result.empty:
        lines.append(QCoreApplication.translate(_CONTEXT, "Left empty: {items}")
                     .format(items=items(result.empty)))
    lines.extend(note_text(n, questionnaire) for n in result.notes)
    return lines


def row_label(row: BoardRow) -> str:
    """A board row's question text and entry ("(a new Action)", "(Action 2)") in the
    interface's language; the service's English label when it gives no parts."""
    if not row.question_text:
        return row.label
    if row.item.entry == NEW_ENTRY:
        return QCoreApplication.translate(_CONTEXT, "{question} (a new {entry})").format(
            question=row.question_text, entry=row.entry_label)
    if row.item.entry > 0:
        return QCoreApplication.translate(_CONTEXT, "{question} ({entry} {n})").format(
            question=row.question_text, entry=row.entry_label, n=row.item.entry)
    return row.question_text
