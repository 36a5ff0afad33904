"""How the library words statuses, deadlines, progress and times (all translatable)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime

from consultdesk.domain.response import UNREADABLE_TITLE, ResponseStatus
from consultdesk.services.records import ResponseSummary


class Library(QObject):
    """The plural forms of the library's wording (translation context "Library").

    They go through ``self.tr`` because pyside6-lupdate only records a plural form
    ("%n day(s)") from a ``tr()`` call, not from ``QCoreApplication.translate``.
    """

    def days_overdue(self, n: int) -> str:
        """"3 days overdue"."""
        return self.tr("%n day(s) overdue", "", n)

    def days_left(self, n: int) -> str:
        """"5 days left"."""
        return self.tr("%n day(s) left", "", n)

    def over_limit(self, n: int) -> str:
        """", 2 over the limit"."""
        return self.tr(", %n over the limit", "", n)


_PLURALS = Library()


def status_label(status: ResponseStatus) -> str:
    """A status as the user reads it."""
    labels = {
        ResponseStatus.DRAFT: QCoreApplication.translate("Library", "Draft"),
        ResponseStatus.IN_REVIEW: QCoreApplication.translate("Library", "In review"),
        ResponseStatus.FINAL: QCoreApplication.translate("Library", "Final"),
        ResponseStatus.SUBMITTED: QCoreApplication.translate("Library", "Submitted"),
    }
    return labels.get(status, status.value)


def date_format() -> str:
    """The Qt date format of the UI language (for labels and date editors)."""
    # The format itself is translatable: "d MMM yyyy" in English, "yyyy年M月d日" in Japanese.
    return QCoreApplication.translate("Library", "d MMM yyyy")


def format_date(value: date) -> str:
    """A date in the UI language's usual written form."""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def days_left(deadline: date, today: date) -> int:
    """Whole days from ``today`` to ``deadline`` (negative when past)."""
    return (deadline - today).days


def deadline_text(deadline: date | None, today: date) -> str:
    """"12 Mar 2026 · 5 days left", "… · due today", "… · 3 days overdue", or a dash."""
    if deadline is None:
        return "—"
    return f"{format_date(deadline)} · {deadline_hint(deadline, today)}"


def deadline_hint(deadline: date, today: date) -> str:
    """Only the relative part of :func:`deadline_text`."""
    n = days_left(deadline, today)
    if n == 0:
        return QCoreApplication.translate("Library", "due today")
    if n < 0:
        return _PLURALS.days_overdue(-n)
    return _PLURALS.days_left(n)


def progress_text(answered: int, total: int, over: int) -> str:
    """"7 of 12 answered" plus ", 2 over the limit" when some are."""
    text = QCoreApplication.translate("Library", "%1 of %2 answered").replace(
        "%1", str(answered)).replace("%2", str(total))
    if over:
        text += _PLURALS.over_limit(over)
    return text


def edited_text(when: datetime, now: datetime | None = None) -> str:
    """"Today 14:02", "Yesterday 09:10" or the date, in local time."""
    local = _local(when)
    now_local = _local(now) if now is not None else datetime.now().astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), "HH:mm")
    delta = (now_local.date() - local.date()).days
    if delta == 0:
        return QCoreApplication.translate("Library", "Today %1").replace("%1", time)
    if delta == 1:
        return QCoreApplication.translate("Library", "Yesterday %1").replace("%1", time)
    return format_date(local.date())


def full_timestamp(when: datetime) -> str:
    """The local date and time to the minute ("23 Nov 2026 14:02"), for tooltips and lists."""
    local = _local(when)
    time = QLocale().toString(QTime(local.hour, local.minute), "HH:mm")
    return f"{format_date(local.date())} {time}"


def _local(when: datetime) -> datetime:
    # Stored times are UTC; naive ones are taken as UTC too.
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone()


_YEAR = re.compile(r"\b(19|20)\d\d\b")


def title_text(summary: ResponseSummary) -> str:
    """A response's title as listed; one that cannot be read is said in the ui's language."""
    if summary.problem is not None and summary.title == UNREADABLE_TITLE:
        return QCoreApplication.translate("Library", "(title unreadable)")
    return summary.title


def duplicate_title(title: str, today: date) -> str:
    """This year's title for a copy: last year's number bumped, or "(copy)" added."""
    years = [int(m.group(0)) for m in _YEAR.finditer(title)]
    if years and max(years) < today.year:
        latest = str(max(years))
        return _YEAR.sub(lambda m: str(today.year) if m.group(0) == latest else m.group(0),
                         title)
    return QCoreApplication.translate("Library", "%1 (copy)").replace("%1", title)
