"""Starting fast: ``--version`` answers before any command module, the ORM or docx loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "sqlmodel", "docx", "lxml", "PySide6", "pydantic")


def _loaded_after(args: list[str]) -> tuple[str, list[str]]:
    code = ("import sys\nfrom consultdesk.cli.main import main\n"
            f"code = main({args!r})\n"
            f"print('loaded:', ','.join(m for m in {HEAVY!r} if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    version, loaded = out.splitlines()
    return version, [m for m in loaded.removeprefix("loaded:").strip().split(",") if m]


@pytest.mark.parametrize("args", [["--version"], ["--data-dir", "/nonexistent", "--version"],
                                  ["--database=postgresql://h/db", "--version"]])
def test_version_loads_nothing_heavy(args: list[str]) -> None:
    version, loaded = _loaded_after(args)
    assert version.startswith("consultdesk ") and loaded == []


def test_a_command_still_gets_its_own_version_option_refused(capsys) -> None:
    from consultdesk.cli.main import main

    # "--version" after a command is that command's (unknown) option: one line, exit 2.
    assert main(["questionnaires", "--version"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


#: What building a parser must not load: the Word code, the Markdown parser, Qt.
NOT_FOR_PARSING = ("docx", "lxml", "markdown_it", "PySide6")


def _loaded_by(code: str) -> list[str]:
    """The NOT_FOR_PARSING (and ORM) modules a fresh interpreter holds after ``code``."""
    probe = ("import sys\n" + code + "\n"
             f"print('loaded:' + ','.join(m for m in {(*NOT_FOR_PARSING, 'sqlalchemy')!r} "
             "if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    loaded = out.strip().splitlines()[-1].removeprefix("loaded:")
    return [m for m in loaded.split(",") if m]


def test_building_the_whole_parser_loads_no_word_markdown_or_qt() -> None:
    loaded = _loaded_by("from consultdesk.cli.main import build_parser\nbuild_parser()")
    assert loaded == []


def test_help_loads_no_word_markdown_or_qt() -> None:
    loaded = _loaded_by("from consultdesk.cli.main import main\n"
                        "import contextlib, io\n"
                        "with contextlib.redirect_stdout(io.StringIO()):\n"
                        "    try:\n        main(['--help'])\n"
                        "    except SystemExit:\n        pass")
    assert loaded == []


@pytest.mark.parametrize("argv", [["responses"], ["export", "R-1", "-o", "x.docx"],
                                  ["merge", "R-1", "1"], ["open", "R-1"], ["search", "word"]])
def test_a_commands_own_parser_loads_no_word_markdown_qt_or_orm(argv: list[str]) -> None:
    # The ORM loads when the command opens the database, not to read its arguments.
    loaded = _loaded_by(f"from consultdesk.cli.main import build_parser\n"
                        f"build_parser({argv[0]!r}).parse_args({argv!r})")
    assert loaded == []


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    import argparse

    from consultdesk.cli import main as cli_main

    for register in cli_main._command_modules():
        parser = cli_main._Parser(prog="consultdesk")
        sub = parser.add_subparsers(dest="command")
        register(sub)
        module = register.__module__.rsplit(".", 1)[-1]
        for command in sub.choices:
            assert cli_main._COMMAND_MODULE.get(command) == module, command
    everything = cli_main.build_parser()
    actions = [a for a in everything._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(actions[0].choices) == set(cli_main._COMMAND_MODULE)


def test_a_command_parses_the_same_with_only_its_own_parser() -> None:
    from consultdesk.cli.main import build_parser

    argv = ["--data-dir", "/d", "export", "R-1", "-o", "out.docx", "--annex"]
    assert vars(build_parser("export").parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_version_reads_no_settings() -> None:
    # The settings file is read when a command runs, not to print a version.
    code = ("import sys, contextlib, io\nfrom consultdesk.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--version'])\n"
            "print('consultdesk.services.settings' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    assert out.strip() == "False"


def test_listing_responses_loads_no_word_markdown_regex_qt_postgresql_or_definitions(
        tmp_path: Path) -> None:
    # The cached progress is listed as stored: nothing is parsed or counted, so the
    # Markdown parser, the regex module and the rest stay unloaded (the start-up goal).
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    answers = tmp_path / "a.json"
    answers.write_text('{"answers": {"q1": "An answer with **bold** and a list:\\n\\n- one"}}')
    subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir", str(data), "new",
                    "ohchr-civic-space-2021", "--answers", str(answers)], env=env,
                   check=True, capture_output=True, timeout=120)
    code = ("import sys, contextlib, io\nfrom consultdesk.cli.main import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    assert main(['--data-dir', {str(data)!r}, 'responses']) == 0\n"
            "assert out.getvalue().count('\\n') == 2  # the header and the one response\n"
            # The questionnaire's pydantic models: an intact stored definition gives its
            # title without being parsed (storage/questionnaire_repository.py).
            "heavy = ('docx', 'lxml', 'markdown_it', 'regex', 'PySide6', 'tomllib',\n"
            "         'sqlalchemy.dialects.postgresql', '_strptime',\n"
            "         'consultdesk.domain.questionnaire', 'consultdesk.domain.definition_file',\n"
            # Nor the contribution, presence and revision tables (~3 ms a table class),
            # the revisions' and the repair's SQL, or the login name (only writes use it).
            "         'consultdesk.storage.collaboration_tables',\n"
            "         'consultdesk.storage.revision_tables', 'consultdesk.storage.repair',\n"
            "         'consultdesk.storage.revision_repository', 'getpass',\n"
            # Nor the response service's editing parts and their records: the listing is
            # AppContext.listing (services/response_listing.py, services/summaries.py).
            "         'consultdesk.services.responses', 'consultdesk.services.answer_saves',\n"
            "         'consultdesk.services.records',\n"
            # Nor the answer model, counting and references (cached progress is listed as
            # stored; domain/response_status.py holds what a listing names).
            "         'consultdesk.domain.response', 'consultdesk.domain.counting',\n"
            "         'consultdesk.domain.references', 'consultdesk.domain.rich_text_model')\n"
            "print(','.join(m for m in heavy if m in sys.modules))\n"
            # Work done at import that a listing never needs: the CJK word patterns
            # (compiled on the first count) and the row classes' pydantic validators
            # (built on first use: the reads go through the tables' columns).
            "from consultdesk.domain import counting\n"
            "from consultdesk.storage import tables\n"
            "print(counting._cjk_patterns.cache_info().currsize)\n"
            "rows = [c for c in vars(tables).values()\n"
            "        if isinstance(c, type) and hasattr(c, '__table__')]\n"
            "print(len(rows), [c.__name__ for c in rows if c.__pydantic_complete__])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    assert out.splitlines() == ["", "0", "9 []"]
