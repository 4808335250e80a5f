"""Dates, times and numbers as the interface language writes them.

Every date, time, count and percentage the interface shows goes through here, so it
follows the default locale (``QLocale.setDefault``, set with the language): Vietnamese
writes 21/11/2026, 14:05 and 1.234,5; English (British) 21/11/2026, 14:05 and
1,234.5. Times are
shown in the computer's local time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

_FALLBACK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _locale() -> QLocale:
    """The default locale, as set with the language; British English before any is set
    (the "C" locale writes dates no one reads)."""
    locale = QLocale()
    return _FALLBACK if locale.language() == QLocale.Language.C else locale


def _date_format(locale: QLocale) -> str:
    """The locale's short date format, with two-digit days and months and the year in four
    digits, as official papers write them (05/01/2027)."""
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    text = re.sub(r"(?<!d)d(?!d)", "dd", re.sub(r"(?<!M)M(?!M)", "MM", text))
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def date_text(day: date) -> str:
    """A calendar date: 21/11/2026."""
    locale = _locale()
    return locale.toString(QDate(day.year, day.month, day.day), _date_format(locale))


def time_text(moment: datetime, seconds: bool = False) -> str:
    """A time of day in local time: 14:05 (14:05:09 with ``seconds``)."""
    local = moment.astimezone() if moment.tzinfo else moment
    locale = _locale()
    layout = locale.timeFormat(QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat)
    if seconds:
        # The long format names the time zone; the interface never does.
        layout = layout.replace(" t", "").replace("t", "").strip()
    return locale.toString(QTime(local.hour, local.minute, local.second), layout)


def date_time_text(moment: datetime, seconds: bool = False) -> str:
    """A date and time in local time: 21/11/2026 14:05."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{date_text(local.date())} {time_text(local, seconds)}"


def number_text(value: int | float, decimals: int = 0) -> str:
    """A count or a measure with the locale's separators: 1.234 or 1,234."""
    locale = _locale()
    if isinstance(value, int) and not decimals:
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)


def percent_text(value: float, decimals: int = 0) -> str:
    """A percentage (``value`` 0–100): "42 %" / "42%"."""
    number = number_text(value, decimals)
    return f"{number} %" if _locale().language() == QLocale.Language.Vietnamese else f"{number}%"
