"""Readers for ../shared/datasets: labelled rows for the model's categories.

Each reader returns :class:`Row` values: the text, the categories its source labelled (0/1),
the data set, the platform it came from and a group key (a hash of the lower-cased text, so
duplicates always land on the same side of a split). Nothing here is shipped.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

csv.field_size_limit(sys.maxsize)

CATEGORIES: tuple[str, ...] = (
    "perjudian",
    "penipuan",
    "pornografi",
    "radikalisme",
    "sara",
    "fitnah",
    "hoaks",
    "ujaran_kebencian",
    "kata_kasar",
    "keluhan_layanan",
)


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    labels: dict[str, int] = field(hash=False)
    dataset: str
    platform: str
    reader: str = ""  # the bijak.ml.data reader that produced it (set by ``load``)

    @property
    def group(self) -> str:
        return hashlib.sha256(" ".join(self.text.casefold().split()).encode()).hexdigest()[:20]


def datasets_dir(path: str | Path | None = None) -> Path:
    """``path``, else $BIJAK_DATASETS, else ``<repo>/../shared/datasets``."""
    if path is not None:
        return Path(path)
    env = os.environ.get("BIJAK_DATASETS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "datasets"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _csv(path: Path, encoding: str = "utf-8-sig", delimiter: str = ",") -> Iterable[dict[str, str]]:
    with open(path, encoding=encoding, newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


# Each reader: (root) -> (rows, files used)
Reader = Callable[[Path], tuple[list[Row], list[Path]]]


def read_ibrohim2019(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "ibrohim2019-multilabel-hs/raw/re_dataset.csv"
    rows = []
    for r in _csv(p, encoding="latin-1"):
        labels = {
            "ujaran_kebencian": int(r["HS"]),
            "kata_kasar": int(r["Abusive"]),
            "sara": int(r["HS_Religion"] == "1" or r["HS_Race"] == "1"),
        }
        rows.append(Row(r["Tweet"], labels, "ibrohim2019-multilabel-hs", "twitter"))
    return rows, [p]


def read_hs1_split(root: Path, kind: str, fold: int) -> tuple[list[Row], list[Path]]:
    p = root / f"indobertweet-hs-splits/raw/hate_speech_HS1/data/{kind}{fold}.csv"
    rows = [
        Row(r["Tweet"], {"ujaran_kebencian": int(r["HS"])}, "indobertweet-hs-splits", "twitter")
        for r in _csv(p, encoding="ISO-8859-1")
    ]
    return rows, [p]


def read_ibrohim2018(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "ibrohim2018-abusive/raw/re_dataset_two_labels.csv"
    rows = [
        Row(r["Tweet"], {"kata_kasar": int(r["Label"] == "2")}, "ibrohim2018-abusive", "twitter")
        for r in _csv(p)
    ]
    return rows, [p]


def read_abusive_news(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "abusive-news-comments/derived/abusive_news_comments.csv"
    rows = [
        Row(
            r["Kalimat"],
            {"kata_kasar": int(r["label"] in ("2", "3"))},
            "abusive-news-comments",
            "news-comments",
        )
        for r in _csv(p)
    ]
    return rows, [p]


def read_aulia2019(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "aulia2019-hs-facebook/raw/dataset.csv"
    rows = [
        Row(r["text"], {"ujaran_kebencian": int(r["label"])}, "aulia2019-hs-facebook", "facebook")
        for r in _csv(p)
    ]
    return rows, [p]


def read_netifier(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "netifier/raw/train.csv"
    rows = []
    for r in _csv(p):
        labels = {
            "pornografi": int(r["pornografi"]),
            "sara": int(r["sara"]),
            "radikalisme": int(r["radikalisme"]),
            "fitnah": int(r["pencemaran_nama_baik"]),
        }
        rows.append(Row(r["original_text"], labels, "netifier", r["source"].strip() or "unknown"))
    return rows, [p]


def read_judol(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "judol-youtube-comments/raw/dataset_judol_labelled.csv"
    rows = [
        Row(r["comment_text"], {"perjudian": int(r["label"])}, "judol-youtube-comments", "youtube")
        for r in _csv(p)
        if r["comment_text"]
    ]
    return rows, [p]


def read_sms(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "sms-spam-wibisono/raw/dataset_sms_spam_v1.csv"
    rows = [
        Row(r["Teks"], {"penipuan": int(r["label"] == "1")}, "sms-spam-wibisono", "sms")
        for r in _csv(p)
    ]
    return rows, [p]


def read_hoax(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "hoax-indonesiafalsenews/raw/Data_latih.csv"
    rows = []
    for r in _csv(p):
        text = f"{r['judul'].strip()}\n{r['narasi'].strip()}"
        rows.append(
            Row(text, {"hoaks": int(r["label"])}, "hoax-indonesiafalsenews", "chain-message")
        )
    return rows, [p]


def read_keluhan(root: Path) -> tuple[list[Row], list[Path]]:
    """Complaints/negative tone about a service or health programme."""
    rows: list[Row] = []
    p1 = (
        root
        / "rizalespe-id-sentiment-small/raw/dataset_tweet_sentiment_cellular_service_provider.csv"
    )
    for r in _csv(p1):
        rows.append(
            Row(
                r["Text Tweet"],
                {"keluhan_layanan": int(r["Sentiment"] == "negative")},
                "rizalespe-cellular-service",
                "twitter",
            )
        )
    files = [p1]
    for split in ("train_preprocess.csv", "valid_preprocess.csv"):
        p = root / "indonlu-hoasa_absa-airy/raw" / split
        files.append(p)
        for r in _csv(p):
            neg = any(v in ("neg", "neg_pos") for k, v in r.items() if k != "review")
            rows.append(
                Row(
                    r["review"],
                    {"keluhan_layanan": int(neg)},
                    "indonlu-hoasa_absa-airy",
                    "hotel-reviews",
                )
            )
    p3 = root / "id-vaccines-tweets/raw/id_vaccines_tweets.csv"
    files.append(p3)
    for r in _csv(p3):
        if not r["norm"].strip():
            continue
        rows.append(
            Row(
                r["norm"],
                {"keluhan_layanan": int(float(r["posneg"]) < 0)},
                "id-vaccines-tweets",
                "twitter",
            )
        )
    return rows, files


def _benign(labels_all_zero: bool = True) -> dict[str, int]:
    return {c: 0 for c in CATEGORIES} if labels_all_zero else {}


def read_benign_train(root: Path) -> tuple[list[Row], list[Path]]:
    """Ordinary posts used as negatives for every category: positive/neutral reviews (SmSA
    train) and positive/neutral everyday tweets (IdSA)."""
    rows: list[Row] = []
    p1 = root / "indonlu-smsa_doc-sentiment-prosa/raw/train_preprocess.tsv"
    with open(p1, encoding="utf-8") as fh:
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if label in ("positive", "neutral") and text:
                rows.append(Row(text, _benign(), "indonlu-smsa_doc-sentiment-prosa", "reviews"))
    p2 = root / "idsa-sentiment-tweets-ugm/raw/Indonesian Sentiment Twitter Dataset Labeled.csv"
    with open(p2, encoding="utf-8", newline="") as fh:
        rd = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rd)
        for rec in rd:
            if len(rec) >= 2 and rec[0].strip() in ("0", "1") and rec[1].strip():
                rows.append(Row(rec[1], _benign(), "idsa-sentiment-tweets-ugm", "twitter"))
    return rows, [p1, p2]


def read_benign_unseen(root: Path) -> tuple[list[Row], list[Path]]:
    """Ordinary posts NEVER used in training, only to measure false alarms: happy/love tweets
    (EmoT), positive film/TV tweets, car reviews without a negative aspect (CASA)."""
    rows: list[Row] = []
    files = []
    for split in ("train_preprocess.csv", "valid_preprocess.csv"):
        p = root / "indonlu-emot_emotion-twitter/raw" / split
        files.append(p)
        for r in _csv(p):
            if r["label"] in ("happy", "love"):
                rows.append(Row(r["tweet"], _benign(), "indonlu-emot_emotion-twitter", "twitter"))
    for name in (
        "dataset_tweet_sentiment_opini_film.csv",
        "dataset_tweet_sentimen_tayangan_tv.csv",
    ):
        p = root / "rizalespe-id-sentiment-small/raw" / name
        files.append(p)
        for r in _csv(p):
            if r["Sentiment"] == "positive":
                rows.append(Row(r["Text Tweet"], _benign(), "rizalespe-film-tv", "twitter"))
    for split in ("train_preprocess.csv", "valid_preprocess.csv"):
        p = root / "indonlu-casa_absa-prosa/raw" / split
        files.append(p)
        for r in _csv(p):
            if not any(v == "negative" for k, v in r.items() if k != "sentence"):
                rows.append(Row(r["sentence"], _benign(), "indonlu-casa_absa-prosa", "car-reviews"))
    return rows, files


READERS: dict[str, Reader] = {
    "ibrohim2019-multilabel-hs": read_ibrohim2019,
    "ibrohim2018-abusive": read_ibrohim2018,
    "abusive-news-comments": read_abusive_news,
    "aulia2019-hs-facebook": read_aulia2019,
    "netifier": read_netifier,
    "judol-youtube-comments": read_judol,
    "sms-spam-wibisono": read_sms,
    "hoax-indonesiafalsenews": read_hoax,
    "keluhan": read_keluhan,
    "benign-train": read_benign_train,
    "benign-unseen": read_benign_unseen,
}


def load(names: Iterable[str], root: Path) -> tuple[list[Row], dict[str, str]]:
    """Rows of the named readers and ``{relative file path: sha256}`` of each file read."""
    rows: list[Row] = []
    files: dict[str, str] = {}
    for name in names:
        got, used = READERS[name](root)
        rows.extend(replace(r, reader=name) for r in got)
        for p in used:
            files[str(p.resolve().relative_to(root.resolve()))] = sha256_file(p)
    return rows, files
