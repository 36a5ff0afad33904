"""``consultdesk search``: ranked hits with snippets, Japanese inside words, the bin on request."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.cli.main import main

OHCHR = "ohchr-civic-space-2021"


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A data dir with three responses (one in the bin)."""
    data = tmp_path / "data"
    with closing(AppContext.open(data)) as ctx:
        ids = {
            "ja": ctx.responses.create(OHCHR, "Japan 2021", answers={
                "q1": "政府は市民社会の参加を促進するため、オンライン会議を開催した。"}),
            "en": ctx.responses.create(OHCHR, "Japan 2023", answers={
                "q1": "The Government held online hearings.",
                "q4": "Online hearings, online hearings and more online hearings."}),
            "old": ctx.responses.create(OHCHR, "Draft", answers={"q3": "online hearings"}),
        }
        ctx.responses.delete(ids["old"])
    return data, ids


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_hit_ranked_with_a_snippet(
        library: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    data, ids = library
    code, out, err = run(capsys, data, "search", "online hearings", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert [set(h) for h in hits] == [{"response", "response_title", "question", "snippet",
                                       "rank"}] * 2
    # The answer saying it three times ranks first; the binned draft is not listed.
    assert [(h["response"], h["question"], h["rank"]) for h in hits] == [
        (ids["en"], "q4", 1), (ids["en"], "q1", 2)]
    assert hits[1]["snippet"] == "The Government held online hearings."
    assert hits[0]["response_title"] == "Japan 2023"


def test_japanese_matches_inside_words_even_two_characters(
        library: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    data, ids = library
    for text in ("社会の参加", "社会", "会議"):
        code, out, _ = run(capsys, data, "search", text, "--json")
        assert code == 0
        assert [(h["response"], h["question"]) for h in json.loads(out)] == [(ids["ja"], "q1")]
    code, out, _ = run(capsys, data, "search", "社会の不参加", "--json")
    assert json.loads(out) == []


def test_the_bin_is_searched_on_request(
        library: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    data, ids = library
    code, out, _ = run(capsys, data, "search", "hearings", "--bin", "--json")
    found = {(h["response"], h["in_bin"]) for h in json.loads(out)}
    assert (ids["old"], True) in found and (ids["en"], False) in found


def test_the_text_listing_marks_the_hit(
        library: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    data, ids = library
    code, out, _ = run(capsys, data, "search", "HEARINGS", "--limit", "1")
    assert code == 0
    assert out.splitlines() == [f"{ids['en']}  Japan 2023  Q4",
                                "    Online [hearings], online hearings and more online "
                                "hearings."]


@pytest.mark.parametrize("args", [["search", ""], ["search", "x", "--limit", "0"],
                                  ["search"]])
def test_bad_queries_are_one_line_exit_2(library: tuple[Path, dict[str, str]],
                                         capsys: pytest.CaptureFixture[str],
                                         args: list[str]) -> None:
    data, _ = library
    code, out, err = run(capsys, data, *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_search_as_a_real_command_reads_a_quoted_phrase(
        library: tuple[Path, dict[str, str]]) -> None:
    data, ids = library
    done = subprocess.run(
        [sys.executable, "-m", "consultdesk", "--data-dir", str(data), "search",
         '"held online"', "--json"], capture_output=True, text=True, env=os.environ.copy(),
        timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert [(h["response"], h["question"]) for h in json.loads(done.stdout)] == [
        (ids["en"], "q1")]
