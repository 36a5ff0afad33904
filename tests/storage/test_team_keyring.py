"""The team database password in the system keyring: asked only when libpq's own
mechanisms supply none, never in the URL; without a usable keyring, one line.

The keyring is an in-memory backend here (a real ``keyring`` backend class, kept in a
dict) and keyring's own ``fail`` backend: CI machines have no desktop keyring.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from pg_server import PgServer, dbname

from consultdesk.app_context import AppContext, team_service
from consultdesk.domain.errors import ServerUnreachableError
from consultdesk.storage import pg_keyring
from consultdesk.storage.errors import DatabaseError
from consultdesk.storage.pg_connect import parse_url


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in memory (and says who asked)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}
        self.asked = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.asked += 1
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("not kept")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def tcp_url(pg_server: PgServer, pg_url: str, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> str:
    """A URL over TCP for a role with a password, no .pgpass and no PGPASSWORD."""
    name = dbname(pg_url)
    pg_server.add_role(f"kr_{name}", "c0rrect", name)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    return pg_server.tcp_url(name, f"kr_{name}")


def test_a_password_kept_in_the_keyring_is_used_when_libpq_has_none(
        tcp_url: str, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ServerUnreachableError, match="password") as info:
        AppContext.open(tmp_path / "data", tcp_url)
    assert "consultdesk team password" in str(info.value) and "\n" not in str(info.value)
    account = team_service(tmp_path / "data").remember_password(tcp_url, "c0rrect")
    assert account.startswith("kr_") and "c0rrect" not in account
    with closing(AppContext.open(tmp_path / "data", tcp_url)) as ctx:
        ctx.responses.create("ohchr-civic-space-2021", "Through the keyring")
        assert [s.title for s in ctx.responses.list()] == ["Through the keyring"]
    assert memory_keyring.kept == {(pg_keyring.SERVICE, account): "c0rrect"}
    # Nothing of it in the data folder (the outbox, the cache).
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert b"c0rrect" not in path.read_bytes(), path
    assert team_service(tmp_path / "data").forget_password(tcp_url)
    assert memory_keyring.kept == {}
    with pytest.raises(ServerUnreachableError, match="password"):
        AppContext.open(tmp_path / "data", tcp_url)


def test_libpq_mechanisms_come_first(tcp_url: str, tmp_path: Path,
                                     memory_keyring: MemoryKeyring,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    memory_keyring.kept[(pg_keyring.SERVICE, pg_keyring.account(parse_url(tcp_url)))] = "wrong"
    monkeypatch.setenv("PGPASSWORD", "c0rrect")
    with closing(AppContext.open(tmp_path / "data", tcp_url)) as ctx:
        assert ctx.responses.list() == []
    assert memory_keyring.asked == 0  # libpq had the password: the keyring was not asked


def test_a_wrong_kept_password_is_one_line(tcp_url: str, tmp_path: Path,
                                           memory_keyring: MemoryKeyring) -> None:
    team_service(tmp_path).remember_password(tcp_url, "wrong")
    with pytest.raises(ServerUnreachableError, match="password authentication failed"):
        AppContext.open(tmp_path / "data", tcp_url)


def test_without_a_usable_keyring_it_says_so_in_one_line(tcp_url: str, tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(ServerUnreachableError, match="no password supplied"):
            AppContext.open(tmp_path / "data", tcp_url)
        with pytest.raises(DatabaseError, match="system keyring") as info:
            team_service(tmp_path).remember_password(tcp_url, "c0rrect")
        assert "~/.pgpass" in str(info.value)
        assert not team_service(tmp_path).forget_password(tcp_url)
    finally:
        keyring.set_keyring(previous)


def test_a_url_with_a_password_is_refused_before_the_keyring(tmp_path: Path,
                                                             memory_keyring: MemoryKeyring
                                                             ) -> None:
    with pytest.raises(DatabaseError, match="contains a password"):
        team_service(tmp_path).remember_password("postgresql://a:b@db/x", "b")
    assert memory_keyring.kept == {}


def test_cli_team_password_reads_stdin_and_says_in_one_line_without_a_keyring(
        tcp_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir",
                           str(tmp_path / "data"), "--database", tcp_url, "team", "password"],
                          input="c0rrect\n", capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 2, done
    [line] = done.stderr.splitlines()
    assert "system keyring" in line and "Traceback" not in done.stderr
    assert "c0rrect" not in done.stdout + done.stderr
