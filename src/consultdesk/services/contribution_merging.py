"""Merging a received reply into the answer, undoing it, and who wrote which paragraph.

Answers are written only through :meth:`ContributionMerging._save`, the one function
that calls the response service's save (with a revision first), so the merge follows
whatever that save guarantees."""

from __future__ import annotations

from dataclasses import replace

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.contributions import (
    NEW_ENTRY,
    Attribution,
    ContributionValue,
    Contributor,
    MergeMode,
    compose,
    merged_attribution,
    rematch,
)
from consultdesk.domain.errors import AnswerError, ConsultDeskError
from consultdesk.domain.response import AnswerValue
from consultdesk.formats.docx_export.options import ExportOptions
from consultdesk.services.contribution_board import ContributionBoard
from consultdesk.services.contribution_records import MergeResult


class ContributionMerging(ContributionBoard):
    """Merging replies into answers (and undoing it), and the attribution of paragraphs."""

    # -- the one write of answers ----------------------------------------------------
    def _save(self, response_id: str, question_id: str, value: AnswerValue, tag: str,
              base_version: int | None) -> int:
        """Write a merged answer through the versioned save, by Author(MERGE, tag); the
        replaced text is kept as a revision first.  The one place this service writes
        answers.  ``base_version``: the version the merge was composed on; if the answer
        changed meanwhile nothing is overwritten (the merged text is kept as a conflict
        revision) and AnswerError says so.  The new version."""
        # The text being replaced is kept first (durably), whoever wrote it last.
        self._responses.take_revision(response_id, question_id, "before merge")
        result = self._responses.save_answer(response_id, question_id, value,
                                             base_version=base_version,
                                             author=Author(WriterKind.MERGE, tag),
                                             reason="merge")
        if not result.saved:
            raise AnswerError("the answer changed while the contribution was being merged; "
                              "nothing was overwritten (the merged text is in its History): "
                              "merge again")
        return result.version

    # -- merging -------------------------------------------------------------------
    def merge(self, contribution_id: int, mode: MergeMode = MergeMode.APPEND, *,
              edited: ContributionValue | None = None, after: int | None = None
              ) -> MergeResult:
        """Put a reply into the answer (append, replace, insert after a paragraph), as
        received or as edited; its paragraphs remember the contributor."""
        contribution = self._repo.contribution(contribution_id)
        # An older (superseded) reply may still be taken on purpose: no status check.
        a = self._repo.assignment(contribution.assignment_id)
        data = self._live(a.response_id)
        question = data.questionnaire.question(a.item.question_id)
        value = contribution.value if edited is None else edited
        before = self.attribution(a.response_id)
        current = data.answers.get(question.id)
        updates: dict[str, Attribution] = {}
        if question.is_text:
            if not isinstance(value, str):
                raise AnswerError("this contribution holds block fields, not a text")
            old = current if isinstance(current, str) else ""
            merged, flags = compose(old, value, MergeMode(mode), after)
            updates[question.id] = merged_attribution(
                before.get(question.id, ()), old, merged, flags, a.contributor)
            new_value: AnswerValue = merged
        else:
            if not isinstance(value, dict):
                raise AnswerError("this contribution holds a text, not block fields")
            entries = ([dict(e) for e in current if isinstance(e, dict)]
                       if isinstance(current, list) else [])
            if a.item.entry == NEW_ENTRY or a.item.entry > len(entries):
                entries.append({})
                number = len(entries)
                field_mode = MergeMode.REPLACE
            else:
                number = a.item.entry
                field_mode = MergeMode(mode)
            entry = entries[number - 1]
            for fid, text in value.items():
                key = f"{question.id}[{number}].{fid}"
                stored = entry.get(fid)
                old = stored if isinstance(stored, str) else ""
                merged, flags = compose(old or "", text, field_mode, after)
                entry[fid] = merged.rstrip("\n")
                updates[key] = merged_attribution(before.get(key, ()), old or "", merged,
                                                  flags, a.contributor)
            new_value = entries
        version = self._save(a.response_id, question.id, new_value, a.contributor,
                             data.versions.get(question.id, 0))
        self._repo.save_attribution(a.response_id, dict(updates))
        self._repo.mark_merged(contribution_id)
        return MergeResult(contribution_id, a.response_id, question.id, new_value, current,
                           {k: before.get(k, ()) for k in updates}, version)

    def undo_merge(self, result: MergeResult) -> None:
        """Put the answer back as it was before a merge, and mark the reply received
        again.  An explicit overwrite: whatever the answer holds now (the merge, and any
        edit since) is kept as a revision first."""
        a = self._repo.assignment(self._repo.contribution(result.contribution_id)
                                  .assignment_id)
        self._save(result.response_id, result.question_id, result.previous, a.contributor,
                   None)
        self._repo.save_attribution(result.response_id, dict(result.previous_attribution))
        self._repo.mark_merged(result.contribution_id, merged=False)

    # -- attribution -----------------------------------------------------------------
    def attribution(self, response_id: str) -> dict[str, Attribution]:
        """Who wrote which paragraph of each answer, re-matched to the answers as they are
        now (stored again when editing changed them): item -> paragraphs."""
        stored = self._repo.attribution(response_id)
        if not stored:
            return {}
        answers = self._responses.load(response_id).answers
        current: dict[str, Attribution] = {}
        changed: dict[str, Attribution] = {}
        for item, paragraphs in stored.items():
            text = _text_of(answers, item)
            fresh = rematch(paragraphs, text)
            current[item] = fresh
            if [p.text for p in fresh] != [p.text for p in paragraphs] or \
                    [p.tag for p in fresh] != [p.tag for p in paragraphs]:
                changed[item] = fresh
        if changed:
            try:
                self._repo.save_attribution(response_id, dict(changed))
            except ConsultDeskError:
                pass  # re-matched again next time; a read must not fail on a busy file
        return current

    def paragraph_tags(self, response_id: str) -> dict[str, list[str | None]]:
        """For the export: item -> the contributor tag of each paragraph (None: none)."""
        return {item: [p.tag for p in paragraphs]
                for item, paragraphs in self.attribution(response_id).items()}

    def with_attribution(self, response_id: str, options: ExportOptions, *,
                         tags: bool = True, annex: bool = False) -> ExportOptions:
        """Export options that add "(NPA)" after contributed paragraphs and/or the annex
        of contributors (the CLI's --attribution and --contributors-annex)."""
        if tags:
            options = replace(options, attribution={
                k: tuple(v) for k, v in self.paragraph_tags(response_id).items()})
        if annex:
            options = replace(options, contributors_annex=True, contributors=tuple(
                (c.tag, c.name, tuple(numbers))
                for c, numbers in self.contributors_by_item(response_id)))
        return options

    def contributors_by_item(self, response_id: str) -> list[tuple[Contributor, list[str]]]:
        """For the annex: each contributor with the numbers of the questions it wrote in."""
        data = self._responses.load(response_id)
        people = {c.tag: c for c in self._repo.contributors()}
        numbers = {q.id: q.display_number or q.id for q in data.questionnaire.questions()}
        order = list(numbers)
        found: dict[str, list[str]] = {}
        for item, paragraphs in self.attribution(response_id).items():
            qid = item.split("[")[0]
            for p in paragraphs:
                if p.tag and qid not in found.setdefault(p.tag, []):
                    found[p.tag].append(qid)
        return [(people.get(tag, Contributor(tag)),
                 [numbers.get(q, q) for q in sorted(qids, key=lambda x: order.index(x)
                                                    if x in order else 0)])
                for tag, qids in sorted(found.items())]



def _text_of(answers: dict[str, AnswerValue], item: str) -> str:
    """The current text of an attribution item ("q1" or "t1_done[2].description")."""
    if "[" not in item:
        value = answers.get(item)
        return value if isinstance(value, str) else ""
    qid, rest = item.split("[", 1)
    number, _, fid = rest.partition("].")
    entries = answers.get(qid)
    if not isinstance(entries, list) or not number.isdigit():
        return ""
    index = int(number) - 1
    entry = entries[index] if 0 <= index < len(entries) else None
    if not isinstance(entry, dict):
        return ""
    text = entry.get(fid)
    return text if isinstance(text, str) else ""

