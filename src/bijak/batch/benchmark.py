"""`bijak benchmark scale`: the same input scanned by each runner; posts/s, scaling efficiency,
and resident memory per worker over the run.

The input is generated: posts assembled at random (fixed seed) from sentence parts written by
the bijak authors for this benchmark (ordinary posts, with a share of posts that break a rule),
so every post differs and no data set is needed.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

# Written by the bijak authors for this benchmark; no text from any data set.
_OPENERS = [
    "Selamat pagi rekan-rekan,",
    "Info hari ini:",
    "Alhamdulillah,",
    "Jangan lupa ya,",
    "Teman-teman puskesmas,",
    "Dari posyandu kelurahan:",
    "Catatan piket malam:",
    "Gaes,",
    "Kabar baik!",
    "Mohon perhatian,",
    "Sekadar berbagi,",
    "Update kegiatan:",
]
_BODIES = [
    "imunisasi dasar lengkap untuk balita dibuka di aula kecamatan mulai jam delapan",
    "cuci tangan pakai sabun sebelum makan itu sederhana tapi penting",
    "hari ini kami melayani 120 pasien rawat jalan, terima kasih atas kesabarannya",
    "jadwal donor darah bulan depan sudah keluar, silakan daftar di meja informasi",
    "anak-anak sekolah dasar ikut lomba menggambar tema hidup sehat",
    "pemeriksaan tekanan darah gratis untuk lansia setiap Jumat pagi",
    "kegiatan senam bersama diikuti hampir dua ratus warga",
    "stok vaksin di gudang farmasi aman sampai akhir bulan",
    "rapat koordinasi lintas sektor membahas penurunan angka stunting",
    "jangan buang sampah sembarangan supaya saluran air tidak tersumbat",
    "buat yang mau konsultasi gizi bisa datang ke ruang tiga",
    "relawan kami membagikan masker dan leaflet di pasar pagi",
    "slot gacor maxwin hari ini depo 10rb langsung wd",
    "dasar pejabat bodoh kerjanya cuma makan gaji buta",
    "pilih nomor dua ya pasti menang, ASN juga harus dukung",
    "minum air rebusan daun ini dijamin sembuh kanker tanpa obat dokter",
    "pelayanan rumah sakit ini lambat sekali, antre lima jam tidak dipanggil",
    "hubungi saya di 0812-3456-7890 untuk info lowongan CPNS tanpa tes",
]
_CLOSERS = [
    "Semoga bermanfaat.",
    "Terima kasih.",
    "Salam sehat!",
    "#GermasBersama",
    "🙏",
    "💪💪",
    "Sampai jumpa besok.",
    "Info lebih lanjut tanya petugas.",
    "",
    "Mari jaga kesehatan.",
]


def generate_posts(path: Path, n: int, *, seed: int = 2438) -> Path:
    """Write ``n`` generated posts as JSONL (``id``, ``text``) to ``path``."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            parts = [rng.choice(_OPENERS), rng.choice(_BODIES)]
            if rng.random() < 0.4:
                parts.append(rng.choice(_BODIES))
            parts.append(rng.choice(_CLOSERS))
            text = " ".join(p for p in parts if p) + f" ({i % 997})"
            fh.write(json.dumps({"id": f"p{i:07d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _one(name: str, inputs: Path, work: Path, **options: Any) -> dict[str, Any]:
    from bijak.batch.runner import run_scan

    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    summary = run_scan([str(inputs)], out, **options)
    rss = summary.worker_rss
    growth = {
        str(pid): round((series[-1] - series[min(2, len(series) - 1)]) / 1024, 1)
        for pid, series in rss.items()
    }
    result = {
        "runner": summary.runner,
        "workers": summary.workers,
        "rows": summary.rows,
        "partitions": summary.partitions,
        "seconds": round(summary.seconds, 2),
        "posts_per_s": round(summary.posts_per_s, 1),
        "posts_per_s_steady": round(summary.posts_per_s_steady, 1),
        "peak_rss_mib_per_worker": max(
            (kib / 1024 for kib in summary.worker_peak_rss_kib.values()), default=0.0
        ),
        "rss_growth_mib_after_warm_up": growth,
        "rss_mib_series": {
            str(pid): [round(k / 1024, 1) for k in series] for pid, series in rss.items()
        },
    }
    shutil.rmtree(out, ignore_errors=True)
    return result


def run_scale_benchmark(
    *, posts: int = 200_000, partition_rows: int = 10_000, runners: str = "local,processes,dask"
) -> dict[str, Any]:
    wanted = [r.strip() for r in runners.split(",") if r.strip()]
    with tempfile.TemporaryDirectory(prefix="bijak-scale-") as tmp:
        work = Path(tmp)
        inputs = generate_posts(work / "posts.jsonl", posts)
        runs: dict[str, dict[str, Any]] = {}
        common: dict[str, Any] = {"partition_rows": partition_rows, "fmt": "parquet"}
        if "local" in wanted:
            runs["local"] = _one("local", inputs, work, **common)
        if "processes" in wanted:
            runs["processes"] = _one("processes", inputs, work, workers=2, **common)
        if "dask" in wanted:
            runs["dask"] = _one("dask", inputs, work, dask_local=2, **common)
    out: dict[str, Any] = {"posts": posts, "partition_rows": partition_rows, "runs": runs}
    one = runs.get("local", {}).get("posts_per_s")
    one_steady = runs.get("local", {}).get("posts_per_s_steady")
    for name in ("processes", "dask"):
        if name in runs and one:
            out[f"efficiency_{name}"] = round(runs[name]["posts_per_s"] / (2 * one), 3)
        if name in runs and one_steady:
            out[f"efficiency_{name}_steady"] = round(
                runs[name]["posts_per_s_steady"] / (2 * one_steady), 3
            )
    return out
