"""A writer process for the race test: writes the same answers forever, reporting each
write after it returned ("S" saved, "C" refused as a conflict).

    python race_writer.py DATA_DIR RESPONSE_ID WORKER SEED

Two kinds of write, at random: the real CLI (``consultdesk set``, an explicit overwrite,
its own context each time) and a window's versioned save (read the version, wait a
little as a person types, save on that base; each save a writer of its own).
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
    ctx = AppContext.open(data)
    tmp = Path(tempfile.mkdtemp(prefix="race-writer-"))
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    seq = 0
    while True:
        seq += 1
        qid = rng.choice(QUESTIONS)
        text = f"worker {worker} seed {seed} write {seq}\n"
        if rng.random() < 0.3:
            answers = tmp / f"{seq}.json"
            answers.write_text(json.dumps({"answers": {qid: text}}), encoding="utf-8")
            with redirect_stdout(io.StringIO()):
                code = cli_main(["--data-dir", str(data), "set", rid, "--json",
                                 "--answers", str(answers)])
            if code == 0:
                out.write(f"S {qid} {json.dumps(text)}\n")
                out.flush()
            continue
        base = ctx.responses.answer_versions(rid).get(qid, 0)
        time.sleep(rng.uniform(0, 0.05))
        result = ctx.responses.save_answer(
            rid, qid, text, base_version=base,
            author=Author(WriterKind.APP, f"window {worker}.{seed}.{seq}"))
        out.write(f"{'S' if result.saved else 'C'} {qid} {json.dumps(text)}\n")
        out.flush()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
