"""The check page in Debian's Chromium: an employee checks a draft with a NIK and an insult to
a professional organisation, sees both clauses marked with advice, fixes the draft and gets
`aman`; the English switch; the form without JavaScript; instant feedback while typing;
accessibility (labels, keyboard, contrast)."""

from __future__ import annotations

import re

import pytest

PASSWORD = "bijak-test-pass"
BAD = "Dasar IDI organisasi profesi goblok! NIK saya 3174012503900007 tolong bantu"
FIXED = "Selamat pagi, jangan lupa cuci tangan pakai sabun ya. Sumber: Kemenkes."
ADVICE_A2 = "Hapus NIK, nomor telepon, alamat, data pasien, dan isi dokumen bertanda rahasia"
ADVICE_B8 = "Hapus ejekan dan sebutan merendahkan terhadap rekan, profesi, atau instansi."

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user, next_url="/cek/"):
    page.goto(f"/akun/masuk/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def test_employee_checks_fixes_and_gets_aman(browser_page, employee):
    page = browser_page
    log_in(page, employee)
    assert page.locator("h1").inner_text() == "Cek sebelum unggah"
    page.get_by_label("Draf unggahan").fill(BAD)
    page.get_by_label("Platform (boleh dikosongkan)").select_option("instagram")
    page.get_by_role("button", name="Cek draf").click()
    page.wait_for_load_state()
    result = page.locator("#result")
    assert result.locator(".verdict").inner_text() == "Kemungkinan melanggar"
    a2 = result.locator('[data-clause="A.2"]')
    b8 = result.locator('[data-clause="B.8"]')
    assert ADVICE_A2 in a2.inner_text() and ADVICE_B8 in b8.inner_text()
    marks = result.locator("[data-testid=highlighted] mark").all_inner_texts()
    assert "3174********0007" in marks
    assert any("goblok" in m for m in marks)
    assert "3174012503900007" not in result.inner_text()
    # the draft stays in the textarea to be fixed
    assert page.get_by_label("Draf unggahan").input_value() == BAD
    page.get_by_label("Draf unggahan").fill(FIXED)
    page.get_by_role("button", name="Cek draf").click()
    page.wait_for_load_state()
    assert page.locator("#result .verdict").inner_text() == "Aman"
    assert page.locator("#result [data-clause]").count() == 0
    assert page.locator("#result .checklist input[type=checkbox]").count() == 6


def test_english_switch(browser_page, employee):
    page = browser_page
    log_in(page, employee)
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/cek/")
    assert page.locator("h1").inner_text() == "Check before posting"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("Draft post").fill(BAD)
    page.get_by_role("button", name="Check draft").click()
    page.wait_for_load_state()
    assert page.locator("#result .verdict").inner_text() == "Likely breach"
    assert (
        "Remove mockery and demeaning labels"
        in page.locator('#result [data-clause="B.8"]').inner_text()
    )
    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.wait_for_url("**/cek/")
    assert page.locator("h1").inner_text() == "Cek sebelum unggah"


def test_form_works_without_javascript(chromium, live_server, employee):
    context = chromium.new_context(
        locale="id-ID", base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, employee)
        page.fill("#id_text", BAD)
        page.locator("#id_save").check()
        page.get_by_role("button", name="Cek draf").click()
        page.wait_for_load_state()
        assert page.locator("#result .verdict").inner_text() == "Kemungkinan melanggar"
        assert (
            "Draf disimpan. Hanya Anda yang dapat melihatnya."
            in page.locator(".messages").inner_text()
        )
        page.get_by_role("link", name="Draf tersimpan saya").click()
        page.locator("main table a").first.click()
        assert page.locator("h1").inner_text() == "Draf tersimpan"
        page.get_by_role("button", name="Hapus draf ini").click()
        # without JavaScript the server asks on its own page first
        assert "Hapus draf tersimpan ini?" in page.locator("main").inner_text()
        page.get_by_role("button", name="Ya, hapus draf").click()
        assert "Draf tersimpan dihapus." in page.locator(".messages").inner_text()
        assert "Belum ada draf yang disimpan" in page.content()
    finally:
        context.close()


def test_instant_feedback_while_typing(browser_page, employee):
    page = browser_page
    log_in(page, employee)
    assert page.locator("#result .verdict").count() == 0
    page.locator("#id_text").press_sequentially("Organisasi profesi IDI itu bodoh", delay=5)
    page.locator("#result .verdict").wait_for()
    assert page.locator("#result .verdict").inner_text() == "Kemungkinan melanggar"
    assert page.url.endswith("/cek/")  # no submit happened


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(x) for x in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css):
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    assert len(values) == 3 or (len(values) == 4 and values[3] == 1), css  # opaque colours only
    return values[:3]


def contrast(fg, bg):
    hi, lo = sorted((_luminance(_rgb(fg)), _luminance(_rgb(bg))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


JS_BG = """el => { let e = el; while (e) { const c = getComputedStyle(e).backgroundColor;
  if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; e = e.parentElement; }
  return 'rgb(255, 255, 255)'; }"""


def test_accessibility_labels_keyboard_and_contrast(browser_page, employee):
    page = browser_page
    log_in(page, employee)
    page.fill("#id_text", BAD)
    page.get_by_role("button", name="Cek draf").click()
    page.wait_for_load_state()
    # every visible form control has a label (label[for] or aria-label)
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden')
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map(e => e.outerHTML)""")
    assert unlabelled == []
    # keyboard only: Tab to the textarea, type, Tab to the submit button, Enter
    page.goto("/cek/")
    page.locator("body").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_text":
            break
    else:
        pytest.fail("Tab never reached the draft textarea")
    page.keyboard.type(FIXED)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.type === 'submit' && document.activeElement.form && document.activeElement.form.id === 'check-form'"
        ):
            break
    else:
        pytest.fail("Tab never reached the submit button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_label("Draf unggahan").input_value() == FIXED
    assert page.locator("#result .verdict").inner_text() == "Aman"
    # WCAG AA contrast (4.5:1) of the main text, labels, the button, the verdict and the privacy note
    for selector in [
        "main p",
        "label[for=id_text]",
        "button.primary",
        "#result .verdict",
        ".privacy p",
        "#result .draft",
        ".help",
    ]:
        element = page.locator(selector).first
        fg = element.evaluate("e => getComputedStyle(e).color")
        bg = element.evaluate(JS_BG)
        ratio = contrast(fg, bg)
        assert ratio >= 4.5, f"{selector}: {fg} on {bg} = {ratio:.2f}"
