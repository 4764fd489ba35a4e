"""bijak.claims.v1: the knowledge base of debunked health claims and the fuzzy matcher.

The posts below are written by the bijak authors for this test, in other words than the
knowledge base's paraphrases (slang, chain-message wrapping, typos); no dataset text.
"""

from __future__ import annotations

import json
import math

import jsonschema
import pytest
from engine_helpers import run

from bijak.engine import Pipeline, analyze
from bijak.engine.claims import (
    ClaimDataError,
    ClaimEntry,
    content_stems,
    import_claimreview,
    load_default_kb,
    parse_kb,
)
from bijak.engine.normalize import normalize
from bijak.engine.recognizers.claims import RARE_MIN_SHARED, make_claim_recognizer
from bijak.engine.report import report_schema

REC = make_claim_recognizer()

MATCHES = [
    (
        "Teruskan! Minum air kelapa dicampur garam bisa menyembuhkan covid dalam 3 hari. "
        "Sebarkan ke grup keluarga.",
        "covid-air-kelapa-garam",
    ),
    (
        "INFO PENTING!!! ternyata vaksin covid tuh ada microchipnya buat ngelacak kita, "
        "jgn mau divaksin. sebarkan!",
        "vaksin-chip",
    ),
    ("Kata temen aku, imunisasi MMR bikin anak jadi autis lho, mending jangan deh", "vaksin-autis"),
    ("HIV bisa nular lewat gigitan nyamuk, hati2 ya", "hiv-nyamuk"),
    (
        "Daun sirsak direbus 10.000x lebih ampuh dari kemo buat bunuh sel kanker. "
        "Copas dari grup sebelah.",
        "kanker-sirsak",
    ),
    (
        "Stunting mah keturunan, ortunya pendek ya anaknya pendek, ga usah dibesar-besarkan",
        "stunting-keturunan",
    ),
    (
        "Bun, anak demam ga usah dikasih obat, kompres aja pake bawang merah dijamin turun",
        "herbal-bawang-merah-demam",
    ),
    (
        "Pak, obat darah tinggi distop aja, ganti rebusan daun salam tiap pagi. Ampuh!",
        "herbal-ganti-obat-hipertensi",
    ),
    (
        "Asi yang pertama keluar warnanya kuning itu basi, buang aja jangan dikasih ke bayi",
        "asi-kolostrum-basi",
    ),
    ("Micin bikin anak jadi bodoh, generasi micin otaknya rusak semua", "msg-bodoh"),
]


@pytest.mark.parametrize(("text", "claim_id"), MATCHES)
def test_a_debunked_claim_is_matched_through_paraphrase_slang_and_wrapping(text, claim_id):
    found = run(REC, text)
    assert claim_id in [f.meta["claim_id"] for f in found]
    f = next(f for f in found if f.meta["claim_id"] == claim_id)
    assert f.category == "hoaks"
    assert f.meta["fact"] and f.meta["source"].startswith("https://")


@pytest.mark.parametrize(
    "text",
    [
        "Vaksin TIDAK mengandung chip. Isi vaksin adalah antigen.",
        "Hari ini posyandu imunisasi campak dan polio gratis ya bun.",
        "Rapat koordinasi program vaksinasi dan penanganan kanker serviks di aula.",
        "Selamat pagi semua, semoga sehat selalu.",
        "Selamat pagi, jangan lupa cuci tangan pakai sabun ya.",
        "HIV teu menular lewat salaman atau makan bersama, yuk hapus stigma.",
        "Kusta bisa disembuhkan dengan obat gratis dari puskesmas dan tidak mudah menular.",
        "Nyamuk ber-Wolbachia adalah program resmi penanggulangan DBD, tidak menularkan "
        "penyakit baru. Penjelasan: https://www.kemkes.go.id/",
    ],
)
def test_a_negated_claim_or_an_ordinary_health_post_is_not_matched(text):
    assert run(REC, text) == []


def test_a_match_raises_hoaks_and_the_report_carries_the_clarification():
    text = "Katanya HIV bisa nular lewat gigitan nyamuk, jadi pakai lotion ya!"
    report = analyze(text)
    assert {c.id: c.verdict for c in report.categories}["hoaks"] == "langgar"
    (clar,) = report.clarifications
    assert clar.claim_id == "hiv-nyamuk"
    assert "tidak menular lewat nyamuk" in clar.fact
    data = report.to_dict()
    jsonschema.validate(data, report_schema())
    assert data["clarifications"][0]["source"].startswith("https://")
    b1 = next(c for c in report.clauses if "hoaks" in c.categories)
    assert "Faktanya:" in b1.explanation and clar.fact in b1.explanation


def test_a_post_that_debunks_the_claim_is_not_a_hoax():
    text = "Cek fakta: pesan bahwa HIV menular lewat gigitan nyamuk itu hoaks. HIV tidak menular lewat nyamuk."
    report = analyze(text)
    assert report.clarifications == ()
    assert {c.id: c.verdict for c in report.categories}.get("hoaks", "aman") == "aman"


def test_the_shipped_knowledge_base_has_150_entries_each_with_a_fact_and_a_link():
    kb = load_default_kb()
    assert len(kb) >= 150
    assert kb.version
    for e in kb.entries:
        assert e.claims and e.fact and e.source.startswith("https://"), e.id
        assert e.origin == "bijak"
    assert len({e.topic for e in kb.entries}) >= 10


def test_officers_entries_extend_the_knowledge_base():
    entry = ClaimEntry(
        id="petugas-001",
        topic="obat",
        claims=("minyak jelantah diminum menyembuhkan asam lambung",),
        fact="Minyak jelantah tidak menyembuhkan asam lambung dan berbahaya bila diminum.",
        source="https://www.pom.go.id/",
        origin="petugas",
    )
    rec = make_claim_recognizer(extra_entries=[entry])
    (f,) = run(rec, "Asam lambung? Minum minyak jelantah aja, pasti sembuh!")
    assert f.meta["claim_id"] == "petugas-001"
    pipe = Pipeline(recognizers=[{"name": "bijak.claims.v1", "extra_entries": [entry]}])
    assert pipe.analyze("minum minyak jelantah bisa sembuhkan asam lambung").clarifications


SCHEMA_ORG = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://cekfakta.example.id/artikel/123",
    "claimReviewed": "Rendam kaki di air garam menyembuhkan diabetes",
    "reviewRating": {"@type": "Rating", "alternateName": "Salah"},
    "reviewBody": "Rendam kaki di air garam tidak menurunkan gula darah.",
}
GOOGLE = {
    "claims": [
        {
            "text": "Bawang putih di dalam kaus kaki menyedot racun penyakit",
            "claimReview": [
                {
                    "url": "https://cekfakta.example.id/artikel/456",
                    "title": "Bawang putih di kaus kaki tidak menyedot racun",
                    "textualRating": "Keliru",
                }
            ],
        },
        {
            "text": "Puskesmas buka hari Sabtu",
            "claimReview": [{"url": "https://example.id/x", "textualRating": "Benar"}],
        },
    ]
}


def test_claimreview_json_imports_only_false_claims():
    entries = import_claimreview(json.dumps([SCHEMA_ORG, GOOGLE]))
    assert [e.claims[0] for e in entries] == [
        "Rendam kaki di air garam menyembuhkan diabetes",
        "Bawang putih di dalam kaus kaki menyedot racun penyakit",
    ]
    assert entries[0].fact == "Rendam kaki di air garam tidak menurunkan gula darah."
    assert entries[0].source == "https://cekfakta.example.id/artikel/123"
    assert all(e.origin == "claimreview" and e.id.startswith("cr-") for e in entries)
    assert import_claimreview({"@graph": [SCHEMA_ORG]})[0].id == entries[0].id  # stable ids
    rec = make_claim_recognizer(extra_entries=entries)
    assert run(rec, "Diabetes? rendam kaki pakai air garam tiap malam, sembuh!")


def test_claimreview_without_any_review_is_a_clear_error():
    with pytest.raises(ClaimDataError, match="no ClaimReview"):
        import_claimreview({"hello": "world"})


def test_a_knowledge_base_file_must_say_who_wrote_it_and_link_its_sources():
    with pytest.raises(ClaimDataError, match="written by the bijak authors"):
        parse_kb("claims: []\n")
    bad = "# written by the bijak authors\nclaims:\n  - {id: a, claims: [x y], fact: f, source: kemkes}\n"
    with pytest.raises(ClaimDataError, match="must be a link"):
        parse_kb(bad)


# rules-recall: the rarity-weighted path (a claim's telling words inside a long chain
# message) and the guard against a window that states the fact instead of the claim.
def test_a_claim_buried_in_chain_wrapping_is_matched_by_its_rare_words():
    text = (
        "gaes plis banget jangan beli paracetamol yang dijual murah di warung itu, "
        "di dalamnya ada virus machupo, sepupu gue sampai masuk IGD. spread ke semua!!"
    )
    found = [f for f in run(REC, text) if f.meta["claim_id"] == "paracetamol-virus-machupo"]
    assert found, text
    assert found[0].score >= 0.5
    assert found[0].meta["fact"] and found[0].meta["source"].startswith("https://")


def test_the_rarity_path_stays_out_of_a_post_with_a_denial():
    text = (
        "Ada yang kirim pesan soal paracetamol berisi virus machupo di grup keluarga. "
        "Itu tidak benar, paracetamol berizin BPOM aman dipakai sesuai dosis."
    )
    assert [f for f in run(REC, text) if f.meta["kind"] == "klaim-kata"] == []


def test_a_window_that_states_the_protective_fact_is_not_the_claim():
    text = "Imunisasi polio di posyandu melindungi anak dari lumpuh layu, ayo datang Sabtu."
    assert [f for f in run(REC, text) if f.meta["claim_id"] == "vaksin-polio-lumpuh"] == []


def test_new_entries_have_a_fact_and_a_link():
    kb = load_default_kb()
    ids = {e.id: e for e in kb.entries}
    for cid in ("termometer-tembak-otak", "masker-cacing-parasit", "garam-beryodium-bodoh"):
        assert ids[cid].fact and ids[cid].source.startswith("https://")
    text = "Awas!! Thermo gun yang ditembak ke jidat itu ngerusak saraf otak anak, share!"
    assert "termometer-tembak-otak" in [f.meta["claim_id"] for f in run(REC, text)]


def test_a_borderline_match_in_a_post_that_denies_something_is_left_out():
    # the topic of a claim, named in a post that denies it elsewhere
    text = (
        "Buat yang tanya soal radiasi ponsel: kajian sistematis terbaru tidak menemukan bukti "
        "ponsel menyebabkan kanker otak."
    )
    weak = [f for f in run(REC, text) if float(f.meta["similarity"]) < 0.57]
    assert weak == []


def test_the_rarity_path_skips_claims_whose_meaning_is_a_negation():
    # "lansia tidak perlu vaksin" shares words with any post about the elderly
    text = "Senam lansia tiap Jumat di kantor kelurahan, lalu cek tekanan darah gratis untuk orang tua."
    assert [f for f in run(REC, text) if f.meta["kind"] == "klaim-kata"] == []


# Written by the bijak authors: a post whose words reach two paraphrases of one entry
# (covid-rumah-sakit-dibayar) by the rarity path, with different shares of their rare words.
TWO_PARAPHRASES = (
    "Isun koder casemix 5 tahun, baru kali iki ndeleng dokter kaya dr. Hendra Wiguna, Sp.B: "
    "saben pasien hernia dikoding dadi operasi kompleks biar klaim gede. Duit selisihe mlebu "
    "kantong dewek, wong sak RS wis pada ngerti jeh."
)


def _rarity_findings(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.meta["claim_id"], f.meta["matched"], f.meta["similarity"])
        for f in run(REC, text)
        if f.meta["kind"] == "klaim-kata"
    ]


def test_the_rarity_path_reports_each_entrys_best_covered_paraphrase():
    rare = REC._rare
    assert rare is not None
    words = [t.text for t in normalize(TWO_PARAPHRASES).tokens]
    matches = rare.match(words, 0.0)
    ids = [e.id for e, _, _ in matches]
    assert len(ids) == len(set(ids)), "one paraphrase per entry"
    assert [c for _, _, c in matches] == sorted((c for _, _, c in matches), reverse=True)
    by_entry: dict[str, float] = {}
    for e, _, stems, total in rare.paras:  # each paraphrase's own cover: the best is reported
        shared = (stems & set(content_stems(words))) - rare.generic
        if len(shared) >= RARE_MIN_SHARED:
            cover = math.fsum(rare.idf[x] for x in shared) / total
            by_entry[e.id] = max(by_entry.get(e.id, 0.0), cover)
    assert matches, "the post reaches the knowledge base by its rare words"
    for entry, _, cover in matches:
        assert cover == by_entry[entry.id]


def test_claim_matches_do_not_depend_on_the_interpreters_hash_seed():
    """The same post gives the same matched paraphrase and similarity in every process (sets
    of stems used to be walked in their hash order, and the first paraphrase found won)."""
    import os
    import subprocess
    import sys

    code = (
        "import json,sys\n"
        "from bijak.engine.recognizers.claims import make_claim_recognizer\n"
        "from bijak.engine.normalize import normalize\n"
        "rec = make_claim_recognizer()\n"
        "out = [(f.meta['claim_id'], f.meta['matched'], f.meta['similarity'])"
        " for f in rec.analyze(normalize(sys.argv[1]))]\n"
        "print(json.dumps(out))\n"
    )
    seen = set()
    for seed in ("1", "2", "3"):  # seed 2 picked the other paraphrase before the fix
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", code, TWO_PARAPHRASES],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seen.add(done.stdout)
    assert len(seen) == 1, seen
    assert _rarity_findings(TWO_PARAPHRASES) == [tuple(x) for x in json.loads(seen.pop())]
