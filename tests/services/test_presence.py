"""Presence on both engines: who has a response open and on which question; the row of
a window that vanished without a word ages out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from consultdesk.app_context import AppContext
from consultdesk.services import presence as presence_module

OHCHR = "ohchr-civic-space-2021"


def test_others_see_who_is_editing_what(context: AppContext) -> None:
    rid = context.responses.create(OHCHR)
    service = context.presence
    mine, sato = service.new_session(), service.new_session()
    service.refresh(sato, rid, "q3", "Sato")
    service.refresh(mine, rid, "q1", "Tanaka")
    assert [(e.name, e.question_id) for e in service.others(rid, mine)] == [("Sato", "q3")]
    assert [(e.name, e.question_id) for e in service.others(rid, sato)] == [("Tanaka", "q1")]
    service.refresh(sato, rid, "q4", "Sato")  # moved on to another question
    assert [e.question_id for e in service.others(rid, mine)] == ["q4"]
    other = context.responses.create(OHCHR)
    assert service.others(other, mine) == []
    service.leave(sato)
    assert service.others(rid, mine) == []


def test_a_window_that_stops_refreshing_ages_out(context: AppContext,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rid = context.responses.create(OHCHR)
    service = context.presence
    service.refresh("crashed", rid, "q2", "Sato")
    assert len(service.others(rid, "me")) == 1
    # As if TTL had passed since the crashed window's last refresh.
    monkeypatch.setattr(presence_module, "TTL", timedelta(seconds=-1))
    assert service.others(rid, "me") == []


def test_the_database_role_is_recorded_on_a_team_database(context: AppContext) -> None:
    rid = context.responses.create(OHCHR)
    context.presence.refresh("w", rid, None, "")
    (editor,) = context.presence.others(rid, "me")
    expected = context.database.role() or None
    assert editor.role == expected
    # No user name set: the role names the person (or "someone" on a file).
    assert editor.name == (expected or "someone")
