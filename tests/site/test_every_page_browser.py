"""Every page of every role in Debian's Chromium, at a phone (390 × 844) and a desktop (1280 × 900)
size (issue 9). One browser, one context per role and size. On each page:

- nothing is wider than the viewport (no horizontal scrolling);
- every interactive element has an accessible name;
- every visible text meets WCAG AA contrast (4.5:1, 3:1 for large text), computed from the page's
  styles, and every focus indicator is visible with 3:1 against what is behind it;
- no text of the other language shows (untranslated strings), in Indonesian and in English;
- and the browser sends no request to another host (every request is recorded).
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
DRAFT = "Dasar IDI organisasi bodoh! NIK saya 3174012503900007, laporkan ke kanal aduan"

# Very common function words: one of them outside an element marked with the other language is
# a string that was not translated. (Names and policy data of the demo contain none of them.)
FOREIGN_WORDS = {
    "id": {"the", "and", "your", "with", "this", "from", "you", "will", "not", "for", "has", "are"},
    "en": {
        "yang",
        "dan",
        "tidak",
        "untuk",
        "dengan",
        "belum",
        "akan",
        "dari",
        "ini",
        "atau",
        "anda",
        "sudah",
        "dapat",
        "hanya",
    },
}

PAGE_JS = r"""
(lang) => {
  const problems = {overflow: [], unnamed: [], contrast: [], focus: [], language: []};
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) {
    const wide = [...document.querySelectorAll('body *')].filter(e => {
      const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 && r.width > 0;
    }).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
    problems.overflow.push(`scrollWidth ${doc.scrollWidth} > ${window.innerWidth}: ${wide.join(', ')}`);
  }
  const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const blend = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                   b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) colour = blend(layers[i], colour);
    return colour;
  };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  const visible = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 1 && r.height > 1 && e.getClientRects().length > 0; };
  const hiddenText = e => e.closest('svg, option, .visually-hidden, [aria-hidden="true"], template, noscript');
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' "' + (e.innerText || e.value || '').trim().slice(0, 40) + '"';

  // accessible names
  const interactive = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
  for (const e of interactive) {
    if (!visible(e) && !(e.labels && e.labels.length)) continue;
    let name = e.getAttribute('aria-label') || '';
    const by = e.getAttribute('aria-labelledby');
    if (!name && by) name = by.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    if (!name && e.labels && e.labels.length) name = [...e.labels].map(l => l.textContent).join(' ');
    if (!name && !['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) name = e.innerText || e.textContent || '';
    if (!name && e.tagName === 'INPUT' && ['submit', 'button'].includes(e.type)) name = e.value;
    if (!name) name = e.getAttribute('title') || '';
    if (!name) { const img = e.querySelector('img[alt]'); if (img) name = img.alt; }
    if (!name.trim()) problems.unnamed.push(describe(e) + ' ' + e.outerHTML.slice(0, 120));
  }

  // text contrast, and words of the other language
  const foreign = new Set(lang.foreign);
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent).join(' ');
    if (!own || hiddenText(e) || !visible(e)) continue;
    if (e.disabled) continue;
    const s = getComputedStyle(e);
    const fg = parse(s.color);
    const bg = background(e);
    const size = parseFloat(s.fontSize); const bold = Number(s.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    const r = ratio(fg.a < 1 ? blend(fg, bg) : fg, bg);
    if (r < needed) problems.contrast.push(`${describe(e)}: ${s.color} on rgb(${bg.r},${bg.g},${bg.b}) = ${r.toFixed(2)} < ${needed}`);
    const marked = e.closest('[lang]');
    if (marked && marked.getAttribute('lang') !== lang.code) continue;
    if (e.closest('pre, code')) continue;
    let text = own;
    for (const data of lang.data) text = text.split(data).join(' ');
    const words = text.toLowerCase().match(/[a-z]+/g) || [];
    const hits = words.filter(w => foreign.has(w));
    if (hits.length) problems.language.push(`${describe(e)}: ${hits.join(', ')}`);
  }

  // focus indicators: keyboard modality is on (the caller pressed Tab), so focus() shows :focus-visible
  const focusable = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(visible).slice(0, 60);
  for (const e of focusable) {
    e.focus({preventScroll: true});
    if (document.activeElement !== e) continue;
    const s = getComputedStyle(e);
    const width = parseFloat(s.outlineWidth);
    if (s.outlineStyle === 'none' || width < 2) { problems.focus.push(`${describe(e)}: no visible focus outline (${s.outlineStyle} ${s.outlineWidth})`); continue; }
    const behind = background(e.parentElement || e);
    const r = ratio(parse(s.outlineColor), behind);
    if (r < 3) problems.focus.push(`${describe(e)}: outline ${s.outlineColor} on rgb(${behind.r},${behind.g},${behind.b}) = ${r.toFixed(2)} < 3`);
  }
  if (document.activeElement) document.activeElement.blur();
  return problems;
}
"""


def _pages(tree, people, saved, batch):
    """(role, path) for every page each role can open; POST-only results are added by the crawl."""
    emp = people["employee"].employee.pk
    return {
        "anonymous": [
            "/",
            "/kebijakan/",
            "/kebijakan/B.2/",
            "/kebijakan/D/",
            "/akun/masuk/?next=/cek/",
            "/akun/sandi/reset/",
            "/gaya/",
            "/api/docs/",
            "/tidak-ada/",
        ],
        "employee": [
            "/",
            "/cek/",
            "/cek/tersimpan/",
            f"/cek/tersimpan/{saved.pk}/",
            f"/cek/?draf={saved.pk}",
            f"/organisasi/pegawai/{emp}/",
            "/api/token/",
        ],
        "unit_head": [
            "/",
            "/organisasi/",
            f"/organisasi/unit/{tree.keu.pk}/",
            "/organisasi/pegawai/",
            "/organisasi/pegawai/?q=zzz",
            f"/organisasi/pegawai/{emp}/",
        ],
        "officer": [
            "/",
            "/organisasi/impor/",
            f"/organisasi/impor/{batch.pk}/",
            "/cek/statistik/",
            f"/organisasi/pegawai/{emp}/ubah/",
        ],
        "auditor": ["/", "/audit/", "/audit/?periksa=1", "/audit/?orang=zzz"],
        "admin": [
            "/",
            "/organisasi/kelola/",
            f"/organisasi/unit/{tree.keu.pk}/ubah/",
            f"/organisasi/pegawai/{emp}/",
            "/cek/statistik/",
        ],
        "outsider": ["/", "/organisasi/", "/cek/tersimpan/"],
    }


# The index pages of the apps of the second wave (their detail pages need their own data).
WAVE_2 = {
    "anonymous": ["/aduan/", "/aduan/tiket/"],
    "employee": ["/sosialisasi/", "/aduan/", "/aduan/saya/", "/pemantauan/saya/"],
    "unit_head": ["/sosialisasi/"],
    "officer": [
        "/sosialisasi/",
        "/pemantauan/",
        "/pemantauan/dasbor/",
        "/pemantauan/akun/",
        "/aduan/kelola/",
        "/aduan/kelola/dasbor/",
    ],
    "admin": ["/sosialisasi/baru/"],
}


def _data_strings(batch):
    """Organisation data is written in the agency's language and is not translated: unit names,
    positions, and the import rows' stored reasons (written at upload time). Longest first."""
    from bijak.site.org.models import Employee, OrgUnit

    strings = set(OrgUnit.objects.values_list("name", flat=True))
    strings |= set(Employee.objects.values_list("position", flat=True))
    strings |= {error for row in batch.rows for error in row.get("errors", [])}
    return sorted((s for s in strings if s), key=len, reverse=True)


def _session_cookie(user, live_url):
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    return {"name": "sessionid", "value": cookie.value, "url": live_url}


@pytest.fixture
def site_data(org_tree, employee, unit_head, colleague, officer, auditor, admin, outsider):
    from bijak.site.checks import services as check_services
    from bijak.site.org.services import employee_import_preview

    people = {
        "employee": employee,
        "unit_head": unit_head,
        "officer": officer,
        "auditor": auditor,
        "admin": admin,
        "outsider": outsider,
    }
    report = check_services.check_run(text=DRAFT, lang="id", platform="facebook", count=True)
    saved = check_services.saved_check_create(
        owner=employee, text=DRAFT, platform="facebook", report=report
    )
    csv = (
        b"nip,nama,kode_unit,jabatan,email\n"
        b"199001012015031001,Budi Santoso,SJ.KEU,Analis,budi@contoh.go.id\n"
        b"123,Salah,XX,Analis,\n"
    )
    batch = employee_import_preview(actor=officer, filename="pegawai.csv", content=csv)
    return org_tree, people, saved, batch


def _crawl(chromium, live_server, site_data, size, lang):
    tree, people, saved, batch = site_data
    width, height = SIZES[size]
    problems: dict[str, list[str]] = defaultdict(list)
    foreign_requests: list[str] = []
    host = urlsplit(live_server.url).netloc
    foreign = sorted(FOREIGN_WORDS[lang])
    data = _data_strings(batch)
    visited = 0
    pages = _pages(tree, people, saved, batch)
    for role, extra in WAVE_2.items():
        pages[role] = pages[role] + extra
    for role, paths in pages.items():
        context = chromium.new_context(
            viewport={"width": width, "height": height},
            locale="id-ID" if lang == "id" else "en-GB",
            base_url=live_server.url,
        )
        context.on(
            "request",
            lambda request: (
                foreign_requests.append(request.url)
                if urlsplit(request.url).netloc not in (host, "")
                and not request.url.startswith("data:")
                else None
            ),
        )
        cookies = [{"name": "django_language", "value": lang, "url": live_server.url}]
        if role != "anonymous":
            cookies.append(_session_cookie(people[role], live_server.url))
        context.add_cookies(cookies)
        page = context.new_page()
        page.set_default_timeout(15_000)

        def inspect(label):
            page.keyboard.press("Tab")  # keyboard modality, so focus() shows :focus-visible
            found = page.evaluate(PAGE_JS, {"code": lang, "foreign": foreign, "data": data})
            for kind, items in found.items():
                problems[kind].extend(f"[{role} {size} {lang}] {label}: {item}" for item in items)

        for path in paths:
            page.goto(path)
            visited += 1
            inspect(path)
        if role == "employee":
            # the check result, the most complex page part, after a real POST
            page.goto("/cek/")
            page.fill("#id_text", DRAFT)
            page.locator("#check-form button[type=submit]").click()
            page.wait_for_load_state()
            page.wait_for_function(
                "document.activeElement && document.activeElement.id === 'verdict'"
            )
            inspect("/cek/ (result)")  # focus moved to the verdict (waited for above)
        if role == "admin":
            # a removal without JavaScript's dialog: the server's confirmation page
            page.goto("/organisasi/kelola/")
            with page.expect_navigation():
                page.evaluate(
                    "document.querySelector('form[data-confirm]').removeAttribute('data-confirm');"
                    "document.querySelector('form[action*=cabut] button').click()"
                )
            inspect("confirmation page")
        if size == "phone" and role in ("anonymous", "admin"):
            page.goto("/")
            page.get_by_role("button", name="Menu").click()
            inspect("/ (menu open)")
        context.close()
    assert visited >= 35
    return problems, foreign_requests


def _report(problems, kinds):
    lines = [line for kind in kinds for line in problems.get(kind, [])]
    return "\n".join(lines[:40]) + (f"\n… and {len(lines) - 40} more" if len(lines) > 40 else "")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_page_fits_is_named_readable_and_local_in_indonesian(
    chromium, live_server, site_data, size
):
    problems, foreign_requests = _crawl(chromium, live_server, site_data, size, "id")
    kinds = ["overflow", "unnamed", "contrast", "focus", "language"]
    assert not any(problems.get(k) for k in kinds), _report(problems, kinds)
    assert foreign_requests == [], "requests to another host: " + ", ".join(foreign_requests[:10])


def test_every_page_in_english_has_no_untranslated_text(chromium, live_server, site_data):
    problems, foreign_requests = _crawl(chromium, live_server, site_data, "desktop", "en")
    assert not problems.get("language"), _report(problems, ["language"])
    assert foreign_requests == []


def test_the_page_checks_catch_what_they_claim_to(browser_page):
    """The checks themselves fail on a page built to break each rule."""
    page = browser_page
    page.set_content("""<html lang="id"><body style="margin:0">
      <div style="width:2000px">lebar</div>
      <button></button><a href="#x"><svg></svg></a>
      <p style="color:#999">abu-abu pucat</p>
      <a href="#y" style="outline:3px solid #eee">fokus pucat</a>
      <p>Your draft and the result</p></body></html>""")
    page.keyboard.press("Tab")
    found = page.evaluate(
        PAGE_JS, {"code": "id", "foreign": sorted(FOREIGN_WORDS["id"]), "data": []}
    )
    assert found["overflow"] and len(found["unnamed"]) == 2
    assert any("abu-abu pucat" in c for c in found["contrast"])
    assert any("fokus pucat" in f for f in found["focus"])
    assert any(re.search(r"\bthe\b", line) for line in found["language"])
