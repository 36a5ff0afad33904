"""Counting a 200,000-character Markdown answer, in each unit, against one str.count pass.

The baseline is one plain C-level pass over the same string (``str.count``) measured
in the same run, so the ratio says how many "passes" counting costs on this machine.
"""

from __future__ import annotations

from common import Figure, best_ms, print_figures

from consultdesk.domain.counting import count_markdown
from consultdesk.domain.questionnaire import Convention, Unit
from consultdesk.domain.rich_text import parse_markdown

TARGET = 200_000

_EN = (
    "We have increased the **opportunities** for civil society organizations to participate "
    "in the *decision-making* process, including through videoconferencing.\n\n"
    "- Implementing awareness-raising activities\n- Supporting voluntary efforts\n"
    "  1. transparency\n  2. accountability\n\n"
)
_JA = (
    "新型コロナウイルス感染症の流行期間中、日本政府は**市民社会**との協力の下、"
    "基本的な衛生対策の普及に努めてきました。\n\n- 多言語のウェブサイト\n- リーフレット\n\n"
)


def _answer(paragraph: str) -> str:
    return (paragraph * (TARGET // len(paragraph) + 1))[:TARGET]


def _cold_count(text: str, unit: Unit, conv: Convention) -> int:
    """Count with the parse cache emptied first, so every run parses the Markdown."""
    parse_markdown.cache_clear()
    return count_markdown(text, unit, conv)


def main() -> None:
    """Print the counting figures."""
    figures = []
    for label, text in (("English", _answer(_EN)), ("Japanese", _answer(_JA))):
        baseline = best_ms(lambda: text.count("e"), repeat=7, number=5)
        for unit in Unit:
            for conv in Convention:
                ms = best_ms(lambda: _cold_count(text, unit, conv), repeat=5)
                figures.append(Figure(f"{label} 200k chars, {unit.value}, {conv.value}", ms,
                                      baseline, "read the ratio; UI counts ~5k chars"))
        five_k = text[:5000]
        ms = best_ms(lambda: _cold_count(five_k, Unit.CHARACTERS_WITH_SPACES,
                                         Convention.DOCUMENT), repeat=7, number=10)
        figures.append(Figure(f"{label} 5k chars (one keystroke in the editor)", ms, None,
                              "< 16 ms (one frame)"))
    print_figures("Counting (baseline: one str.count pass over the same 200k string)", figures)


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    main()
