"""Our three counts against LibreOffice's document statistics, on exported real text.

Each text of ``data/counting_corpus.json`` (official texts in English, French,
Spanish, German, Japanese and Korean, typography, lists) and each answer of the
real OHCHR response is exported as the answer of a one-answer response; LibreOffice
opens the .docx and saves it as .odt, whose ``meta:document-statistic`` holds its
word, character and non-space character counts.  Subtracting the statistics of
the same export with the one-character answer "x" leaves the answer's own counts.

LibreOffice counts list labels ("1.", "•") where Word does not: our count plus the
labels must equal LibreOffice's.  A text may name a unit in ``libreoffice_differs``
when our rule deliberately follows Word there (docs/counting.md says why); that unit
must then really differ, so the note cannot go stale.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from consultdesk.domain.counting import count_markdown
from consultdesk.domain.questionnaire import Questionnaire, Unit
from consultdesk.domain.rich_text import ListType, parse_markdown
from consultdesk.formats.docx_export import export_response

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data" / "counting_corpus.json"
REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "ohchr_response.json"
UNITS = {"words": Unit.WORDS, "with": Unit.CHARACTERS_WITH_SPACES,
         "without": Unit.CHARACTERS_WITHOUT_SPACES}
_STAT = re.compile(r'meta:(word-count|character-count|non-whitespace-character-count)="(\d+)"')
_STAT_UNIT = {"word-count": "words", "character-count": "with",
              "non-whitespace-character-count": "without"}


def corpus() -> list[dict[str, Any]]:
    """The corpus texts, then the real OHCHR response's answers."""
    texts = json.loads(DATA.read_text("utf-8"))
    reference = json.loads(REFERENCE.read_text("utf-8"))
    for qid, md in reference["answers"].items():
        if md.strip():
            texts.append({"name": f"ohchr-{qid}", "lang": "en", "source": "OHCHR response",
                          "md": md})
    return texts


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    # Word's lowerLetter: a..z, then aa..zz, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def list_labels(md: str) -> list[str]:
    """The labels our export's list definitions show (formats/docx_export/lists.py)."""
    labels = []
    for p in parse_markdown(md):
        if not p.level or p.continuation:
            continue
        if p.list_type is ListType.BULLET:
            labels.append("\u2022")
            continue
        number = (str, _letters, _roman)[(p.level - 1) % 3](p.ordinal)
        labels.append(f"{number}.")
    return labels


def libreoffice_view(md: str) -> dict[str, int]:
    """Our counts, plus the list labels that LibreOffice (unlike Word) counts."""
    labels = list_labels(md)
    ours = {key: count_markdown(md, unit) for key, unit in UNITS.items()}
    return {"words": ours["words"] + len(labels),
            "with": ours["with"] + sum(map(len, labels)),
            "without": ours["without"] + sum(map(len, labels))}


def _statistics(odt: Path) -> dict[str, int]:
    meta = zipfile.ZipFile(odt).read("meta.xml").decode("utf-8")
    return {_STAT_UNIT[k]: int(v) for k, v in _STAT.findall(meta)}


def test_counts_agree_with_libreoffice(questionnaires: dict[str, Questionnaire],
                                       tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-writer-nogui"
    questionnaire = questionnaires["ohchr-civic-space-2021"]
    texts = corpus()
    docs = []
    for index, text in enumerate([{"name": "baseline", "md": "x"}, *texts]):
        path = tmp_path / f"{index:02d}.docx"
        export_response(questionnaire, "Counting", {}, {"q1": text["md"]}, path)
        docs.append(path)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "odt", "--outdir", str(tmp_path), *map(str, docs)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    stats = [_statistics(p.with_suffix(".odt")) for p in docs]
    base = stats[0]
    agree = dict.fromkeys(UNITS, 0)
    agree_raw = dict.fromkeys(UNITS, 0)
    problems = []
    for text, stat in zip(texts, stats[1:]):
        theirs = {key: stat[key] - base[key] + 1 for key in UNITS}  # "x" is 1 of each
        expected = libreoffice_view(text["md"])
        ours = {key: count_markdown(text["md"], unit) for key, unit in UNITS.items()}
        differs = text.get("libreoffice_differs", {})
        for key in UNITS:
            agree[key] += theirs[key] == expected[key]
            agree_raw[key] += theirs[key] == ours[key]
            if (theirs[key] == expected[key]) == (key in differs):
                problems.append(f"{text['name']} {key}: LibreOffice {theirs[key]}, "
                                f"ours {expected[key]}"
                                + (" (documented as differing)" if key in differs else ""))
    n = len(texts)
    print(f"\nagreement with LibreOffice on {n} texts (list labels added / as shown): "
          + ", ".join(f"{key} {100 * agree[key] / n:.0f} % / {100 * agree_raw[key] / n:.0f} %"
                      for key in UNITS))
    assert not problems, "\n".join(problems)
