"""The sidebar names each page without importing it; the name and the page agree."""

from __future__ import annotations

import pytest

from ui.page import Page
from ui.pages.catalogue import PAGES, entry_of


@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.class_name)
def test_each_entry_loads_its_page_with_the_same_title_and_icon(entry):
    page_class = entry.load()

    assert issubclass(page_class, Page)
    assert (page_class.title, page_class.icon_name) == (entry.title, entry.icon_name)
    assert entry_of(page_class) is entry


def accelerator(menu_text: str) -> str:
    plain = menu_text.replace("&&", "")  # "&&" shows an ampersand
    return plain[plain.index("&") + 1].lower()


def test_the_view_menu_gives_every_page_its_own_accelerator():
    keys = {accelerator(entry.menu_text) for entry in PAGES}
    assert len(keys) == len(PAGES)
