"""A team database password kept in the system keyring (Keychain, Windows Credential
Manager, Secret Service), through the ``keyring`` library.

Only a fallback: libpq's own mechanisms come first (``~/.pgpass``, a service file,
``PGPASSWORD``), and the keyring is asked only when the server wants a password that
none of them supplied.  The password never goes into the URL, the settings or a log; it
is handed to libpq as a connection parameter.  ``keyring`` is imported only then, so a
start that needs no password never loads it.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping

from consultdesk.storage.errors import DatabaseError

#: The keyring entry's service name; the account is ``user@host:port/dbname``.
SERVICE = "ConsultDesk team database"


def account(params: Mapping[str, str]) -> str:
    """The keyring account for a team database (its URL's libpq parameters, as
    ``pg_connect.parse_url`` reads them): whose user, on which server."""
    user = params.get("user") or _login()
    host = params.get("host") or "localhost"
    where = params.get("service") and f"service {params['service']}"
    return f"{user}@{where or host}:{params.get('port') or 5432}/{params.get('dbname') or user}"


def get_password(params: Mapping[str, str]) -> str | None:
    """The password kept for a team database, or None (none kept, or no usable keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(SERVICE, account(params))
    except (KeyringError, RuntimeError, OSError):
        return None  # no keyring on this system (a server, a container): libpq's say


def set_password(params: Mapping[str, str], password: str) -> str:
    """Keep ``password`` for a team database in the system keyring; the account it is kept under.
    DatabaseError (one line) when there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    name = account(params)
    try:
        keyring.set_password(SERVICE, name, password)
    except (KeyringError, RuntimeError, OSError) as exc:
        raise DatabaseError(
            "the password could not be kept in the system keyring ({value}); put it in "
            "~/.pgpass instead",
            value=str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    return name


def delete_password(params: Mapping[str, str]) -> bool:
    """Forget the password kept for a team database (False if there was none, or no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError
    except ImportError:
        return False
    try:
        keyring.delete_password(SERVICE, account(params))
    except (PasswordDeleteError, KeyringError, RuntimeError, OSError):
        return False
    return True


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
