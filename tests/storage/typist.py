"""A child process for the crash test: someone typing non-stop into one answer through
the real autosave (Qt timers, the versioned save), reporting each keystroke.

    python typist.py DATA_DIR RESPONSE_ID QUESTION_ID

Prints "n t" after keystroke n (t: time.monotonic()) was handed to the autosave; the
answer's text is the tokens "00000 00001 ..." so what reached the database tells which
keystroke it had got to.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.ui.response_window.autosave import Autosaver

KEYSTROKE_MS = 30  # about 33 characters a second: a fast typist


def main() -> None:
    """Type until killed."""
    data, rid, qid = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QCoreApplication([])
    ctx = AppContext.open(data)
    versions = ctx.responses.answer_versions(rid)
    saver = Autosaver(ctx.responses, rid, versions=versions,
                      author=Author(WriterKind.APP, "typist"))
    existing = ctx.responses.load(rid).answers.get(qid)
    tokens = existing.split() if isinstance(existing, str) else []
    counter = [int(tokens[-1]) + 1 if tokens else 0]

    def keystroke() -> None:
        n = counter[0]
        counter[0] += 1
        tokens.append(f"{n:05d}")
        saver.queue_answer(qid, " ".join(tokens))
        sys.stdout.write(f"{n} {time.monotonic():.4f}\n")
        sys.stdout.flush()

    timer = QTimer(interval=KEYSTROKE_MS)
    timer.timeout.connect(keystroke)
    timer.start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    app.exec()


if __name__ == "__main__":
    main()
