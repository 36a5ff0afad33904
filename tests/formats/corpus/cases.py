"""A corpus of questionnaire documents, built with python-docx, with what each must import to.

Each case writes a .docx the way issuers send them (typed numbers, Word's list
numbering, tables, check boxes, limits in every phrasing and language the
importer supports) and states the exact questions, limits, respondent fields
and title the importer must find.  The cases live in three modules by theme.
"""

from __future__ import annotations

from . import cases_languages, cases_numbering, cases_tables
from .base import Case, Q
from .cases_numbering import TYPED_EN, WORD_NUMBERING

__all__ = ["CASES", "TYPED_EN", "WORD_NUMBERING", "Case", "Q"]

CASES: list[Case] = [*cases_numbering.CASES, *cases_tables.CASES, *cases_languages.CASES]
