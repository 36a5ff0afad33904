"""``--database`` given addresses that are not usable: exit 2, one line, nothing written
(no data folder, no team cache), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.cli.main import main

#: (address, words of the one line that must say what is wrong)
CASES = [
    ("mysql://u@localhost/db", "is not a PostgreSQL URL"),
    ("postgresql+psycopg://u@localhost/db", "is not a PostgreSQL URL"),
    ("sqlite:///tmp/x.db", "is not a PostgreSQL URL"),
    ("file:///etc/passwd", "is not a PostgreSQL URL"),
    ("postgresql://u:s3cret@localhost/db", "contains a password"),
    # Refused for another reason, the address is echoed: never with its password.
    ("postgresq://u:s3cret@localhost/db", "'postgresq://u:***@localhost/db' is not a PostgreSQL"),
    ("mysql://u:s3cret%40x@localhost/db", "'mysql://u:***@localhost/db' is not a PostgreSQL"),
    ("postgres://u@localhost/db?x=1&password=s3cret", "invalid URI query parameter"),
    ("pg://u@localhost/db?password=s3cret", "'pg://u@localhost/db?password=***'"),
    ("postgresql://u:s3cret@[::1/db", '"postgresql://u:***@[::1/db"'),
    ("postgresql://u@localhost/db?password=s3cret", "contains a password"),
    ("postgresql://u@localhost:abc/db", "port 'abc' is not a number"),
    ("postgresql://u@localhost:-1/db", "is not a number"),
    ("postgresql://u@localhost:²/db", "is not a number"),  # str.isdigit() says it is
    ("postgresql://u@localhost:99999/db", "port '99999' is not between 1 and 65535"),
    ("postgresql://u@localhost:0/db", "is not between 1 and 65535"),
    ("postgresql://u@[::1/db", "the database address is not valid"),
    ("postgresql://u@localhost/d%00b", "the database address is not valid"),
    ("postgresql://u@localhost/db?sslmode=bogus", "unknown sslmode 'bogus'"),
    # A unix socket directory that does not exist: libpq's reason, named as unreachable.
    ("postgresql://u@%2Fnonexistent%2Fsocket/db", "cannot reach the team database server"),
    ("postgresql:///db?host=/nonexistent/socket", "cannot reach the team database server"),
]


@pytest.mark.parametrize(("url", "words"), CASES, ids=[c[0] for c in CASES])
def test_an_unusable_address_is_one_line_and_writes_nothing(
        url: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    for args in (["responses"], ["team", "check"]):
        code = main(["--data-dir", str(data), "--database", url, *args])
        out, err = capsys.readouterr()
        assert code == 2, (args, err)
        [line] = err.splitlines()
        assert words in line and "Traceback" not in err and out == ""
        assert "s3cret" not in line  # a password in the address is never repeated
    assert not data.exists() or list(data.rglob("*")) == []
