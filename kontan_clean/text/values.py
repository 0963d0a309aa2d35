"""Indonesian number and date formats."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..site.vocab import ENGLISH_MONTHS, MONTHS, ZONES


def parse_number(text: str) -> float:
    """`1.527.000` -> 1527000.0, `-0,46` -> -0.46, `+85,00` -> 85.0 (dots group, comma is decimal)."""
    return float(text.replace(".", "").replace(",", "."))


def parse_date(fields: dict[str, str | None]) -> datetime | None:
    """A timezone-aware datetime from the named groups of `DATE_LINE` or `ENGLISH_DATE_LINE`
    (WIB when unsaid; `ampm` for a 12-hour clock)."""
    try:
        name = (fields["month"] or "").lower()
        month = MONTHS.get(name) or ENGLISH_MONTHS[name]
        tz = timezone(timedelta(hours=ZONES.get((fields.get("zone") or "WIB").upper(), 7)))
        hour = int(fields["hour"] or 0)
        if ampm := (fields.get("ampm") or "").upper().replace(".", ""):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm == "PM" else 0)
        return datetime(
            int(fields["year"] or 0), month, int(fields["day"] or 0), hour, int(fields["minute"] or 0), tzinfo=tz,
        )
    except (KeyError, ValueError):
        return None
