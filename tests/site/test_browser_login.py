"""In Chromium: log in through the real form, open the policy page, switch to English."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_open_policy_and_switch_to_english(browser_page, officer, persona_password):
    page = browser_page
    page.goto("/kebijakan/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="Masuk").click()
    page.wait_for_url(re.compile(r"/akun/masuk/"))
    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Kata sandi").fill("salah sandi")
    page.get_by_role("button", name="Masuk").click()
    assert page.get_by_role("alert").inner_text() == "Nama pengguna atau kata sandi salah."

    page.get_by_label("Kata sandi").fill(persona_password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r"/$"))
    nav = page.get_by_role("navigation", name="Menu utama")
    assert nav.get_by_text("Rina Kusumawati").is_visible()
    assert nav.get_by_role("link", name="Impor pegawai").is_visible()

    nav.get_by_role("link", name="Tata tertib").click()
    page.wait_for_url(re.compile(r"/kebijakan/$"))
    heading_id = page.locator("h1").first.inner_text()
    assert "media sosial" in heading_id.lower()

    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"/kebijakan/$"))
    page.wait_for_selector("html[lang=en]")
    nav = page.get_by_role("navigation", name="Main menu")
    assert nav.get_by_role("link", name="Code of conduct").is_visible()
    assert nav.get_by_role("button", name="Log out").is_visible()
    assert page.locator("h1").first.inner_text() != heading_id

    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.wait_for_selector("html[lang=id]")
    assert page.get_by_role("navigation", name="Menu utama").is_visible()
