"""Indonesian number and date formats."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..site.vocab import MONTHS, ZONES


def parse_number(text: str) -> float:
    """`1.527.000` -> 1527000.0, `-0,46` -> -0.46, `+85,00` -> 85.0 (dots group, comma is decimal)."""
    return float(text.replace(".", "").replace(",", "."))


def parse_date(fields: dict[str, str | None]) -> datetime | None:
    """A timezone-aware datetime from the named groups of `DATE_LINE` (WIB when unsaid)."""
    try:
        month = MONTHS[(fields["month"] or "").lower()]
        tz = timezone(timedelta(hours=ZONES.get((fields.get("zone") or "WIB").upper(), 7)))
        return datetime(
            int(fields["year"] or 0), month, int(fields["day"] or 0),
            int(fields["hour"] or 0), int(fields["minute"] or 0), tzinfo=tz,
        )
    except (KeyError, ValueError):
        return None
