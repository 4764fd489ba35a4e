"""Content-Security-Policy without 'unsafe-inline' (issue 8, defect 10): every page sends it,
no template carries inline code or style, and the pages work in Chromium under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bijak

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/kebijakan/", "/cek/", "/akun/masuk/", "/api/docs/"])
def test_every_page_sends_a_policy_without_unsafe_inline(employee_client, path):
    response = employee_client.get(path)
    assert response.status_code == 200
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    found = directives(header)
    assert found["script-src"] == "script-src 'self'"
    assert found["style-src"] == "style-src 'self'"
    assert found["frame-ancestors"] == "frame-ancestors 'none'"


def test_no_template_of_the_site_has_inline_code_or_style():
    root = Path(bijak.__file__).parent
    problems = []
    for template in sorted(root.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{template.relative_to(root)}:{line}: {what}")
    assert problems == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_raise_no_policy_violation_in_chromium(browser_page, employee):
    page = browser_page
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto("/akun/masuk/?next=/cek/")
    page.fill("#id_username", employee.username)
    page.fill("#id_password", "bijak-test-pass")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/cek/")
    page.get_by_label("Draf unggahan").fill("NIK saya 3174012503900007, dasar goblok")
    page.get_by_role("button", name="Cek draf").click()
    page.wait_for_load_state()
    assert page.locator("#result .verdict").count() == 1
    assert page.evaluate("window.__csp") == []
    for path in ("/kebijakan/", "/kebijakan/A.2/", "/api/token/", "/api/docs/", "/cek/tersimpan/"):
        assert page.goto(path).status == 200, path
        page.wait_for_load_state()
        assert page.evaluate("window.__csp") == [], path
