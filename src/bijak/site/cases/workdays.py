"""Working days in Indonesia: weekends, national holidays and cuti bersama off.

National holidays and joint leave days ("Joint Holiday") come from the kept `holidays` library
(categories public and government); extra days off come from `data/extra-days-off.yaml` and
from the `DayOff` table an administrator extends. No Django here except what the caller passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import holidays

from bijak.policy.validate import PolicyIssue, line_of, parse_yaml

EXTRA_FILE = Path(__file__).with_name("data") / "extra-days-off.yaml"


class DaysOffError(ValueError):
    """An extra-days-off file that cannot be used; the message names line and field."""


def parse_days_off(text: str, *, source: str = "extra-days-off.yaml") -> frozenset[dt.date]:
    parsed, issues = parse_yaml(text)
    if parsed is None:
        raise DaysOffError(issues[0].format(source))
    data, root = parsed.data, parsed.root
    if not isinstance(data, dict) or not isinstance(data.get("days", []), list):
        raise DaysOffError(PolicyIssue(line_of(root, []), "days", "must be a list").format(source))
    out: set[dt.date] = set()
    for i, item in enumerate(data.get("days") or []):
        raw = item.get("date") if isinstance(item, dict) else None
        try:
            day = dt.date.fromisoformat(str(raw))
        except ValueError:
            issue = PolicyIssue(
                line_of(root, ["days", i, "date"]),
                f"days[{i}].date",
                f"{raw!r} is not a date (YYYY-MM-DD)",
            )
            raise DaysOffError(issue.format(source)) from None
        out.add(day)
    return frozenset(out)


@lru_cache(maxsize=64)
def _national_days_off(years: tuple[int, ...]) -> frozenset[dt.date]:
    """National holidays and cuti bersama of `years` (the library's tables do not change while
    the process runs; building them is most of a deadline's cost)."""
    table = holidays.country_holidays("ID", years=list(years), categories=("public", "government"))
    return frozenset(table)


@dataclass(frozen=True)
class WorkCalendar:
    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)

    def _holidays(self, years: Iterable[int]) -> frozenset[dt.date]:
        return _national_days_off(tuple(sorted(set(years))))

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() < 5
            and day not in self._holidays([day.year])
            and day not in self.extra_days_off
        )

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The `n`-th working day after `start` (start itself not counted)."""
        day, left = start, n
        years = {start.year, start.year + 1, start.year + 2}
        off = self._holidays(years)
        while left > 0:
            day += dt.timedelta(days=1)
            if day.year not in years:
                years |= {day.year}
                off = self._holidays(years)
            if day.weekday() < 5 and day not in off and day not in self.extra_days_off:
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        if end <= start:
            return 0
        off = self._holidays(range(start.year, end.year + 1))
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if day.weekday() < 5 and day not in off and day not in self.extra_days_off:
                count += 1
        return count


def shipped_days_off() -> frozenset[dt.date]:
    """The extra days off of `data/extra-days-off.yaml`, parsed again when the file changes."""
    stat = EXTRA_FILE.stat()
    return _days_off_file(str(EXTRA_FILE), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _days_off_file(path: str, mtime_ns: int, size: int) -> frozenset[dt.date]:
    text = Path(path).read_text(encoding="utf-8")
    return parse_days_off(text, source=Path(path).name)
