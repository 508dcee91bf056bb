"""Whatever value of a setting the plan takes, the Plan settings page shows it as it is: no
crash (a spin box holds 32-bit numbers) and no value clamped to the field's range, which
leaving the field would then have written back (found by the content property of issue 15:
10**15 MQLs a month was taken, and the page crashed on it)."""

from __future__ import annotations

import contextlib

import pytest
from settings_support import show_settings_page, widget_of

from planner import Plan, ValidationError
from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.validation import MAX_NUMBER
from ui.document import PlanDocument

# For each field, the values a plan might be asked to take at the top of its range.
CANDIDATES = [
    ("handoff", "mqls_per_month", value)
    for value in (MAX_MQLS_PER_MONTH, MAX_MQLS_PER_MONTH + 1, 2**31, MAX_NUMBER)
] + [
    (service, field, value)
    for service, field, limit in (
        ("handoff", "followup_hours", MAX_FOLLOWUP_HOURS),
        ("funnel", "min_return_ratio", MAX_RETURN_RATIO),
    )
    for value in (limit, limit + 1, 2**31, MAX_NUMBER)
]


@pytest.mark.parametrize(("service", "field", "value"), CANDIDATES)
def test_the_value_a_plan_holds_is_shown_as_it_is(qtbot, qapp, service, field, value):
    plan = Plan.in_memory()
    with contextlib.suppress(ValidationError):  # refused: the plan keeps its own value
        getattr(plan, service).update(**{field: value})
    held = getattr(getattr(plan, service).get(), field)
    document = PlanDocument(plan)
    try:
        page = show_settings_page(qtbot, document)
        page.fields[field].finished.emit()  # leaving the field as it is shown

        assert widget_of(page, field).value() == pytest.approx(held)
        assert document.undo_stack.count() == 0
    finally:
        document.close()
