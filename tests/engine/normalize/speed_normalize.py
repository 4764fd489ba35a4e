"""Speed of normalize() on ~100-character posts (a measurement script, not a test).

    .venv/bin/python tests/engine/normalize/speed_normalize.py [FILE]

Without FILE it times posts assembled from phrases written here; with FILE (one post per
line, e.g. a dataset column you may read locally) it times those lines. Prints posts/s and
characters/s for one core (CPU time of this process), cold (empty word cache) and warm.
"""

from __future__ import annotations

import random
import sys
import time

from bijak.engine.normalize import _core, normalize

_PHRASES = [
    "Selamat pagi semua, jangan lupa cuci tangan pakai sabun ya",
    "gk ngerti knp antrian di puskesmas lama bgt hari ini",
    "yg bener aja, obatnya udh habis dari kmrn",
    "Info vaksinasi booster bisa cek di https://sehatnegeriku.kemkes.go.id",
    "G4C0R parah main di s l o t ini, m4xw1n terus 🎰💰",
    "Daftar sekarang di 𝗪𝗘𝗧𝗢𝗡𝟴𝟴 bonus new member 100%!!!",
    "@dinkes_kota mohon tindak lanjutnya #PelayananPublik",
    "wkwkwk mantappp bangeeet acaranya, makasih bu",
    "Hubungi 0811-9224-545 utk pengaduan konten negatif",
    "rapat koordinasi jam 09.00 di ruang 3, jgn telat ya",
    "Alhamdulillah sdh sembuh, terima kasih nakes RSUD 🙏",
    "jual obat tanpa resep 💊 dm aja, harga 50rb",
    "kenapa sih pelayanan BPJS ribet bgt, udh antri 3 jam",
    "Sosialisasi SE Menkes tentang media sosial bagi ASN",
]


def _posts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    posts = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 90:
            parts.append(rnd.choice(_PHRASES))
        text = " ".join(parts)[:110]
        # vary the words a little, as real posts do
        posts.append(text.replace("a", rnd.choice("aaaa4"), 1) + str(rnd.randint(0, 999)))
    return posts


def _time(posts: list[str]) -> float:
    """CPU seconds of this process (steadier than wall time on a shared machine)."""
    start = time.process_time()
    for p in posts:
        normalize(p)
    return time.process_time() - start


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            posts = [line.rstrip("\n") for line in f if line.strip()]
    else:
        posts = _posts(20_000)
    chars = sum(len(p) for p in posts)
    _core._CACHE.clear()
    cold = _time(posts)
    warm = min(_time(posts) for _ in range(3))
    print(f"{len(posts)} posts, {chars / len(posts):.0f} chars on average")
    print(f"cold cache: {len(posts) / cold:,.0f} posts/s")
    print(f"warm cache: {len(posts) / warm:,.0f} posts/s  ({chars / warm / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
