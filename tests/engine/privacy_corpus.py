"""A generated corpus of posts with embedded personal data, and the privacy property on it.

Written by the bijak authors (templates and name lists made up for this test; no dataset
text). Each generated post carries the raw values it embeds; the property: the engine
recognises every one of them, and no raw value appears anywhere in any output (the report's
JSON in Indonesian and English: masked text, findings' evidence, explanations and meta,
clauses' explanations and evidence).

As a script, the slow full run (the issue-10 figure)::

    .venv/bin/python tests/engine/privacy_corpus.py 100000

or in K processes, shard I of K each (the same corpus, every post in exactly one shard)::

    .venv/bin/python tests/engine/privacy_corpus.py 100000 0/2 &
    .venv/bin/python tests/engine/privacy_corpus.py 100000 1/2
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

FIRST = [
    "Siti",
    "Budi",
    "Ahmad",
    "Dewi",
    "Rina",
    "Agus",
    "Wayan",
    "Made",
    "Yohanes",
    "Fitri",
    "Joko",
    "Nur",
    "Hendra",
    "Maria",
    "Putu",
    "Dimas",
    "Ratna",
    "Asep",
    "Ujang",
    "Lina",
]
LAST = [
    "Aminah",
    "Santoso",
    "Wijaya",
    "Lestari",
    "Saputra",
    "Hidayat",
    "Simanjuntak",
    "Nasution",
    "Pratama",
    "Kusuma",
    "Rahayu",
    "Siregar",
    "Gunawan",
    "Setiawan",
]
HONORIFIC = ["Ibu", "Bapak", "Pak", "Bu", "Tn.", "Ny.", "Sdr.", "An.", "Pasien", "Mbak"]
DETAIL = [
    "positif HIV",
    "hasil tes HIV positif",
    "didiagnosis TB paru",
    "mengidap skizofrenia",
    "sedang hamil 3 bulan",
    "didiagnosa depresi berat",
    "menderita hepatitis B",
    "hasil lab menunjukkan sifilis",
    "ODGJ dan sering kambuh",
    "positif covid",
]
FILLER = [
    "Mohon doanya ya.",
    "Info dari grup kantor.",
    "Tolong jangan disebar.",
    "Kemarin di puskesmas ramai sekali.",
    "Sudah dilaporkan ke atasan.",
    "",
]
PROVINCES = [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61,
             62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 94]  # fmt: skip


@dataclass(frozen=True)
class Post:
    text: str
    values: tuple[str, ...]
    """The raw personal values embedded (each must be recognised and never shown)."""


def nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    digits = (
        f"{rng.choice(PROVINCES):02d}{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}"
        f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}{rng.randint(1, 9999):04d}"
    )
    style = rng.randrange(3)
    if style == 1:
        return "-".join(digits[i : i + 4] for i in range(0, 16, 4))
    if style == 2:
        return f"{digits[:6]} {digits[6:12]} {digits[12:]}"
    return digits


def phone(rng: random.Random) -> str:
    rest = "".join(str(rng.randrange(10)) for _ in range(rng.randint(8, 10)))
    number = "08" + str(rng.randint(11, 99)) + rest[:-2]
    style = rng.randrange(3)
    if style == 1:
        return f"{number[:4]}-{number[4:8]}-{number[8:]}"
    if style == 2:
        return "+62 " + number[1:4] + "-" + number[4:8] + "-" + number[8:]
    return number


def record(rng: random.Random) -> tuple[str, str]:
    d = [f"{rng.randrange(100):02d}" for _ in range(4)]
    style = rng.randrange(6)
    if style == 4:
        value = "".join(str(rng.randrange(10)) for _ in range(7))
        return f"resep RM-{value}", value
    if style == 5:
        value = "-".join(d)
        return f"MR {value}", value
    if style == 0:
        value = "-".join(d)
        return f"No RM {value}", value
    if style == 1:
        value = "".join(d)[:6]
        return f"No. RM: {value}", value
    if style == 2:
        value = ".".join(d[:3])
        return f"rekam medis {value}", value
    value = "".join(d)
    return f"nomor rekam medis {value}", value


def generate(n: int, seed: int = 2438) -> Iterator[Post]:
    rng = random.Random(seed)
    for _ in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        honor = rng.choice(HONORIFIC)
        kind = rng.randrange(7)
        filler = rng.choice(FILLER)
        if kind == 0:
            value = nik(rng)
            yield Post(f"{filler} NIK {honor} {name}: {value}, tolong dibantu.", (value,))
        elif kind == 1:
            value = phone(rng)
            yield Post(f"Hubungi {honor} {name} di {value} ya. {filler}", (value,))
        elif kind == 2:
            user = name.lower().replace(" ", ".")
            value = f"{user}{rng.randint(1, 99)}@gmail.com"
            yield Post(f"Kirim berkas ke {value} sebelum Jumat. {filler}", (value,))
        elif kind == 3:
            phrase, value = record(rng)
            detail = rng.choice(DETAIL)
            yield Post(f"{honor} {name}, {phrase}, {detail}. {filler}", (value, name))
        elif kind == 4:
            detail = rng.choice(DETAIL)
            rt, rw = rng.randint(1, 20), rng.randint(1, 15)
            address = f"RT {rt:02d}/RW {rw:02d}"
            yield Post(f"{honor} {name} warga {address} {detail}. {filler}", (name, address))
        elif kind == 5:
            detail = rng.choice(DETAIL)
            yield Post(
                f"Kabar duka, {honor} {name} {detail}. {name} dirawat di RSUD. {filler}", (name,)
            )
        else:
            card = "000" + "".join(str(rng.randrange(10)) for _ in range(10))
            value = nik(rng)
            yield Post(
                f"Data peserta: kartu BPJS {card}, NIK {value}, {honor} {name} {rng.choice(DETAIL)}.",
                (card, value, name),
            )


def leaks(post: Post, outputs: list[str]) -> list[str]:
    """The raw values of ``post`` that appear in any output."""
    return [v for v in post.values if any(v in out for out in outputs)]


def main(n: int, shard: int = 0, shards: int = 1) -> int:
    from bijak.engine import analyze

    t0 = time.perf_counter()
    bad = 0
    done = 0
    for index, post in enumerate(generate(n)):
        if index % shards != shard:
            continue
        done += 1
        outputs = [analyze(post.text).to_json(), analyze(post.text, lang="en").to_json()]
        leaked = leaks(post, outputs)
        if leaked:
            bad += 1
            if bad <= 5:
                print("LEAK", leaked, post.text)
    dt = time.perf_counter() - t0
    print(
        f"{done} posts (shard {shard}/{shards} of {n}), {bad} with a raw value in an output, "
        f"{dt:.1f} s ({done / dt:.0f} posts/s)"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    part, parts = (int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "0/1").split("/"))
    sys.exit(main(count, part, parts))
