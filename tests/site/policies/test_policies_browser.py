"""The policy pages in Debian's Chromium on a phone-sized screen: no sideways scrolling, a
sound heading outline, the language switch, and keyboard access to a clause."""

from __future__ import annotations

from itertools import pairwise

import pytest

from bijak.policy import load_policy

POLICY = load_policy()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_policy_pages_on_a_phone(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/kebijakan/")
    assert page.locator("h1").inner_text() == POLICY.title_id
    # fits the screen: nothing wider than the viewport
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # one h1, and no heading level skipped
    levels = page.evaluate(
        "Array.from(document.querySelectorAll('main h1, main h2, main h3'))"
        ".map(h => Number(h.tagName[1]))"
    )
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in pairwise(levels))
    assert page.locator("#bagian-B ol.clauses > li").count() == 8

    # keyboard: the B.2 link is focusable and opens the clause page
    link = page.get_by_role("link", name="Poin B.2", exact=True)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kebijakan/B.2/")
    assert page.locator("h1").inner_text() == "Poin B.2 · Larangan"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # on a phone the menu is collapsed: open it, then switch the language
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/kebijakan/B.2/")
    assert page.locator("h1").inner_text() == "Point B.2 · Prohibition"
    assert page.locator("html").get_attribute("lang") == "en"
    assert POLICY.clause("B.2").advice_en in page.locator("main").inner_text()
