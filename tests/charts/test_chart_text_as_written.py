"""Names from the plan are drawn as written on every chart: a "$" never starts matplotlib's
maths mode, so "$x^2$" is not drawn as x squared, and a lone "$" shows no backslash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from planner.analysis import Analysis
from planner.charts import KINDS, build_chart
from planner.demo import build_demo
from planner.plan import Plan

MATHS = "$x^2$ deals"
DOLLAR = "50$ off"


@pytest.fixture(scope="module")
def dollar_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The demo plan, its initiatives, people, segments and channels named with "$"."""
    original = build_demo(tmp_path_factory.mktemp("dollars") / "original.smplan")
    path = Path(shutil.copy(original, original.with_name("dollars.smplan")))
    plan = Plan.open(path)
    for n, initiative in enumerate(plan.initiatives.list()):
        plan.initiatives.update(initiative.id, name=f"{MATHS} {n}" if n % 2 else f"{DOLLAR} {n}")
    for n, person in enumerate(plan.people.list()):
        plan.people.update(person.id, name=f"{MATHS} p{n}")
    for n, segment in enumerate(plan.segments.list()):
        plan.segments.update(segment.id, name=f"{MATHS} s{n}")
    for n, channel in enumerate(plan.channels.list()):
        plan.channels.update(channel.id, name=f"{MATHS} c{n}")
    yield plan
    plan.close()


def drawn_texts(plan: Plan, kind: str) -> list[Text]:
    figure = build_chart(Analysis.in_sql(plan), kind)
    FigureCanvasAgg(figure).draw()  # tick labels are made when drawn
    return [text for text in figure.findobj(Text) if text.get_visible() and text.get_text()]


def test_a_name_with_maths_is_drawn_as_written_in_the_attainment_chart(dollar_plan):
    texts = drawn_texts(dollar_plan, "attainment")
    with_maths = [text for text in texts if MATHS in text.get_text()]

    assert with_maths, "no initiative or owner name drawn"
    assert all(not text.get_parse_math() for text in with_maths)
    assert all(text._preprocess_math(text.get_text()) == (text.get_text(), False) for text in texts)


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_chart_reads_text_as_maths(dollar_plan, kind):
    texts = drawn_texts(dollar_plan, kind)

    assert [text.get_text() for text in texts if text.get_parse_math()] == []
    # What was escaped for maths mode would now show its backslash.
    assert [text.get_text() for text in texts if "\\$" in text.get_text()] == []
