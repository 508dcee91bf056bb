"""Shared set-up of the tests of comparing with a baseline in the app: the plan with
versions (tests/versioned_plans.py) as a document, and choosing its baseline as a user would
and waiting for it to open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from versioned_plans import Versioned, versioned_plan

from ui.document import PlanDocument


@pytest.fixture
def versioned() -> Versioned:
    return versioned_plan()


@pytest.fixture
def versioned_document(versioned: Versioned, qapp: object) -> Iterator[PlanDocument]:
    document = PlanDocument(versioned.plan)
    yield document
    document.close()


def compare_with(qtbot: QtBot, document: PlanDocument, version_id: int | None) -> None:
    """Choose ``version_id`` as the document's baseline and wait until it is open."""
    choice = document.baseline
    choice.choose(version_id)
    qtbot.waitUntil(lambda: not choice.opening(), timeout=10_000)
    if version_id is not None:
        assert choice.baseline is not None and choice.baseline.id == version_id
