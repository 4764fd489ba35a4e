"""The design system's Python side: number, date and score words, charts, the confirmation step,
the home panel registry, and the homes of the personas."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from bijak.site.checks.present import explanation_in_words
from bijak.site.ui import panels
from bijak.site.ui.confirm import confirmation_required
from bijak.site.ui.templatetags.bijak_ui import (
    angka,
    donut_chart,
    persen,
    skor_kata,
    tanggal,
    waktu,
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", ["1.234.567", "0,83", "67%", "83,4%", "29 Nov 2026", "29 Nov 2026, 16.30"]),
        ("en", ["1,234,567", "0.83", "67%", "83.4%", "29 Nov 2026", "29 Nov 2026, 16:30"]),
    ],
)
def test_numbers_and_dates_follow_the_language(lang, expected, settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    moment = dt.datetime(2026, 11, 29, 9, 30, tzinfo=dt.UTC)  # 16.30 in Jakarta
    with translation.override(lang):
        got = [
            angka(1234567),
            angka(0.834, 2),
            persen(2 / 3),
            persen(0.834, 1),
            tanggal(moment.date()),
            waktu(moment),
        ]
    assert got == expected


def test_scores_in_words_never_a_bare_decimal():
    with translation.override("id"):
        assert [skor_kata(s) for s in (0.95, 0.7, 0.5, 0.1)] == [
            "sangat mungkin",
            "mungkin",
            "agak mungkin",
            "kecil kemungkinannya",
        ]
        text = explanation_in_words(
            "Kata 'bodoh' adalah kata kasar. Model bijak juga menilai demikian (skor 0.99)."
        )
        assert (
            text
            == "Kata 'bodoh' adalah kata kasar. Model bijak juga menilai demikian (sangat mungkin)."
        )
        text = explanation_in_words(
            "Model bijak menilai teks ini mengarah ke kategori Ujaran kebencian (skor 0.71)."
        )
        assert text == "Menurut model bijak, teks ini mungkin termasuk kategori Ujaran kebencian."
    with translation.override("en"):
        text = explanation_in_words("The bijak model rates this text as Hate speech (score 0.90).")
        assert (
            text
            == "According to the bijak model, this text is very likely to fall under Hate speech."
        )


def test_donut_shares_add_up_and_start_at_twelve_o_clock():
    chart = donut_chart([("a", 1), ("b", 3)])
    assert [round(r["share"]) for r in chart["rows"]] == [25, 75]
    assert chart["rows"][0]["offset"] == "25.000" and chart["total_int"] == 4
    assert donut_chart([("a", 0)])["empty"]


def test_bar_chart_renders_labels_and_numbers_as_text():
    html = Template('{% load bijak_ui %}{% bar_chart rows "Judul" %}').render(
        Context({"rows": [("B.8", 1200, "/kebijakan/B.8/"), ("A.2", 3)]})
    )
    assert '<a href="/kebijakan/B.8/">B.8</a>' in html
    assert '<span class="bar-chart__value">1.200</span>' in html
    assert 'width="100.0"' in html and 'aria-hidden="true"' in html


def test_confirmation_page_reposts_the_same_fields_with_confirmed():
    request = RequestFactory().post("/hapus/7/", {"alasan": "salah", "csrfmiddlewaretoken": "x"})
    request.user = None
    page = confirmation_required(
        request, question="Hapus?", yes="Ya, hapus", cancel_url="/kembali/"
    )
    html = page.content.decode()
    assert 'action="/hapus/7/"' in html and 'name="alasan" value="salah"' in html
    assert 'name="confirmed" value="1"' in html and 'href="/kembali/"' in html
    confirmed = RequestFactory().post("/hapus/7/", {"confirmed": "1"})
    assert confirmation_required(confirmed, question="Hapus?", yes="Ya", cancel_url="/") is None


def test_panel_registry_rejects_unknown_roles_and_filters_by_role(monkeypatch):
    monkeypatch.setattr(panels, "_registry", {})
    with pytest.raises(ValueError, match="unknown roles"):
        panels.register(
            panels.HomePanel(
                id="x", roles=frozenset({"bos"}), order=1, template="", context=lambda r: {}
            )
        )
    panels.register(
        panels.HomePanel(
            id="test.hidden",
            roles=frozenset({"officer"}),
            order=1,
            template="",
            context=lambda r: None,
        )
    )
    panels.register(
        panels.HomePanel(
            id="test.shown",
            roles=frozenset({"officer"}),
            order=2,
            template="",
            context=lambda r: {"next_actions": [panels.NextAction("b", "/b/", "B", urgency=5)]},
        )
    )
    shown = panels.panels_for(None, {"officer"})
    assert [p.panel.id for p in shown] == ["test.shown"]  # a panel whose context is None is hidden
    assert [a.url for a in panels.next_actions(shown)] == ["/b/"]
    assert panels.panels_for(None, {"employee"}) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "first_action", "panel"),
    [
        ("employee", "Cek draf", "checks.mine"),
        ("unit_head", "Lihat pegawai", "org.unit_coverage"),
        ("auditor", "Periksa rantai audit", "audit.recent"),
        ("admin", "Lihat pegawai", "org.health"),
        ("officer", "Lihat pegawai", "checks.statistics"),
    ],
)
def test_each_role_gets_its_home_with_the_next_action_first(
    request, persona, first_action, panel, colleague, client_as
):
    user = request.getfixturevalue(persona)
    if persona in ("unit_head", "officer", "admin"):  # someone for them to act on
        from bijak.site.org.services import employee_create

        employee_create(
            actor=None,
            nip="199501012020121001",
            name="Tanpa Akun",
            unit=request.getfixturevalue("org_tree").keu_budget,
        )
    html = client_as(user).get("/").content.decode()
    main = html.split('<main id="main"', 1)[1]
    assert f'data-panel="{panel}"' in main
    next_card = main.split('id="h-next"', 1)[1].split("</section>", 1)[0]
    assert (
        'class="btn btn--primary" href="' in next_card
        and f">{first_action}</a>" in next_card.split("btn--secondary")[0]
    )


@pytest.mark.django_db
def test_outsider_home_says_why_there_is_nothing(outsider_client):
    html = outsider_client.get("/").content.decode()
    assert "Akun Anda belum terhubung dengan data pegawai atau peran apa pun." in html
    assert 'data-panel="org.health"' not in html and 'data-panel="audit.recent"' not in html


def test_anonymous_home_explains_signing_in(client):
    html = client.get("/").content.decode()
    assert "Masuk dan cek draf" in html and 'href="/akun/masuk/?next=/cek/"' in html


@pytest.mark.django_db
def test_agency_identity_comes_from_settings(client, settings):
    settings.BIJAK_AGENCY_NAME = "Kementerian Contoh Republik Indonesia"
    settings.BIJAK_AGENCY_SHORT_NAME = "Kemencontoh"
    settings.BIJAK_AGENCY_LOGO = "/media/logo-contoh.png"
    html = client.get("/kebijakan/").content.decode()
    assert "<title>Tata tertib · bijak · Kemencontoh</title>" in html
    assert '<img src="/media/logo-contoh.png" alt=""' in html
    assert '<span class="brand__agency">Kemencontoh</span>' in html
    assert "Kementerian Contoh Republik Indonesia · bijak" in html  # the footer
    assert 'rel="icon" href="/static/bijak/favicon.svg"' in html


def test_agency_logo_from_another_host_stops_start_up():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import bijak.site.settings"],
        env={
            **__import__("os").environ,
            "BIJAK_AGENCY_LOGO": "https://cdn.example/logo.png",
            "BIJAK_DEMO": "true",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "BIJAK_AGENCY_LOGO must be a static path or a path on this site" in result.stderr
