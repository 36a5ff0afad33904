"""Several ConsultDesks writing one team database at once (real processes on a real
server): a read-then-write never loses another process's change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from consultdesk.app_context import AppContext

SR = "sr-expression-call-2026"
WRITER = """
import sys
from consultdesk.app_context import AppContext
ctx = AppContext.open(sys.argv[1], sys.argv[2])
rid, field = sys.argv[3], sys.argv[4]
for i in range(25):
    ctx.responses.save_respondent(rid, field, f"{field} {i}")
ctx.close()
"""


def test_concurrent_read_modify_writes_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    ctx = AppContext.open(tmp_path / "setup", pg_url)
    rid = ctx.responses.create(SR)
    fields = [f.id for f in ctx.responses.load(rid).questionnaire.respondent_fields
              if not f.choices][:4]
    assert len(fields) >= 2
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / f"w{i}"), pg_url,
                               rid, field], stderr=subprocess.PIPE, text=True)
             for i, field in enumerate(fields)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * len(procs), errors
    # Each process merged its own field into the same JSON object 25 times: with
    # writers not serialised, one's read-then-write would drop another's field.
    assert ctx.responses.load(rid).respondent == {f: f"{f} 24" for f in fields}
    ctx.close()
