"""Reading a user's input file, safely: regular files only, capped by what is read.

Every file a user names (an answers file, a definition, a Word document, a
template, a backup to restore) goes through here.  A size check on ``stat()`` is
not a cap (``/dev/zero`` says it holds 0 bytes and never ends; a FIFO blocks the
reader until someone writes), so the file is opened without blocking, must be a
regular file, and is read in chunks that stop one byte past the cap.  Parsing
that can blow past Python's limits (deep nesting, huge integers) is guarded here
too, so every parser error is a user's one-line message.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from consultdesk.domain.errors import ConsultDeskError, Message

_CHUNK = 1024 * 1024
# Opening a FIFO for reading blocks until a writer opens it; O_NONBLOCK returns at once
# (and makes no difference to a regular file).  Not defined on Windows, which has no FIFOs.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


#: Files this process has SQLite connections to: (device, inode) -> how many holders.
#: POSIX locks belong to the process, and closing ANY descriptor of a file drops all of
#: them, so reading such a file here (open, read, close) would silently take the locks
#: away from the process's own connections.  The state is per process because the locks
#: are; ``storage.database`` registers the file it opens and releases it on close.
_HELD: dict[tuple[int, int], int] = {}


def hold(path: Path) -> tuple[int, int] | None:
    """Note that this process now holds a connection to ``path``; the key to release."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (st.st_dev, st.st_ino)
    _HELD[key] = _HELD.get(key, 0) + 1
    return key


def release(key: tuple[int, int] | None) -> None:
    """Undo one :func:`hold`."""
    if key is not None and key in _HELD:
        _HELD[key] -= 1
        if _HELD[key] <= 0:
            del _HELD[key]


def _kind(mode: int) -> Message:
    """What a non-regular file is, in a user's words."""
    if stat.S_ISDIR(mode):
        return Message("a folder")
    if stat.S_ISFIFO(mode):
        return Message("a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("a device")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    return Message("not a regular file")


def _errno_words() -> dict[int, Message]:
    """Our wording of the errno values a user meets (platform-specific ones if defined)."""
    words: dict[int, Message] = {}
    for names, message in (
        (("ENOENT",), Message("no such file or folder")),
        (("EACCES", "EPERM"), Message("permission denied")),
        (("ENOSPC", "EDQUOT"), Message("the disk is full")),
        (("EROFS",), Message("the disk is read-only")),
        (("EISDIR",), Message("it is a folder")),
        (("ENOTDIR",), Message("a part of the path is not a folder")),
        (("ENAMETOOLONG",), Message("the name is too long")),
        (("EIO",), Message("an input/output error (check the disk or the network share)")),
        (("EBUSY", "ETXTBSY"), Message("the file is in use")),
        (("ELOOP",), Message("too many symbolic links")),
        (("EEXIST",), Message("a file or folder of that name already exists")),
        (("ENOTEMPTY",), Message("the folder is not empty")),
        (("EXDEV",), Message("it cannot be moved to another disk in one step")),
        (("EFBIG",), Message("the file is too large for this disk")),
        (("EMFILE", "ENFILE"),
         Message("too many files are open; close some programs and try again")),
        (("ENOMEM",), Message("there is not enough memory")),
        (("EAGAIN", "EWOULDBLOCK"), Message("the file is busy; try again in a moment")),
        (("EINTR",), Message("the operation was interrupted; try again")),
        (("ENXIO", "ENODEV"), Message("the device is not available (a disk removed?)")),
        (("ESTALE",),
         Message("the network share was changed or disconnected; open the folder again")),
        (("ETIMEDOUT",), Message("the connection timed out")),
        (("ECONNREFUSED",), Message("the connection was refused")),
        (("ECONNRESET", "ECONNABORTED", "EPIPE"), Message("the connection was broken")),
        (("ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"),
         Message("the network cannot be reached")),
    ):
        for name in names:
            number = getattr(errno, name, None)
            if number is not None:
                words.setdefault(number, message)
    return words


#: errno -> our wording (a Message: translated like any other).
_ERRNO_WORDS = _errno_words()


def os_reason(exc: BaseException) -> Message:
    """Why an operating-system call failed, in our words (translated like any message).

    The common errno values get a template each; for the rest a sentence of ours that
    keeps the system's own (English) text, and its number, as a detail for support.
    """
    number = exc.errno if isinstance(exc, OSError) else None
    if number is not None and number in _ERRNO_WORDS:
        return _ERRNO_WORDS[number]
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if number is not None:
        return Message("error {number} from the system: {detail}", number=number,
                       detail=detail or errno.errorcode.get(number, "?"))
    return Message("an error from the system: {detail}", detail=detail or type(exc).__name__)


def _os_reason(exc: OSError | ValueError) -> Message:
    """Why opening a file failed, said after its name (never "read-only" for "cannot read")."""
    if isinstance(exc, ValueError):  # a NUL in the name
        return Message(": the name is not a valid file name")
    if isinstance(exc, FileNotFoundError):
        return Message(" does not exist")
    if isinstance(exc, NotADirectoryError):
        return Message(" does not exist (a part of the path is a file, not a folder)")
    if isinstance(exc, PermissionError):
        return Message(" cannot be read (permission denied)")
    return Message(" cannot be read ({reason})", reason=os_reason(exc))


def require_regular_file(path: Path, error: type[ConsultDeskError], what: str | Message, *,
                         name: str | Message | None = None) -> os.stat_result:
    """The file's status if it is an existing regular file (following symlinks), else ``error``.

    For inputs handed to another library by path (SQLite for a backup to restore):
    they must never be a folder, a device or a FIFO.
    """
    label = name or str(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise error(
            "{label}{value}",
            label=label, value=_os_reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise error(
            "{label} is {value}, not {what}",
            label=label, value=_kind(st.st_mode), what=what)
    return st


def read_capped(
    path: Path,
    max_bytes: int,
    error: type[ConsultDeskError],
    what: str | Message,
    *,
    name: str | Message | None = None,
    too_large_error: type[ConsultDeskError] | None = None,
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ``error`` otherwise.

    Never blocks (a FIFO is refused, not waited on) and never reads more than
    ``max_bytes + 1`` bytes, whatever the file claims its size is.  Messages name the
    file (``name`` or the path) and say what it was meant to be, e.g.
    "x.json: the file is too large for an answers file".
    """
    label = name or str(path)
    too_large = (too_large_error or error)(
        "{label}: the file is too large for {what}",
        label=label, what=what)
    try:
        held = os.stat(path)
    except (OSError, ValueError):
        pass  # said by the open below
    else:
        if (held.st_dev, held.st_ino) in _HELD:
            # Never opened: closing it again would drop our own connections' locks.
            raise error("{label} is the database ConsultDesk has open, not {what}",
                        label=label, what=what)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise error(
            "{label}{value}",
            label=label, value=_os_reason(exc)) from None
    try:
        try:
            st = os.fstat(fd)
        except OSError as exc:
            raise error(
                "{label}{value}",
                label=label, value=_os_reason(exc)) from None
        if not stat.S_ISREG(st.st_mode):
            raise error(
                "{label} is {value}, not {what}",
                label=label, value=_kind(st.st_mode), what=what)
        if st.st_size > max_bytes:
            raise too_large
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            except OSError as exc:
                raise error(
                    "{label}{value}",
                    label=label, value=_os_reason(exc)) from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew, or lied about its size
                raise too_large
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text_capped(path: Path, max_bytes: int, error: type[ConsultDeskError], what: str | Message,
                     *, name: str | Message | None = None) -> str:
    """A capped UTF-8 text file (a BOM is dropped); ``error`` if it is not UTF-8."""
    raw = read_capped(path, max_bytes, error, what, name=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            "{label}: not a UTF-8 text file (byte {byte} is not UTF-8)",
            label=name or path, byte=exc.start + 1) from None


def parse_json(text: str, error: type[ConsultDeskError], label: str) -> Any:
    """``json.loads`` whose every failure is ``error`` (syntax, nesting too deep, huge numbers)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            "{label}: not valid JSON: {msg} at line {lineno} column {colno}",
            label=label, msg=exc.msg, lineno=exc.lineno, colno=exc.colno) from None
    except RecursionError:
        raise error(
            "{label}: the JSON is nested too deeply",
            label=label) from None
    except ValueError:  # an integer past Python's digit limit
        raise error(
            "{label}: the JSON holds a number too long to read (over {value} digits)",
            label=label, value=_max_digits()) from None


def parse_toml(text: str, error: type[ConsultDeskError], label: str) -> dict[str, Any]:
    """``tomllib.loads`` whose every failure is ``error`` (syntax, nesting, huge numbers)."""
    import tomllib  # here: only definition files are TOML, and most runs read none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(
            "{label}: not valid TOML: {exc}",
            label=label, exc=exc) from None
    except RecursionError:
        raise error(
            "{label}: the TOML is nested too deeply",
            label=label) from None
    except ValueError:
        raise error(
            "{label}: the TOML holds a number too long to read (over {value} digits)",
            label=label, value=_max_digits()) from None


def _max_digits() -> str:
    """Python's cap on the digits of an integer read from text (4,300 by default)."""
    limit = sys.get_int_max_str_digits()
    return f"{limit:,}" if limit else "some thousand"


# -- writing: temporary files that are never left behind ------------------------------

#: Every temporary file ConsultDesk writes ends so; the name carries the writer's pid.
PARTIAL_SUFFIX = ".consultdesk-partial"
#: A partial file older than this is stale whoever wrote it (no write takes a day).
_STALE_AFTER_S = 24 * 3600


def partial_path(target: Path) -> Path:
    """Where to write ``target`` before renaming it into place (same folder, so the
    rename is atomic; recognisable, so a killed writer's file is cleared next time)."""
    return target.with_name(f".{target.name[:120]}.{os.getpid()}{PARTIAL_SUFFIX}")


def _writer_alive(pid: int) -> bool:
    """Whether the process that wrote a partial file may still be writing it."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate it there: rely on the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale_partials(folder: Path) -> list[Path]:
    """Remove the partial files in ``folder`` whose writer is gone; the ones removed."""
    removed: list[Path] = []
    try:
        names = {p.name: p for p in folder.iterdir()}
    except OSError:
        return removed
    # A partial database copy killed mid-write also leaves its rollback journal (or WAL)
    # beside it: the journal is judged by the partial it belongs to.
    candidates = [p for n, p in names.items()
                  if n.endswith(PARTIAL_SUFFIX)
                  or any(n.endswith(PARTIAL_SUFFIX + s) for s in _JOURNAL_SUFFIXES)]
    now = time.time()
    for path in candidates:
        base = path.name
        for suffix in _JOURNAL_SUFFIXES:
            if base.endswith(PARTIAL_SUFFIX + suffix):
                base = base[: -len(suffix)]
        try:
            pid = int(base[: -len(PARTIAL_SUFFIX)].rsplit(".", 1)[1])
        except (IndexError, ValueError):
            pid = -1
        try:
            age = now - path.lstat().st_mtime
            if pid == os.getpid():
                continue  # this process's own, perhaps being written right now
            if age > _STALE_AFTER_S or pid <= 0 or not _writer_alive(pid):
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


_JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


def check_output_target(path: Path, error: type[ConsultDeskError], what: str | Message, *,
                        protected: tuple[Path, ...] = ()) -> None:
    """Refuse, before any work, a target that must not be written or replaced.

    Never a folder, a device or a FIFO (replacing /dev/null as root would be a
    disaster); never a live SQLite database or one of its journals; never one of the
    ``protected`` files (the open data folder's database, however it is reached:
    symlinks and hard links are compared by device and inode).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise error("{path}{reason}", path=path, reason=_os_reason(exc)) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise error("{path} is a folder; choose a file name for {what}", path=path, what=what)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise error("{path} is {kind}; choose a file name for {what}", path=path,
                    kind=_kind(st.st_mode), what=what)
    real = Path(os.path.realpath(path))
    for guarded in protected:
        same_name = Path(os.path.realpath(guarded)) == real
        same_file = False
        if st is not None:
            try:
                g = os.stat(guarded)
                same_file = (g.st_dev, g.st_ino) == (st.st_dev, st.st_ino)
            except OSError:
                pass
        if same_name or same_file:
            raise error("{path} is ConsultDesk's own database ({name}); writing {what} there "
                        "would destroy it. Choose another file name.", path=path,
                        name=guarded.name, what=what)
    if st is not None and (st.st_dev, st.st_ino) in _HELD:
        # Checked before anything opens the file to look at it (the export reads a
        # target's first bytes): closing that descriptor would drop our own locks.
        raise error("{path} is a database ConsultDesk has open; writing {what} there would "
                    "destroy it. Choose another file name.", path=path, what=what)
    for suffix in _JOURNAL_SUFFIXES:
        if real.name.endswith(suffix) and real.with_name(real.name[: -len(suffix)]).exists():
            raise error("{path} is the {journal} journal of the database {name}; choose "
                        "another file name for {what}", path=path, journal=suffix[1:],
                        name=real.name[: -len(suffix)], what=what)
        if st is not None and real.with_name(real.name + suffix).exists() and suffix != "-journal":
            raise error("{path} is a database in use (its {journal} file is beside it); "
                        "choose another file name for {what}", path=path, journal=suffix[1:],
                        what=what)
    if not real.parent.is_dir():
        raise error("the folder {folder} does not exist; choose another place for {what}",
                    folder=real.parent, what=what)
