"""Team database addresses: checking a PostgreSQL URL, connecting, and saying what failed.

The URL is libpq's own (``postgresql://user@host:5432/consultdesk?sslmode=require``,
``postgresql:///consultdesk?service=team``), handed to libpq untouched, so every libpq
mechanism works: ``~/.pgpass``, service files, ``PGPASSWORD`` for scripts, ``PGSSL*``,
client certificates.  A URL holding a password is refused: it would end up in shell
history, in the settings file and in process listings.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from consultdesk.domain.errors import Message, ServerUnreachableError
from consultdesk.storage.errors import DatabaseError

#: How long connecting may take before the server counts as unreachable.
CONNECT_TIMEOUT_S = 5
#: A connection in use whose network dropped (no answer, no reset) counts as lost after
#: about this long (TCP keepalives and tcp_user_timeout; libpq ignores both on a unix
#: socket), rather than after the system's TCP timeout of many minutes.
_DROPPED_S = 5
_SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(text: str) -> bool:
    """Whether ``text`` looks like a PostgreSQL URL (rather than a path)."""
    return text.strip().lower().startswith(_SCHEMES)


def parse_url(url: str) -> dict[str, str]:
    """The URL's libpq parameters (DatabaseError, one line, if it is not usable)."""
    from psycopg.conninfo import conninfo_to_dict

    url = url.strip()
    if not is_database_url(url):
        raise DatabaseError(
            "the database address {url!r} is not a PostgreSQL URL; write it as "
            "postgresql://user@host:5432/consultdesk",
            url=mask_password(url, url))
    try:
        params = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except Exception as exc:  # psycopg.ProgrammingError: libpq's own wording
        raise DatabaseError(
            "the database address is not valid ({value}); write it as "
            "postgresql://user@host:5432/consultdesk",
            value=mask_password(_first_line(exc), url)) from None
    if "password" in params:
        raise DatabaseError(
            "the database address contains a password; ConsultDesk never keeps one in "
            "plain text: put it in ~/.pgpass (or a pg_service.conf service, or PGPASSWORD "
            "for a script) and give the address without it")
    port = params.get("port", "")
    parts = [part.strip() for part in port.split(",")] if port else []
    # ASCII digits only: "²".isdigit() is true, and libpq reads only 0-9.
    if not all(part.isascii() and part.isdigit() for part in parts):
        raise DatabaseError(
            "the database address is not valid (port {port!r} is not a number); write it as "
            "postgresql://user@host:5432/consultdesk",
            port=port)
    if not all(1 <= int(part) <= 65535 for part in parts):
        raise DatabaseError(
            "the database address is not valid (port {port!r} is not between 1 and 65535); "
            "write it as postgresql://user@host:5432/consultdesk",
            port=port)
    sslmode = params.get("sslmode")
    if sslmode is not None and sslmode not in _SSLMODES:
        raise DatabaseError(
            "unknown sslmode {sslmode!r} in the database address (one of {value})",
            sslmode=sslmode, value=', '.join(_SSLMODES))
    return params


#: The password of a URL's user information (``scheme://user:PASSWORD@host``) and of a
#: ``password=`` parameter.
_URL_PASSWORD = re.compile(r"^[^:/?#]*://(?:[^/?#@:]*):([^/?#]*)@")
_PARAM_PASSWORD = re.compile(r"[?&]password=([^&#]*)")


def mask_password(text: str, url: str) -> str:
    """``text`` (the URL, or a message quoting it) with any password the URL holds
    replaced by ``***``: a refused address is echoed back, and must not show it."""
    secrets = {m.group(1) for rx in (_URL_PASSWORD, _PARAM_PASSWORD)
               for m in rx.finditer(url.strip())}
    for secret in sorted(secrets | {unquote(x) for x in secrets}, key=len, reverse=True):
        if secret:
            text = text.replace(secret, "***")
    return text


def describe(url: str) -> str:
    """The server as a user recognises it: ``host:port/dbname`` (or the service)."""
    try:
        params = parse_url(url)
    except DatabaseError:
        return mask_password(url, url)
    if "service" in params and "host" not in params:
        return f"service {params['service']}"
    host = params.get("host") or "localhost"
    return f"{host}:{params.get('port') or 5432}/{params.get('dbname') or params.get('user', '')}"


def connect(url: str, *, autocommit: bool = False) -> Any:
    """A psycopg connection (UTC session time zone); ServerUnreachableError on failure.

    libpq finds the password itself (``.pgpass``, a service file, ``PGPASSWORD``); only
    when the server asks for one that none of them supplied is the system keyring
    asked (storage/pg_keyring.py), and the connection tried once more with it.
    """
    import psycopg

    params = parse_url(url)
    try:
        return _connect(url, autocommit)
    except psycopg.OperationalError as exc:
        if "no password supplied" not in str(exc):
            raise unreachable(url, exc) from None
        first = exc
    from consultdesk.storage import pg_keyring

    password = pg_keyring.get_password(params)
    if password is None:
        raise unreachable(url, first) from None
    try:
        return _connect(url, autocommit, password=password)
    except psycopg.OperationalError as exc:
        raise unreachable(url, exc) from None


def _connect(url: str, autocommit: bool, **extra: str) -> Any:
    import psycopg
    from psycopg.conninfo import make_conninfo

    # The extra libpq parameters (a password from the keyring) merged into the URL as
    # psycopg.connect would: as keywords they would be checked against its own options.
    return psycopg.connect(make_conninfo(url, **extra), autocommit=autocommit,
                           connect_timeout=CONNECT_TIMEOUT_S,
                           application_name="ConsultDesk",
                           options="-c TimeZone=UTC", keepalives=1,
                           keepalives_idle=_DROPPED_S, keepalives_interval=1,
                           keepalives_count=_DROPPED_S,
                           tcp_user_timeout=_DROPPED_S * 1000)


def unreachable(url: str, exc: BaseException) -> ServerUnreachableError:
    """The one-line error for a server that cannot be reached or refused the login."""
    where = describe(url)
    reason = _first_line(exc)
    lowered = reason.lower()
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        advice = Message("check the user name in the address and the password in ~/.pgpass "
                         "(or PGPASSWORD, or keep it in the system keyring with "
                         "consultdesk team password)")
    elif "does not exist" in lowered and "database" in lowered:
        advice = Message("check the database name in the address, or ask for it to be created")
    elif "ssl" in lowered or "certificate" in lowered:
        advice = Message("check the sslmode in the address and the server's certificate")
    else:
        # Where the address comes from in the app as well as in a command (one settings
        # file): the start-up dialog showed only the command line's words.
        advice = Message("check that the server is running, its address (Preferences ▸ Team "
                         "database, --database or CONSULTDESK_DATABASE) and your network")
    return ServerUnreachableError(
        "cannot reach the team database server {where} ({reason}); {advice}",
        reason=reason, advice=advice, where=where)


def lost(url: str, exc: BaseException) -> ServerUnreachableError:
    """The error for a connection that broke in use (the server went away)."""
    where = describe(url)
    return ServerUnreachableError(
        "the connection to the team database server {where} was lost ({value}); check that the "
        "server is running and your network",
        value=_first_line(exc), where=where)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # libpq prefixes the address ('connection to server at "x" (1.2.3.4), port 5432
    # failed: Connection refused'): keep what failed.
    line = lines[0] if lines else exc.__class__.__name__
    return line.split("failed: ", 1)[-1] if "failed: " in line else line
