"""The public policy pages, in Indonesian and English."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from bijak.policy import load_policy
from bijak.policy.examples import examples_for
from bijak.site.policies.services import policy_version_load

SECOND_AGENCY = Path(__file__).resolve().parents[2] / "policy" / "fixtures" / "dinkes-contoh.yaml"
POLICY = load_policy()

pytestmark = pytest.mark.django_db


def _page(client, url: str, lang: str | None = None) -> str:
    if lang is not None:
        client.cookies["django_language"] = lang
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


INDEX_HEADINGS = {
    "id": [
        "A. Himbauan",
        "B. Larangan",
        "C. Hal yang Perlu Diperhatikan",
        "D. Kontak Aduan",
        "Tentang versi ini",
        "Dasar hukum",
        "Konsekuensi pelanggaran",
        "Kewajiban sosialisasi",
        "Kanal aduan",
        "Daftar isi",
    ],
    "en": [
        "A. Recommendations",
        "B. Prohibitions",
        "C. Things to Bear in Mind",
        "D. Reporting Contacts",
        "About this version",
        "Legal basis",
        "Consequence of a breach",
        "Dissemination duty",
        "Reporting channels",
        "Contents",
    ],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_index_presents_every_section_and_clause(client, lang):
    body = _page(client, "/kebijakan/", lang)
    assert f'<html lang="{lang}">' in body
    assert f"<h1>{POLICY.title(lang)}</h1>" in body
    for heading in INDEX_HEADINGS[lang]:
        assert f">{heading}</h2>" in body, heading
    for clause in POLICY.clauses:
        word = "Point" if lang == "en" else "Poin"
        assert f'<a href="/kebijakan/{clause.id}/">{word} {clause.id}</a>' in body
        assert f"<p>{clause.text(lang)}</p>" in body
    for basis in POLICY.legal_basis:
        assert basis.text(lang) in body
    assert POLICY.consequence.text(lang) in body and POLICY.consequence.note(lang) in body
    assert POLICY.dissemination.text(lang) in body
    assert POLICY.content_hash in body


def test_index_shows_kind_severity_and_categories_in_indonesian(client):
    body = _page(client, "/kebijakan/")
    b2 = body[body.index('id="pasal-B.2"') : body.index('id="pasal-B.3"')]
    assert "<dt>Jenis</dt><dd>Larangan</dd>" in b2
    assert '<dd class="sev-tinggi">Tinggi</dd>' in b2
    assert "<li>SARA (suku, agama, ras, antargolongan)</li>" in b2
    assert "<li>Ujaran kebencian</li>" in b2


def test_index_shows_kind_severity_and_categories_in_english(client):
    body = _page(client, "/kebijakan/", "en")
    b3 = body[body.index('id="pasal-B.3"') : body.index('id="pasal-B.4"')]
    assert "<dt>Kind</dt><dd>Prohibition</dd>" in b3
    assert '<dd class="sev-sedang">Medium</dd>' in b3
    assert "<li>Abusive or profane language</li>" in b3
    assert "This English rendering is unofficial; the Indonesian text is authoritative." in body


def test_index_lists_the_reporting_channels_with_links(client):
    body = _page(client, "/kebijakan/")
    assert '<a href="https://wa.me/628119224545" rel="noopener">0811-9224-545</a>' in body
    assert (
        '<a href="mailto:aduankonten@mail.kominfo.go.id" rel="noopener">'
        "aduankonten@mail.kominfo.go.id</a>"
    ) in body
    assert '<a href="https://aduankonten.id" rel="noopener">https://aduankonten.id</a>' in body
    assert "081-1922-4545" in body  # the seed's form, recorded in the channel's note
    for kind in POLICY.complaint_kinds:
        assert f"<li>{kind.label_id}</li>" in body


def test_index_shows_the_active_version_once_loaded(client):
    body = _page(client, "/kebijakan/")
    assert "Belum dimuat ke basis data; menampilkan berkas bawaan." in body
    policy_version_load()
    body = _page(client, "/kebijakan/")
    assert "Belum dimuat ke basis data" not in body
    assert f"<dt>Versi</dt><dd>{POLICY.version}</dd>" in body
    assert f"<dt>Tanggal berlaku</dt><dd>{POLICY.effective_date}</dd>" in body


def test_language_switch_through_setlang(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/kebijakan/B.5/"})
    assert response.status_code == 302 and response["Location"] == "/kebijakan/B.5/"
    body = _page(client, "/kebijakan/B.5/")
    assert "<h1>Point B.5 · Prohibition</h1>" in body
    assert "<p>Spreading health-related hoaxes.</p>" in body


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("id", ("Poin B.2 · Larangan", "Saran", "Contoh", "Melanggar:", "Sesuai aturan:")),
        (
            "en",
            (
                "Point B.2 · Prohibition",
                "Advice",
                "Examples",
                "Breaks the rule:",
                "Within the rules:",
            ),
        ),
    ],
)
def test_prohibition_page_shows_advice_and_examples_with_a_rewrite(client, lang, labels):
    body = _page(client, "/kebijakan/B.2/", lang)
    clause = POLICY.clause("B.2")
    title, advice_heading, examples_heading, breaks, within = labels
    assert f"<h1>{title}</h1>" in body
    assert f"<blockquote><p>{clause.text(lang)}</p></blockquote>" in body
    assert f">{advice_heading}</h2>" in body and f"<p>{clause.advice(lang)}</p>" in body
    assert f">{examples_heading}</h2>" in body
    examples = examples_for(POLICY.id, "B.2")
    assert len(examples) == 2
    for example in examples:
        assert example.kind == "breaks"
        assert f"<blockquote><p>{example.post(lang)}</p></blockquote>" in body
        assert f"<blockquote><p>{example.better(lang)}</p></blockquote>" in body
    assert body.count(f"<strong>{breaks}</strong>") == 2
    assert body.count(f"<strong>{within}</strong>") == 2


def test_english_clause_page_keeps_the_indonesian_original(client):
    body = _page(client, "/kebijakan/B.2/", "en")
    assert f'<p lang="id">{POLICY.clause("B.2").text_id}</p>' in body


def test_recommendation_page_shows_examples_of_following_it(client):
    body = _page(client, "/kebijakan/A.5/")
    examples = examples_for(POLICY.id, "A.5")
    assert len(examples) == 2
    for example in examples:
        assert example.kind == "follows"
        assert f"<blockquote><p>{example.post_id}</p></blockquote>" in body
        assert f"Mengapa: {example.why_id}" in body
    assert "Melanggar:" not in body


def test_every_prohibition_and_recommendation_has_two_examples():
    for clause in POLICY.clauses:
        if clause.section in ("A", "B"):
            examples = examples_for(POLICY.id, clause.id)
            assert len(examples) == 2, clause.id
            expected = "breaks" if clause.kind == "larangan" else "follows"
            assert {e.kind for e in examples} == {expected}, clause.id
            for e in examples:
                assert e.post_id and e.post_en
                assert (
                    (e.better_id and e.better_en)
                    if expected == "breaks"
                    else (e.why_id and e.why_en)
                )


def test_every_clause_page_renders_and_links_its_neighbours(client):
    ids = [c.id for c in POLICY.clauses]
    for at, clause_id in enumerate(ids):
        body = _page(client, f"/kebijakan/{clause_id}/")
        if at + 1 < len(ids):
            assert f'<a href="/kebijakan/{ids[at + 1]}/" rel="next">' in body


def test_the_reporting_clause_page_lists_the_channels(client):
    body = _page(client, "/kebijakan/D/")
    assert ">Kanal aduan</h2>" in body and "0811-9224-545" in body


@pytest.mark.parametrize("url", ["/kebijakan/Z.9/", "/kebijakan/b.2/", "/kebijakan/B.99/"])
def test_unknown_clause_is_404(client, url):
    assert client.get(url).status_code == 404


def test_pages_follow_the_active_policy_of_another_agency(client):
    policy_version_load(path=SECOND_AGENCY)
    body = _page(client, "/kebijakan/")
    assert "<h1>Pedoman Bermedia Sosial Pegawai Dinas Kesehatan Contoh</h1>" in body
    assert "H. Anjuran</h2>" in body and "L. Larangan</h2>" in body
    assert "Kementerian Kesehatan" not in body
    assert client.get("/kebijakan/B.2/").status_code == 404
    body = _page(client, "/kebijakan/L.1/")
    assert "Belum ada contoh untuk poin ini." in body


def test_pages_need_no_login(client):
    for url in ("/kebijakan/", "/kebijakan/A.1/"):
        assert client.get(url).status_code == 200


def test_download_returns_the_exact_active_file(client, tmp_path):
    import hashlib

    response = client.get("/kebijakan/unduh/")
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="kemenkes-hk0202-2438-2018.yaml"'
    )
    assert hashlib.sha256(response.content).hexdigest() == POLICY.content_hash
    version = policy_version_load(path=SECOND_AGENCY)
    response = client.get("/kebijakan/unduh/")
    assert hashlib.sha256(response.content).hexdigest() == version.content_hash
    assert response["Content-Disposition"] == 'attachment; filename="dinkes-contoh.yaml"'


def test_index_lists_the_version_history_of_the_active_policy(client, tmp_path):
    from bijak.policy import DEFAULT_POLICY_PATH

    first = policy_version_load()
    changed = tmp_path / "kemenkes-v2.yaml"
    changed.write_text(
        DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    second = policy_version_load(path=changed)
    body = _page(client, "/kebijakan/")
    assert "<summary>Riwayat versi</summary>" in body
    assert f"<tr><td>1.1</td><td><code>{second.content_hash[:12]}</code></td>" in body
    assert f"<tr><td>1.0</td><td><code>{first.content_hash[:12]}</code></td>" in body
    assert body.count("<td>aktif</td>") == 1 and body.count("<td>tidak aktif</td>") == 1
    body = _page(client, "/kebijakan/", "en")
    assert "<summary>Version history</summary>" in body
    assert body.count("<td>active</td>") == 1 and body.count("<td>inactive</td>") == 1
