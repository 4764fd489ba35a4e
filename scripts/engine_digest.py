"""A digest of everything the engine says about a fixed corpus: a speed change must not change it.

Written by the bijak authors. The corpus: the challenge set's train part
(``benchmarks/challenge/train.jsonl``), the generated posts with embedded personal data of
``tests/engine/privacy_corpus.py``, the paraphrases of the claims knowledge base wrapped in
chain-message text, and a few edge cases (empty, whitespace, lone surrogates, look-alike
letters, a text over ``max_chars``). With ``--datasets``, also the speed benchmark's posts
(read from the local data sets at run time; their text is never written out).

Each text is analysed in bulk (``analyze_batch``, no explanations) and one by one with
explanations in Indonesian and in English (every ``--explain-every``-th text); the digest is
the SHA-256 over every report's full JSON. ``--out FILE`` writes one hash per text and mode, so
two runs can be compared line by line (``diff``) to find the texts whose report changed::

    .venv/bin/python scripts/engine_digest.py --out /tmp/before.txt
    # ... change the engine ...
    .venv/bin/python scripts/engine_digest.py --out /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRAPPERS = (
    "{}",
    "Copas dari grup sebelah: {} Sebarkan ke keluarga!!",
    "PENTING!!! {}. Bagikan sebelum dihapus 🙏🙏",
    "katanya {} padahal itu hoaks lama, jangan percaya.",
    "Info dr tetangga: {} bener gak sih?",
    "Menurut WHO {} https://www.who.int/news",
)


def corpus(datasets: Path | None, privacy_n: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "tests" / "engine"))
    from privacy_corpus import generate  # type: ignore[import-not-found]

    from bijak.engine.claims import load_default_kb

    texts: list[str] = []
    with (ROOT / "benchmarks" / "challenge" / "train.jsonl").open(encoding="utf-8") as fh:
        texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    texts.extend(p.text for p in generate(privacy_n, seed=11))
    rng = random.Random(7)
    for entry in load_default_kb().entries:
        for claim in entry.claims:
            texts.append(rng.choice(WRAPPERS).format(claim))
            texts.append(claim.upper())
    texts.extend(
        [
            "",
            "   \n\t ",
            "a",
            "halo \ud800 dunia \udfff",
            "V4KS1N itu b3rb4h4y4, mengandung chip 5G!!! jgn mau divaksin",
            "Ｎｏ ＲＭ ００-４５-７８-１２ pasien ODGJ",
            "NIK 3201231508850003 a.n. Budi, HP 0812-3456-7890, NPWP 01.234.567.8-901.000",
            "email: budi.santoso@kemkes.go.id / siti_aminah99@gmail.com",
            "Nota Dinas Nomor: HK.02.02/I/1234/2024 bersifat RAHASIA",
            "bpjs 0001234567890 no kartu",
            ("vaksin mengandung babi dan chip. " * 50),
            ("kata " * 30_000),  # over max_chars
        ]
    )
    if datasets is not None:
        from bijak.ml.benchmarks import speed_posts

        texts.extend(speed_posts(datasets))
    return texts


def digest(texts: list[str], explain_every: int, out: Path | None) -> str:
    from bijak.engine import analyze, analyze_batch

    total = hashlib.sha256()
    lines: list[str] = []

    def add(tag: str, i: int, payload: str) -> None:
        h = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
        total.update(h.encode())
        lines.append(f"{tag}\t{i}\t{h[:16]}")

    for i, report in enumerate(analyze_batch(texts)):
        add("batch", i, report.to_json())
    for i in range(0, len(texts), explain_every):
        add("id", i, analyze(texts[i], lang="id").to_json())
        add("en", i, analyze(texts[i], lang="en", platform="x").to_json())
    if out is not None:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return total.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=None, help="add the speed benchmark posts")
    ap.add_argument("--privacy", type=int, default=3000, help="generated posts with identifiers")
    ap.add_argument("--explain-every", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None, help="write one hash per text and mode")
    args = ap.parse_args(argv)
    texts = corpus(args.datasets, args.privacy)
    t = time.perf_counter()
    value = digest(texts, args.explain_every, args.out)
    print(f"{len(texts)} texts, {time.perf_counter() - t:.1f} s, digest {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
