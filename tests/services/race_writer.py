"""A writer process for the race test: writes the same answers forever, reporting each
write after it returned ("S" saved, "C" refused as a conflict).

    python race_writer.py DATA_DIR RESPONSE_ID WORKER SEED

Worker 0 is the real CLI (``consultdesk set``, an explicit overwrite, its own context
each time); the others are windows' versioned saves (read the version, wait a little as
a person types, save on that base; each save a writer of its own).
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

from consultdesk.app_context import AppContext
from consultdesk.cli.main import main as cli_main
from consultdesk.domain.authorship import Author, WriterKind

QUESTIONS = ("q1", "q2", "q3")


def main() -> None:
    """Write until killed."""
    data, rid, worker, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    # One role per process: the CLI opens a context of its own for every command, and a
    # process must not open the database file again while it has a connection to it
    # (closing any descriptor of the file drops SQLite's POSIX locks for the process).
    cli = worker == 0
    ctx = None if cli else AppContext.open(data)
    tmp = Path(tempfile.mkdtemp(prefix="race-writer-"))
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    seq = 0
    while True:
        seq += 1
        qid = rng.choice(QUESTIONS)
        text = f"worker {worker} seed {seed} write {seq}\n"
        if cli:
            answers = tmp / f"{seq}.json"
            answers.write_text(json.dumps({"answers": {qid: text}}), encoding="utf-8")
            with redirect_stdout(io.StringIO()):
                code = cli_main(["--data-dir", str(data), "set", rid, "--json",
                                 "--answers", str(answers)])
            if code == 0:
                out.write(f"S {qid} {json.dumps(text)}\n")
                out.flush()
            continue
        assert ctx is not None
        base = ctx.responses.answer_versions(rid).get(qid, 0)
        time.sleep(rng.uniform(0, 0.1))
        result = ctx.responses.save_answer(
            rid, qid, text, base_version=base,
            author=Author(WriterKind.APP, f"window {worker}.{seed}.{seq}"))
        out.write(f"{'S' if result.saved else 'C'} {qid} {json.dumps(text)}\n")
        out.flush()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
