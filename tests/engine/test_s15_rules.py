"""Session 15 rules (issue 10): mechanisms found on development batch 49, each tested on
posts written here (not taken from the batch)."""

from __future__ import annotations

import pytest

from bijak.engine.pipeline import default_pipeline
from bijak.engine.recognizers.lexicon import _in_hashtag


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline()


def _fired(pipe, text: str) -> set[str]:
    report = pipe.analyze_batch([text])[0]
    return {c.id for c in report.categories if c.verdict != "aman"}


def _lexicon_kinds(pipe, text: str, category: str) -> list[str]:
    report = pipe.analyze_batch([text])[0]
    return [
        str(f.meta.get("kind"))
        for f in report.findings
        if f.category == category and f.recognizer == "bijak.lexicon.v1"
    ]


def test_in_hashtag_reads_the_word_the_mark_starts() -> None:
    text = "Ayo semua #Paslon2Menang ya"
    assert _in_hashtag(text, text.index("Paslon"))
    assert _in_hashtag(text, text.index("2Menang"))
    assert not _in_hashtag(text, text.index("semua"))
    assert not _in_hashtag(text, text.index("ya"))


def test_a_candidate_number_inside_a_hashtag_is_evidence_on_its_own(pipe) -> None:
    assert "hashtag" in _lexicon_kinds(pipe, "Semangat pagi rekan-rekan! #Paslon2Menang", "politik")
    # the same words in a sentence still need a campaign word next to them
    assert "hashtag" not in _lexicon_kinds(
        pipe, "Antrean imunisasi paslon 2 menang lomba posyandu", "politik"
    )


def test_an_election_named_in_a_hashtag_is_not_a_promotion(pipe) -> None:
    assert "hashtag" not in _lexicon_kinds(pipe, "Liputan TPS sehat #Pilkada2024", "politik")


def test_staying_neutral_mocked_is_no_neutrality_reminder(pipe) -> None:
    text = (
        "Kalian yang di puskesmas jangan netral terus, nanti calon lain menang. "
        "Pilih nomor 2 saja, sudah jelas."
    )
    assert "politik" in _fired(pipe, text)
    reminder = "Ingat, ASN wajib netral. Jangan ikut kampanye paslon mana pun."
    assert "politik" not in _fired(pipe, reminder)


def test_a_writer_claiming_to_know_the_facts_is_not_debunking(pipe) -> None:
    text = (
        "Bapak ibu, jangan mau anaknya ditetes vitamin A di posyandu, itu bikin buta. "
        "Saya kader sepuluh tahun, saya tahu faktanya."
    )
    report = pipe.analyze_batch([text])[0]
    contexts = {str(f.meta.get("context")) for f in report.findings if f.category == "hoaks"}
    assert not contexts & {"bantahan_hoaks", "bantahan_hoaks_model"}


def test_a_recovery_story_frame_does_not_withdraw_a_harm_claim(pipe) -> None:
    # "perawat" is a recovery-story cue; the harm the post claims is not a cure promise
    text = "Hati-hati, charger HP dicolok semalaman bikin tumor otak. Saya perawat, saya tahu."
    report = pipe.analyze_batch([text])[0]
    harm = [
        f
        for f in report.findings
        if f.recognizer == "bijak.unsourced_claim.v1" and f.meta.get("kind") == "sebab"
    ]
    assert harm and all(f.meta.get("context") != "cerita_kesembuhan" for f in harm)
    assert "tanpa_sumber" in {c.id for c in report.categories if c.verdict != "aman"}
    # a cure story after treatment is still lowered
    story = "Alhamdulillah bapak dinyatakan sembuh setelah operasi dan kemoterapi di RSUD."
    assert "tanpa_sumber" not in {
        c.id for c in pipe.analyze_batch([story])[0].categories if c.verdict != "aman"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Rapat pimpinan tadi panjang sekali. Hasilnya belum bisa kami share, tunggu surat resmi ya.",
        "Banyak yang tanya hasil seleksi kepala ruangan. Maaf, sampai sekarang tidak bisa saya "
        "bagikan, tunggu pengumuman resminya.",
    ],
)
def test_a_refusal_to_share_is_no_leak(pipe, text: str) -> None:
    assert "rahasia" not in _fired(pipe, text)


def test_a_refusal_then_a_hint_is_still_a_leak(pipe) -> None:
    text = (
        "Hasil rapat tertutup belum bisa dishare, tapi bocoran dikit: tiga kepala ruangan "
        "diganti bulan depan, termasuk ruang Anggrek."
    )
    assert "rahasia" in _fired(pipe, text)


def test_context_patterns_must_name_their_first_words() -> None:
    from bijak.engine.context import ContextDataError, parse_context

    head = "# written by the bijak authors\nframes:\n  - id: x\n    reason: {id: a, en: b}\n"
    ok = parse_context(head + '    patterns: ["(tidak|belum) (bisa|boleh) share"]\n')
    assert ok.frames[0].pattern_firsts == frozenset({"tidak", "belum"})
    with pytest.raises(ContextDataError):
        parse_context(head + '    patterns: ["\\\\w+ share"]\n')


@pytest.mark.parametrize(
    "text",
    [
        # a programme's people and places, not someone's condition
        "Pak Darman, wasor TB kita, paling cepat kalau soal pelacakan kontak. Salut!",
        "Tim TB Kabupaten hari ini melepas Bu Yohana yang pensiun setelah 30 tahun.",
        # a people addressed by its place, not one patient
        "Tau Samawa, kusta bisa sembuh! Periksa bercak di kulit ke puskesmas, gratis.",
        "Wong Pacitan, TBC itu biso sembuh asal minum obat teratur enam bulan.",
    ],
)
def test_programme_staff_and_a_people_addressed_are_no_patient_data(pipe, text: str) -> None:
    assert "data_pribadi" not in _fired(pipe, text)


def test_a_patient_named_with_a_diagnosis_is_still_patient_data(pipe) -> None:
    text = "Pasien Ibu Sumarni Wulandari di bangsal 3 hasil tes HIV-nya reaktif, keluarganya belum tahu."
    assert "data_pribadi" in _fired(pipe, text)


def test_a_placeholder_phone_number_is_no_ones() -> None:
    from bijak.engine.recognizers.phone import check_phone

    assert not check_phone("0800-0000-0000", {})
    assert check_phone("0812-3746-9051", {})


def test_a_negated_chain_wrapper_wraps_nothing(pipe) -> None:
    advice = (
        "Ibu hamil yang perlu foto rontgen: beri tahu petugas, kami pakai apron timbal sesuai "
        "pedoman proteksi radiasi. Jangan disembunyikan kehamilannya ya."
    )
    report = pipe.analyze_batch([advice])[0]
    assert not [f for f in report.findings if f.recognizer == "bijak.chain_hoax.v1"]


def test_a_fixed_fault_with_help_on_call_is_a_notice(pipe) -> None:
    notice = "Mesin antrean di loket sudah diperbaiki. Kalau error lagi, hubungi teknisi IPSRS ya."
    assert "keluhan_layanan" not in _fired(pipe, notice)
    complaint = (
        "Mesin antrean di loket katanya sudah diperbaiki, tapi hari ini rusak lagi. "
        "Pasien ngamuk, kami yang kena marah, manajemen diam saja. Kecewa!"
    )
    assert "keluhan_layanan" in _fired(pipe, complaint)


def test_regret_at_someone_elses_mockery_is_no_mockery(pipe) -> None:
    text = (
        "Miris lihat akun yang menertawakan doa keluarga pasien di kolom komentar. "
        "Jangan ikut menyebarkan ejekan begitu, duka itu sama untuk semua."
    )
    assert not _fired(pipe, text) & {"agama_sensitif", "sara", "ujaran_kebencian", "penghinaan"}


def test_regret_that_turns_into_insults_is_still_flagged(pipe) -> None:
    text = (
        "Heran lihat orang-orang itu menghina agama kita terus. Dasar kaum biadab, "
        "usir saja mereka dari kampung ini!"
    )
    assert _fired(pipe, text) & {"agama_sensitif", "sara", "ujaran_kebencian", "provokasi"}


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # a stranger's request for the fields, reported, is no data list
        (
            "data_pribadi",
            "Dapat WA dari nomor asing minta foto KTP dan kartu BPJS pasien untuk verifikasi. "
            "Kami tidak pernah minta data lewat WA pribadi, hubungi kanal resmi saja.",
        ),
        # a language named after its people is no name
        (
            "data_pribadi",
            "Leaflet dalam bahasa Li Niha sudah dicetak: kusta bisa sembuh, obatnya gratis.",
        ),
        # a quoted label called wrong is someone else's
        (
            "ujaran_kebencian",
            "Masih ada yang sebut penderita kusta 'orang kena kutuk' lalu mengusirnya. "
            "Itu salah besar, kusta bisa sembuh.",
        ),
    ],
)
def test_batch_51_classes_stay_aman(pipe, category: str, text: str) -> None:
    assert category not in _fired(pipe, text)
