"""The choices the settings form offers: currencies, months and business stages."""

from __future__ import annotations

from planner import Stage

# Common ISO 4217 codes, the plan's usual ones first; any other ISO 4217 code may be typed.
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "INR", "BRL",
    "SGD", "ZAR", "JPY", "KRW",
)  # fmt: skip

MONTH_NAMES: list[tuple[str, int]] = [
    (name, number)
    for number, name in enumerate(
        (
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ),
        start=1,
    )
]  # fmt: skip

STAGE_TITLES: list[tuple[str, str]] = [
    ("Startup", Stage.STARTUP.value),
    ("Scaling", Stage.SCALING.value),
    ("Established", Stage.ESTABLISHED.value),
]
