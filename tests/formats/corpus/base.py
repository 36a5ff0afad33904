"""What a corpus case is: a document builder and the questions it must import to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocumentObject

C, CNS, W = "characters_with_spaces", "characters_without_spaces", "words"


@dataclass(frozen=True)
class Q:
    """An expected question: number, text, limit (amount, unit, approximate) and kind."""

    number: str
    text: str
    limit: tuple[int, str, bool] | None = None
    kind: str = "long_text"
    options: tuple[str, ...] = ()


@dataclass
class Case:
    """One corpus document and what it must import to."""

    name: str
    build: Callable[[Path], None]
    title: str
    questions: list[Q]
    respondent: list[str] = field(default_factory=list)
    language: str = "en"

    def write(self, folder: Path) -> Path:
        """Write the document into ``folder``; its path."""
        path = folder / f"{self.name}.docx"
        self.build(path)
        return path


def title(doc: DocumentObject, text: str) -> None:
    """A paragraph in Word's Title style."""
    doc.add_paragraph(text, style="Title")


def bold(doc: DocumentObject, text: str) -> None:
    """A paragraph whose only run is bold (a heading typed by hand)."""
    doc.add_paragraph().add_run(text).bold = True
