"""``consultdesk questionnaires`` and ``questionnaire show|add``, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consultdesk.cli.main import main
from consultdesk.paths import templates_dir

OHCHR_FILE = templates_dir() / "questionnaires" / "ohchr-civic-space-2021.toml"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_bundled_questionnaires(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, tmp_path, "questionnaires", "--json")
    assert code == 0
    ids = {q["id"] for q in json.loads(out)}
    assert {"ohchr-civic-space-2021", "sr-expression-call-2026"} <= ids
    code, out, _ = run(capsys, tmp_path, "questionnaires")
    assert code == 0 and "ohchr-civic-space-2021" in out and out.startswith("ID")


def test_show_json_and_outline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, tmp_path, "questionnaire", "show", "ohchr-civic-space-2021",
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "ohchr-civic-space-2021"
    assert [q["id"] for q in data["questions"]][:2] == ["q1", "q2"]
    code, out, _ = run(capsys, tmp_path, "questionnaire", "show", "ohchr-civic-space-2021")
    assert code == 0 and "approximately 5,000 characters" in out


def test_show_unknown_is_one_line_exit_2(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, tmp_path, "questionnaire", "show", "nope")
    assert (code, out) == (2, "")
    assert err.strip() == "consultdesk: no questionnaire with id 'nope'"


def _variant(tmp_path: Path, *, version: int, title: str) -> Path:
    text = OHCHR_FILE.read_text(encoding="utf-8")
    text = text.replace('id = "ohchr-civic-space-2021"', 'id = "my-consultation"', 1)
    text = text.replace("version = 1", f"version = {version}", 1)
    text = text.replace('title = "Online consultation with Member States"',
                        f'title = "{title}"', 1)
    path = tmp_path / f"my-{version}-{len(title)}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_add_installs_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = run(capsys, data, "questionnaire", "add", str(_variant(tmp_path, version=1,
                                                                          title="Mine")))
    assert (code, out.strip()) == (0, "my-consultation")
    _, out, _ = run(capsys, data, "questionnaires", "--json")
    assert {"id": "my-consultation", "title": "Mine"}.items() <= next(
        q for q in json.loads(out) if q["id"] == "my-consultation").items()
    # Installing the same file again is fine.
    code, _, _ = run(capsys, data, "questionnaire", "add", str(_variant(tmp_path, version=1,
                                                                        title="Mine")))
    assert code == 0


def test_add_same_version_with_changed_content_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "questionnaire", "add", str(_variant(tmp_path, version=1, title="Mine")))
    code, out, err = run(capsys, data, "questionnaire", "add",
                         str(_variant(tmp_path, version=1, title="Changed")))
    assert (code, out) == (2, "")
    assert "raise 'version'" in err and len(err.strip().splitlines()) == 1
    # A raised version installs, and new responses use it; old ones keep theirs.
    code, _, _ = run(capsys, data, "new", "my-consultation")
    assert code == 0
    code, _, _ = run(capsys, data, "questionnaire", "add",
                     str(_variant(tmp_path, version=2, title="Changed")))
    assert code == 0
    _, out, _ = run(capsys, data, "questionnaire", "show", "my-consultation", "--json")
    assert json.loads(out)["title"] == "Changed"


def test_add_bad_file_names_file_and_touches_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "questionnaire", "add", str(bad))
    assert (code, out) == (2, "")
    assert str(bad) in err and "TOML" in err
    assert not data.exists()  # validated before the database was opened


def test_show_toml_reinstalls_as_the_same_questionnaire(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = run(capsys, data, "questionnaire", "show", "sr-expression-call-2026",
                       "--toml")
    assert code == 0
    exported = tmp_path / "exported.toml"
    exported.write_text(out, encoding="utf-8")
    # Same id, version and content as the bundled one: installing it is accepted as is.
    code, out, err = run(capsys, data, "questionnaire", "add", str(exported))
    assert (code, out.strip(), err) == (0, "sr-expression-call-2026", "")
    # Had the content differed, pinning the bundled definition would now be refused.
    from consultdesk.app_context import AppContext
    from consultdesk.services.catalog import load_bundled

    ctx = AppContext.open(data)
    try:
        ctx.catalog.pin(load_bundled()["sr-expression-call-2026"])
    finally:
        ctx.close()
