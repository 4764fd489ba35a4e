"""When a reminder is due (a pure function; the task applies it every day).

Milestones: the start (or the day a late joiner was added), 7 days and 1 day before the due
date, the due date itself; each is sent at most once and a missed one is superseded by the
next. After the due date: weekly while overdue. The one-message-a-day cap is enforced by the
database (a unique constraint on recipient and day).
"""

from __future__ import annotations

import datetime as dt

START = "start"
WEEK_BEFORE = "7d"
DAY_BEFORE = "1d"
DUE = "due"
OVERDUE = "overdue"


def reminder_kind(
    *, today: dt.date, start: dt.date, due: dt.date, sent_kinds: set[str], last_sent: dt.date | None
) -> str | None:
    if today < start:
        return None
    if today > due:
        if last_sent is None or (today - last_sent).days >= 7:
            return OVERDUE
        return None
    milestones = sorted(
        [
            (start, 0, START),
            (due - dt.timedelta(days=7), 1, WEEK_BEFORE),
            (due - dt.timedelta(days=1), 2, DAY_BEFORE),
            (due, 3, DUE),
        ]
    )
    reached = [kind for day, _order, kind in milestones if start <= day <= today or kind == START]
    latest = reached[-1]
    return None if latest in sent_kinds else latest


def escalation_due(*, today: dt.date, due: dt.date, last_escalated: dt.date | None) -> bool:
    """The head hears about late staff the day after the due date, then weekly."""
    if today <= due:
        return False
    return last_escalated is None or (today - last_escalated).days >= 7
