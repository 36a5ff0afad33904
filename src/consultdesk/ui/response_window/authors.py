"""Who wrote a text, as the window says it ("Sato", "the command line", "NPA")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consultdesk.domain.authorship import Author, WriterKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("Authors", text)


def author_words(author: Author) -> str:
    """A writer in a few words, with its name when there is one."""
    kinds = {
        WriterKind.APP: _tr("ConsultDesk"),
        WriterKind.CLI: _tr("the command line"),
        WriterKind.CONTRIBUTOR: _tr("a contributor"),
        WriterKind.MERGE: _tr("a merged contribution"),
        WriterKind.RESTORE: _tr("a restored revision"),
        WriterKind.CONFLICT: _tr("a resolved conflict"),
        WriterKind.IMPORT: _tr("an import"),
    }
    kind = kinds.get(author.kind, author.kind.value)
    if not author.name:
        return kind
    if author.kind in (WriterKind.APP, WriterKind.CONTRIBUTOR):
        return author.name  # a person or a ministry's tag says it all
    return _tr("{name} ({kind})").format(name=author.name, kind=kind)
