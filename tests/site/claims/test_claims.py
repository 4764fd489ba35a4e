"""The site's health-hoax knowledge base: officers add and edit entries (audited) and the check
page matches them at once; ClaimReview import; auditors read only; others see nothing. Claims
and facts here are written by the bijak authors."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bijak.site.audit.models import AuditEntry
from bijak.site.checks.engine import analyze_draft
from bijak.site.claims.models import ClaimRecord

pytestmark = pytest.mark.django_db

NEW_CLAIM = "air rebusan kulit manggis menyembuhkan gagal ginjal tanpa cuci darah"
FACT = "Tidak ada bukti kulit manggis menyembuhkan gagal ginjal; ikuti pengobatan dokter."
SOURCE = "https://sehatnegeriku.kemkes.go.id/contoh-klarifikasi"


def test_an_officers_entry_is_matched_by_the_check_at_once(officer_client):
    post = f"Info grup keluarga: {NEW_CLAIM}. Sebarkan!"
    before = analyze_draft(text=post)
    assert not any(str(f.meta.get("claim_id", "")).startswith("site-") for f in before.findings)
    r = officer_client.post(
        "/klaim/baru/",
        {
            "topic": "ginjal",
            "claims": NEW_CLAIM + "\nkulit manggis obat gagal ginjal",
            "fact": FACT,
            "source": SOURCE,
        },
    )
    assert r.status_code == 302
    record = ClaimRecord.objects.get()
    assert record.claims == [NEW_CLAIM, "kulit manggis obat gagal ginjal"]
    assert AuditEntry.objects.filter(action="claim.create").count() == 1
    after = analyze_draft(text=post)
    hoaks = [c for c in after.categories if c.id == "hoaks"]
    assert hoaks and hoaks[0].verdict != "aman"
    matched = [f for f in after.findings if f.meta.get("claim_id") == record.entry_id]
    assert matched and matched[0].meta["fact"] == FACT and matched[0].meta["source"] == SOURCE
    # switched off: no longer matched
    officer_client.post(f"/klaim/{record.pk}/aktif/")
    assert not any(
        f.meta.get("claim_id") == record.entry_id for f in analyze_draft(text=post).findings
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"source": "http://tidak-aman.example/a"}, "Sumber harus alamat https://"),
        ({"claims": "obat"}, "paling sedikit tiga kata"),
        ({"fact": ""}, "Bidang ini tidak boleh kosong"),
    ],
)
def test_bad_entries_are_refused_with_a_message(officer_client, fields, message):
    data = {"topic": "ginjal", "claims": NEW_CLAIM, "fact": FACT, "source": SOURCE}
    data.update(fields)
    r = officer_client.post("/klaim/baru/", data)
    assert r.status_code == 400 and message in r.content.decode()
    assert ClaimRecord.objects.count() == 0


def test_claimreview_import(officer_client):
    doc = [
        {
            "@type": "ClaimReview",
            "claimReviewed": "Minum air garam hangat membunuh virus di tenggorokan",
            "url": "https://cekfakta.example/garam",
            "reviewRating": {"alternateName": "Salah"},
            "reviewBody": "Air garam tidak membunuh virus di dalam tubuh.",
        },
        {
            "@type": "ClaimReview",
            "claimReviewed": "Puskesmas buka hari Sabtu",
            "url": "https://cekfakta.example/sabtu",
            "reviewRating": {"alternateName": "Benar"},
        },
    ]
    upload = SimpleUploadedFile(
        "cr.json", json.dumps(doc).encode(), content_type="application/json"
    )
    r = officer_client.post("/klaim/impor/", {"file": upload}, follow=True)
    assert "1 klaim diimpor, 0 dilewati" in r.content.decode()
    assert ClaimRecord.objects.get().origin == "claimreview"
    bad = SimpleUploadedFile("x.json", b"{rusak", content_type="application/json")
    r = officer_client.post("/klaim/impor/", {"file": bad}, follow=True)
    assert "bukan JSON ClaimReview" in r.content.decode()


def test_who_sees_what(officer_client, auditor_client, employee_client, outsider_client):
    officer_client.post(
        "/klaim/baru/", {"topic": "ginjal", "claims": NEW_CLAIM, "fact": FACT, "source": SOURCE}
    )
    record = ClaimRecord.objects.get()
    assert auditor_client.get("/klaim/").status_code == 200
    assert "Tambah klaim" not in auditor_client.get("/klaim/").content.decode()
    assert auditor_client.post(f"/klaim/{record.pk}/aktif/").status_code == 404
    for c in (employee_client, outsider_client):
        assert c.get("/klaim/").status_code == 404
        assert c.get(f"/klaim/{record.pk}/").status_code == 404
    record.refresh_from_db()
    assert record.active
