"""The check page: login, validation, privacy (nothing stored unless saved; anonymous daily
counts), saved drafts visible only to their owner. The engine is replaced here by a fixed
report so these tests are about the page; tests/site/checks/test_check_engine.py uses the real one."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from bijak.engine.report import report_from_dict
from bijak.site.audit.models import AuditEntry
from bijak.site.checks.models import ClauseDailyCount, SavedCheck

DRAFT = "Dasar organisasi profesi bodoh, NIK saya 3201234567890003."


class FakeReport:
    def __init__(self, text: str) -> None:
        self.text = text

    def to_dict(self):
        text = self.text
        s1 = text.find("bodoh")
        s2 = text.find("3201234567890003")
        findings, clauses = [], []
        if s1 >= 0:
            findings.append(
                {
                    "category": "penghinaan",
                    "start": s1,
                    "end": s1 + 5,
                    "score": 0.9,
                    "recognizer": "bijak.lexicon.v1",
                    "evidence": "bodoh",
                    "explanation": "",
                }
            )
            clauses.append(
                {
                    "id": "B.8",
                    "verdict": "langgar",
                    "categories": ["penghinaan"],
                    "text": "",
                    "explanation": "Ada kata yang merendahkan.",
                    "advice": "",
                    "evidence": [
                        {
                            "start": s1,
                            "end": s1 + 5,
                            "text": "bodoh",
                            "category": "penghinaan",
                            "score": 0.9,
                        }
                    ],
                }
            )
        if s2 >= 0:
            findings.append(
                {
                    "category": "data_pribadi",
                    "start": s2,
                    "end": s2 + 16,
                    "score": 1.0,
                    "recognizer": "bijak.nik.v1",
                    "evidence": "3201********0003",
                    "explanation": "",
                }
            )
            clauses.append(
                {
                    "id": "A.2",
                    "verdict": "tinjau",
                    "categories": ["data_pribadi"],
                    "text": "",
                    "explanation": "",
                    "advice": "",
                    "evidence": [
                        {
                            "start": s2,
                            "end": s2 + 16,
                            "text": "3201********0003",
                            "category": "data_pribadi",
                            "score": 1.0,
                        }
                    ],
                }
            )
        masked = text.replace("3201234567890003", "3201********0003")
        verdict = "langgar" if s1 >= 0 else ("tinjau" if s2 >= 0 else "aman")
        return {
            "schema_version": "1",
            "verdict": verdict,
            "masked_text": masked,
            "findings": findings,
            "clauses": clauses,
            "checklist": [{"id": "C.1", "text": "Cek sumbernya."}],
            "versions": {"policy": {"version": "2018.1"}},
        }


@pytest.fixture
def fake_engine(monkeypatch):
    calls = []

    def analyze_draft(*, text, lang="id", platform=None):
        calls.append({"text": text, "lang": lang, "platform": platform})
        return report_from_dict(FakeReport(text).to_dict())

    monkeypatch.setattr("bijak.site.checks.services.analyze_draft", analyze_draft)
    return calls


@pytest.mark.django_db
def test_check_page_requires_login(client):
    response = client.get("/cek/")
    assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")


@pytest.mark.django_db
def test_check_page_shows_form_and_privacy_note(employee_client):
    html = employee_client.get("/cek/").content.decode()
    assert '<label for="id_text">Draf unggahan</label>' in html
    # no maxlength (a browser would cut a pasted draft silently): a counter and an honest error
    assert "maxlength" not in html.split('id="check-form"', 1)[1].split("</form>", 1)[0]
    assert 'data-max="5000"' in html and "0 dari 5.000 karakter" in html
    assert (
        "Draf Anda tidak disimpan, kecuali Anda mencentang “Simpan draf ini di akun saya”" in html
    )
    assert (
        "Untuk statistik, bijak hanya mencatat jumlah poin yang terpicu per hari — tanpa teks dan tanpa nama pengguna."
        in html
    )


@pytest.mark.django_db
def test_empty_draft_is_refused_with_a_message(employee_client, fake_engine):
    html = employee_client.post("/cek/", {"text": "   "}).content.decode()
    assert "Tulis dulu draf unggahan yang ingin dicek." in html
    assert fake_engine == []


@pytest.mark.django_db
def test_too_long_draft_is_refused_with_a_message(employee_client, fake_engine):
    html = employee_client.post("/cek/", {"text": "a" * 5001}).content.decode()
    assert "Draf terlalu panjang: paling banyak 5000 karakter, draf ini 5001 karakter." in html
    assert fake_engine == []


@pytest.mark.django_db
def test_check_shows_verdict_clauses_and_masked_highlight(employee_client, fake_engine):
    html = employee_client.post("/cek/", {"text": DRAFT, "platform": "instagram"}).content.decode()
    assert fake_engine == [{"text": DRAFT, "lang": "id", "platform": "instagram"}]
    assert 'data-verdict="langgar">Kemungkinan melanggar</span>' in html
    assert '<li class="clause clause-langgar" data-clause="B.8">' in html
    assert '<li class="clause clause-tinjau" data-clause="A.2">' in html
    assert "Ada kata yang merendahkan." in html
    assert ">bodoh</mark>" in html and ">3201********0003</mark>" in html
    assert "3201234567890003" not in html.split('id="result"', 1)[1]
    # the checklist shows the policy's own text of C.1, in the page's language
    assert (
        '<a href="/kebijakan/C.1/"><strong>C.1</strong></a> Konten/informasi yang berasal dari media sosial'
        in html
    )
    assert (
        '<a href="/kebijakan/B.8/"><strong>Poin B.8</strong></a>' in html
    )  # points link to their pages


@pytest.mark.django_db
def test_check_stores_no_draft_and_counts_clauses_per_day(employee_client, fake_engine):
    employee_client.post("/cek/", {"text": DRAFT})
    employee_client.post("/cek/", {"text": "Dasar bodoh."})
    assert SavedCheck.objects.count() == 0
    today = timezone.localdate()
    counts = {(c.date, c.clause_id): c.count for c in ClauseDailyCount.objects.all()}
    assert counts == {(today, "B.8"): 2, (today, "A.2"): 1}
    assert not AuditEntry.objects.filter(action__startswith="saved_check").exists()
    fields = {f.name for f in ClauseDailyCount._meta.get_fields()}
    assert fields == {"id", "date", "clause_id", "count"}


@pytest.mark.django_db
def test_preview_is_not_counted_nor_stored(employee_client, fake_engine):
    response = employee_client.post("/cek/pratinjau/", {"text": DRAFT})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'data-clause="B.8"' in html
    assert ClauseDailyCount.objects.count() == 0 and SavedCheck.objects.count() == 0


@pytest.mark.django_db
def test_saved_draft_is_only_visible_to_its_owner_and_deletable(
    employee_client, outsider_client, employee, fake_engine
):
    response = employee_client.post("/cek/", {"text": DRAFT, "save": "on"}, follow=True)
    assert "Draf disimpan. Hanya Anda yang dapat melihatnya." in response.content.decode()
    saved = SavedCheck.objects.get()
    assert saved.owner == employee and saved.text == DRAFT and saved.verdict == "langgar"
    assert saved.policy_version == "2018.1"
    entry = AuditEntry.objects.get(action="saved_check.create")
    assert entry.data == {} and DRAFT not in str(entry.data)
    assert (
        "Dasar organisasi profesi bodoh" in employee_client.get("/cek/tersimpan/").content.decode()
    )
    assert employee_client.get(f"/cek/tersimpan/{saved.pk}/").status_code == 200
    assert outsider_client.get(f"/cek/tersimpan/{saved.pk}/").status_code == 404
    assert outsider_client.get("/cek/tersimpan/999999/").status_code == 404
    assert outsider_client.post(f"/cek/tersimpan/{saved.pk}/hapus/").status_code == 404
    assert "Belum ada draf yang disimpan" in outsider_client.get("/cek/tersimpan/").content.decode()
    response = employee_client.post(f"/cek/tersimpan/{saved.pk}/hapus/")  # asks first
    assert "Hapus draf tersimpan ini?" in response.content.decode()
    assert SavedCheck.objects.exists()
    response = employee_client.post(
        f"/cek/tersimpan/{saved.pk}/hapus/", {"confirmed": "1"}, follow=True
    )
    assert "Draf tersimpan dihapus." in response.content.decode()
    assert not SavedCheck.objects.exists()
    assert AuditEntry.objects.filter(action="saved_check.delete").exists()


@pytest.mark.django_db
def test_check_page_in_english(employee_client, fake_engine):
    employee_client.cookies["django_language"] = "en"
    html = employee_client.post("/cek/", {"text": DRAFT}).content.decode()
    assert fake_engine[0]["lang"] == "en"
    assert "<h1>Check before posting</h1>" in html
    assert 'data-verdict="langgar">Likely breach</span>' in html
    assert "Your draft is not stored unless you tick “Save this draft in my account”" in html


@pytest.mark.django_db
def test_error_is_tied_to_the_textarea_for_screen_readers(employee_client, fake_engine):
    html = employee_client.post("/cek/", {"text": ""}).content.decode()
    assert (
        'aria-describedby="text-help text-error text-counter"' in html
        and 'aria-invalid="true"' in html
    )
    assert (
        '<span class="error" role="alert" id="text-error">Tulis dulu draf unggahan yang ingin dicek.</span>'
        in html
    )


@pytest.mark.django_db
def test_statistics_show_counts_to_officers_only(
    employee_client, officer_client, auditor_client, fake_engine
):
    employee_client.post("/cek/", {"text": DRAFT})
    employee_client.post("/cek/", {"text": "Dasar bodoh."})
    html = officer_client.get("/cek/statistik/").content.decode()
    bars = html.split('class="bar-chart"', 1)[1].split("</ul>", 1)[0]
    assert re.search(
        r'href="/kebijakan/B.8/">B.8 [^<]+</a>.*?<span class="bar-chart__value">2</span>',
        bars,
        re.S,
    )
    assert re.search(
        r'href="/kebijakan/A.2/">A.2 [^<]+</a>.*?<span class="bar-chart__value">1</span>',
        bars,
        re.S,
    )
    assert "tanpa teks draf dan tanpa nama pengguna" in html
    assert "bodoh" not in html and "sari" not in html.lower().split("<main", 1)[1]
    assert auditor_client.get("/cek/statistik/").status_code == 200
    assert employee_client.get("/cek/statistik/").status_code == 404


@pytest.mark.django_db
def test_an_unsaved_draft_leaves_no_trace_in_any_table_or_log(employee_client, caplog):
    """The privacy promise with the real engine: nothing of an unsaved draft is kept anywhere."""
    import logging

    from django.apps import apps

    marker = "Rahasia-Draf-Zq7"
    draft = f"{marker} dokter bodoh, NIK 3201014508900003, hubungi 081234567890"
    caplog.set_level(logging.DEBUG)
    for path in ("/cek/", "/cek/pratinjau/"):
        assert employee_client.post(path, {"text": draft}).status_code == 200
    assert ClauseDailyCount.objects.exists()  # counted, nothing more
    for model in apps.get_models():
        for row in model.objects.all().values():
            assert marker not in str(row), model.__name__
            assert "3201014508900003" not in str(row), model.__name__
    assert marker not in caplog.text


@pytest.mark.django_db
def test_pages_showing_a_draft_are_never_cached(employee_client, employee, fake_engine):
    responses = [
        employee_client.post("/cek/", {"text": DRAFT, "save": "on"}),
        employee_client.post("/cek/pratinjau/", {"text": DRAFT}),
        employee_client.get("/cek/tersimpan/"),
        employee_client.get(f"/cek/tersimpan/{SavedCheck.objects.get().pk}/"),
    ]
    for response in responses:
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
