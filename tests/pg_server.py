"""A throwaway PostgreSQL cluster for the tests: one per session, a database per test.

The cluster lives in a temporary folder, owned by the ``postgres`` user when we run as
root (PostgreSQL refuses to run as root), listens on a free port of 127.0.0.1 and on a
unix socket in that folder, and is stopped (immediate shutdown) and deleted at the end,
also when the tests fail.  Each test gets a fresh database cloned from a migrated
template with ``CREATE DATABASE ... TEMPLATE``, which takes a few milliseconds.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from itertools import count
from pathlib import Path

_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
SUPERUSER = "consultdesk_test"
TEMPLATE = "consultdesk_template"


def find_bin(name: str) -> str | None:
    """The path of a PostgreSQL server program (Debian keeps them out of PATH)."""
    for folder in _BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which(name)


def available() -> bool:
    """Whether a PostgreSQL server can be started here."""
    return find_bin("initdb") is not None and find_bin("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One running throwaway cluster."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="consultdesk-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "sock"
        self.port = _free_port()
        self._names = count(1)
        self._user: str | None = None
        if os.geteuid() == 0:
            self._user = "postgres"
            info = pwd.getpwnam(self._user)
            os.chmod(self.root, 0o755)
            self.socket_dir.mkdir()
            for path in (self.root, self.socket_dir):
                os.chown(path, info.pw_uid, info.pw_gid)
        else:
            self.socket_dir.mkdir()

    # -- running programs as the cluster's owner ----------------------------------
    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        full = list(cmd)
        if self._user is not None:
            full = ["setpriv", f"--reuid={self._user}", f"--regid={self._user}",
                    "--init-groups", "--", *full]
        return subprocess.run(full, capture_output=True, text=True, check=check,
                              cwd=self.root, timeout=120)

    def start(self) -> None:
        """initdb, then start the server and wait until it accepts connections."""
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        assert initdb and pg_ctl, "PostgreSQL is not installed (scripts/dev.py installs it)"
        # The superuser comes in through the unix socket without a password; over TCP a
        # password is asked (the .pgpass tests need that), as on a real server.
        self._run(initdb, "-D", str(self.data), "-U", SUPERUSER, "--auth-local=trust",
                  "--auth-host=scram-sha-256",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.socket_dir} "
                   # No fsync (the tests never survive an OS crash), but every commit is
                   # in the WAL before it returns: stopping the server (immediate) must
                   # keep every confirmed save, as a real server does.
                   "-c fsync=off -c full_page_writes=off "
                   "-c max_connections=200 -c shared_buffers=32MB")
        self.start_server(options)

    def start_server(self, options: str | None = None) -> None:
        """Start (or restart) the server on the same data and port."""
        if options is not None:
            self._options = options
        pg_ctl = find_bin("pg_ctl")
        assert pg_ctl
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", self._options, "-w", "-t", "60", "start")

    def stop_server(self, mode: str = "immediate") -> None:
        """Stop the server (``immediate``: as if it went away) keeping its data."""
        pg_ctl = find_bin("pg_ctl")
        assert pg_ctl
        self._run(pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        """Stop the server and delete everything."""
        if self.data.exists():
            self.stop_server()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases -----------------------------------------------------------------
    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq URL for a database of this cluster, through its unix socket."""
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, dbname: str, user: str) -> str:
        """A libpq URL over TCP on 127.0.0.1 (a password is asked: .pgpass, PGPASSWORD)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def add_role(self, name: str, password: str, dbname: str) -> None:
        """A login role with a password, owning the public schema of ``dbname``."""
        self.admin(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        self.admin(f'GRANT ALL ON DATABASE "{dbname}" TO "{name}"')
        self.admin(f'GRANT ALL ON SCHEMA public TO "{name}"', dbname)
        self.admin(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{name}"', dbname)
        self.admin(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{name}"', dbname)

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, template: str = "template0") -> str:
        """A fresh empty (or templated) database; its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def wait_ready(self, timeout_s: float = 30.0) -> None:
        """Wait until the server accepts connections again (after a restart)."""
        import psycopg

        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with psycopg.connect(self.url(), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def dbname(url: str) -> str:
    """The database name in a libpq URL."""
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(url)["dbname"])
