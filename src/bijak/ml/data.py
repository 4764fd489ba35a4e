"""Readers for ../shared/datasets: labelled rows for the model's categories.

Each reader returns :class:`Row` values: the text, the categories its source labelled (0/1),
the data set, the platform it came from and a group key (a hash of the lower-cased text, so
duplicates always land on the same side of a split). Nothing here is shipped.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

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
# bijak.model.v2 adds politik (election and campaign text, ASN neutrality).
# Categories that only bijak's challenge set labels (its train part, written by us): learnt
# from its families, with ordinary posts of every set as negatives (issue 10, item 7).
# Their labels are read for all of these; ``configs/model-v2.yaml`` says which the model
# learns (not narkoba: drug words have medical senses the families do not cover).
CHALLENGE_ONLY_CATEGORIES: tuple[str, ...] = (
    "terorisme",
    "agama_sensitif",
    "pamer",
    "tanpa_sumber",
    "provokasi",
    "penghinaan",
    "rahasia",
    "narkoba",
)
MODEL_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "politik", *CHALLENGE_ONLY_CATEGORIES)


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    labels: dict[str, int] = field(hash=False)
    dataset: str
    platform: str
    reader: str = ""  # the bijak.ml.data reader that produced it (set by ``load``)
    # Rows with the same key stay on one side of every split (NusaX translations of one
    # sentence, buzzer templates that differ only in hashtags); default: the text itself.
    key: str = ""

    @property
    def group(self) -> str:
        base = self.key or " ".join(self.text.casefold().split())
        return hashlib.sha256(base.encode()).hexdigest()[:20]


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


def claim_key(title: str) -> str:
    """A fact-check title without its verdict tag, case and spacing: TurnBackHoax headlines
    and hoax-indonesiafalsenews titles (a scrape of the same site) with the same claim share
    it, so the same claim never lands on both sides of a split."""
    t = re.sub(r"^\s*\[[^\]]*\]\s*", "", title)
    return "claim:" + " ".join(re.sub(r"[^\w\s]", " ", t.casefold()).split())


def read_hoax(root: Path) -> tuple[list[Row], list[Path]]:
    p = root / "hoax-indonesiafalsenews/raw/Data_latih.csv"
    rows = []
    for r in _csv(p):
        text = f"{r['judul'].strip()}\n{r['narasi'].strip()}"
        rows.append(
            Row(
                text,
                {"hoaks": int(r["label"])},
                "hoax-indonesiafalsenews",
                "chain-message",
                key=claim_key(r["judul"]),
            )
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
    return {c: 0 for c in MODEL_CATEGORIES} if labels_all_zero else {}


def is_benign(row: Row) -> bool:
    """An ordinary post: labelled 0 for every category the model knows."""
    return len(row.labels) == len(MODEL_CATEGORIES) and not any(row.labels.values())


# ---------------------------------------------------------------- sets added for v2

_HOAX_TAGS = {"SALAH", "HOAX", "HOAKS", "DISINFORMASI", "MISINFORMASI", "FALSE"}
_TRUE_TAGS = {"BENAR", "KLARIFIKASI", "CLARIFICATION"}
_TAG = re.compile(r"^\s*\[([^\]]+)\]\s*")
_XLSX_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _xlsx_first_column(path: Path) -> list[str]:
    """Column A of the first sheet of an .xlsx file (the standard library only: the file is
    a zip of XML parts), header row included."""
    with zipfile.ZipFile(path) as z:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            # a data set file in ../shared, read for training only (not user input)
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))  # noqa: S314
            for si in root.findall("m:si", _XLSX_NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{_XLSX_NS['m']}}}t")))
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))  # noqa: S314
    out: list[str] = []
    for row in sheet.iter(f"{{{_XLSX_NS['m']}}}row"):
        for c in row.findall("m:c", _XLSX_NS):
            if re.match(r"A\d+$", c.get("r", "")):
                v = c.find("m:v", _XLSX_NS)
                if c.get("t") == "s" and v is not None and v.text is not None:
                    out.append(shared[int(v.text)])
                elif c.get("t") == "inlineStr":
                    out.append("".join(t.text or "" for t in c.iter(f"{{{_XLSX_NS['m']}}}t")))
                elif v is not None and v.text is not None:
                    out.append(v.text)
                break
    return out


def read_turnbackhoax(root: Path) -> tuple[list[Row], list[Path]]:
    """Mafindo fact-check headlines: a hoax verdict tag -> hoaks 1, BENAR/KLARIFIKASI -> 0;
    untagged, news, education and event posts are skipped. The tag itself is removed (it is
    the fact-checker's word, never the post's)."""
    p = root / "turnbackhoax-2021/raw/Scrapping Result (Heading and Link).xlsx"
    rows = []
    for header in _xlsx_first_column(p)[1:]:
        tags: set[str] = set()
        text = header
        while m := _TAG.match(text):  # "[DISINFORMASI] [FAKTA] ..." carries several
            tags |= {t.strip().upper() for t in re.split(r"[+/,]", m.group(1))}
            text = text[m.end() :]
        text = text.strip()
        if not tags:
            continue
        if not text:
            continue
        if tags & _HOAX_TAGS:
            label = 1
        elif tags & _TRUE_TAGS:
            label = 0
        else:
            continue
        rows.append(
            Row(
                text,
                {"hoaks": label},
                "turnbackhoax-2021",
                "fact-check-headline",
                key=claim_key(text),
            )
        )
    return rows, [p]


_URL = re.compile(r"https?://\S+")
_MENTION = re.compile(r"@\S+")
_HASHTAG = re.compile(r"#\S+")
# Double-encoded emoji and quotes ("Ã°Å¸...") in the 2024 tweets: runs of Latin-1/cp1252
# letters that start with Ã or Â are mojibake, never Indonesian words.
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u02ff\u2000-\u20ff]+")


def _template_key(text: str) -> str:
    """Text without hashtags, mentions, links and retweet markers: buzzer templates that
    differ only in those stay together."""
    t = _HASHTAG.sub(" ", _MENTION.sub(" ", _URL.sub(" ", text)))
    t = re.sub(r"\[RE [^\]]*\]|^RT\b", " ", t)
    return " ".join(t.casefold().split())


def read_pilpres2019(root: Path) -> tuple[list[Row], list[Path]]:
    """2019 election-period tweets: every row is election discourse -> politik 1. The
    false-news labels are noisy (SOURCE.md) and are not used."""
    files = [
        root / "pilpres2019-falsenews-tweets/raw/indonesian_falsenews_traindata.txt",
        root / "pilpres2019-falsenews-tweets/raw/indonesian_falsenews_testdata.txt",
    ]
    rows = []
    for p in files:
        with open(p, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                text = (r.get("tweets") or "").replace("&amp;", "&").strip()
                if text:
                    rows.append(
                        Row(
                            text,
                            {"politik": 1},
                            "pilpres2019-falsenews-tweets",
                            "twitter",
                            key=_template_key(text),
                        )
                    )
    return rows, files


def read_satriadata2024(root: Path) -> tuple[list[Row], list[Path]]:
    """Pilpres-2024 campaign tweets: every row names a candidate or the election -> politik 1
    (the 8 topic labels are noisy and not used). Mojibake is removed."""
    p = root / "satriadata-bdc2024-pemilu-tweets/raw/dataset_penyisihan_bdc_2024.csv"
    rows = []
    for r in _csv(p):
        text = " ".join(_MOJIBAKE.sub(" ", r["text"]).split())
        if text:
            rows.append(
                Row(
                    text,
                    {"politik": 1},
                    "satriadata-bdc2024-pemilu-tweets",
                    "twitter",
                    key=_template_key(text),
                )
            )
    return rows, [p]


_BYTE_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")


def _decode_escapes(text: str) -> str:
    """``\\xf0\\x9f\\x98\\xad`` written as literal text -> the character it encodes."""

    def one(m: re.Match[str]) -> str:
        raw = bytes.fromhex(m.group(0).replace("\\x", ""))
        return " " + raw.decode("utf-8", errors="ignore") + " "

    text = _BYTE_ESCAPES.sub(one, text)
    # a tweet cut in the middle of an escape ("...\\xf"), and escaped line breaks
    text = re.sub(r"\\x[0-9a-fA-F]?$", "", text.replace("\\n", " "))
    return " ".join(text.split())


def read_local_abusive(root: Path) -> tuple[list[Row], list[Path]]:
    """Javanese- and Sundanese-mixed tweets: uk -> kata_kasar, hs -> ujaran_kebencian. One
    data set name per language, so each is its own pair in the benchmark."""
    rows = []
    files = []
    for lang, code in (("Javanese", "jv"), ("Sundanese", "su")):
        p = root / f"local-id-abusive-jv-su/raw/{lang}.csv"
        files.append(p)
        for r in _csv(p):
            text = _decode_escapes(r["isi_tweet"]).removesuffix("'").strip()
            if not text or not re.search(r"[a-zA-Z]{2}", text):
                continue
            rows.append(
                Row(
                    text,
                    {"kata_kasar": int(r["uk"]), "ujaran_kebencian": int(r["hs"])},
                    f"local-id-abusive-{code}",
                    "twitter",
                )
            )
    return rows, files


NUSAX_LANGUAGES = (
    "acehnese",
    "balinese",
    "banjarese",
    "buginese",
    "english",
    "javanese",
    "madurese",
    "minangkabau",
    "ngaju",
    "sundanese",
    "toba_batak",
)


def read_nusax(root: Path) -> tuple[list[Row], list[Path]]:
    """NusaX sentences in ten regional languages and English, as ordinary text: neutral and
    positive ones are negatives for every category; negative ones (complaint tone) for every
    category but keluhan_layanan. NusaX-Indonesian is left out: it is derived from SmSA,
    whose valid split is withheld for blind evaluation. All translations of one sentence share
    a key, so they stay on one side of every split."""
    base = root / "nusax-sentiment/raw/datasets/sentiment"
    rows = []
    files = []
    for lang in NUSAX_LANGUAGES:
        for split in ("train", "valid", "test"):
            p = base / lang / f"{split}.csv"
            if not p.is_file():
                continue
            files.append(p)
            for r in _csv(p):
                text = r["text"].strip()
                if not text:
                    continue
                labels = _benign()
                if r["label"] == "negative":
                    del labels["keluhan_layanan"]
                rows.append(Row(text, labels, f"nusax-{lang}", "reviews", key=f"nusax:{r['id']}"))
    return rows, files


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


CHALLENGE_TRAIN = Path(__file__).resolve().parents[3] / "benchmarks" / "challenge" / "train.jsonl"


def read_challenge_train(root: Path) -> tuple[list[Row], list[Path]]:
    """The TRAIN part of bijak's own challenge set (``benchmarks/challenge/train.jsonl``,
    written by the bijak authors; its frozen test part is never read here). A line's labels
    for the model's categories are kept; a hard negative (every label 0) is meant to be
    ``aman`` overall, so it is a negative for every category. A family (a seed post and
    its paraphrases) stays on one side of every split."""
    import json

    rows = []
    with open(CHALLENGE_TRAIN, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            labels = {c: int(v) for c, v in obj["labels"].items() if c in MODEL_CATEGORIES}
            if not any(obj["labels"].values()):
                labels = _benign()
            if not labels:
                continue
            platform = str(obj.get("source", "")).removeprefix("challenge-") or "unknown"
            rows.append(
                Row(
                    obj["text"],
                    labels,
                    "bijak-challenge-train",
                    platform,
                    key=f"challenge:{obj.get('family', obj.get('id', ''))}",
                )
            )
    return rows, [CHALLENGE_TRAIN]


READERS: dict[str, Reader] = {
    "challenge-train": read_challenge_train,
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
    "turnbackhoax-2021": read_turnbackhoax,
    "pilpres2019-falsenews-tweets": read_pilpres2019,
    "satriadata-bdc2024-pemilu-tweets": read_satriadata2024,
    "local-id-abusive-jv-su": read_local_abusive,
    "nusax-sentiment": read_nusax,
}


def load(names: Iterable[str], root: Path) -> tuple[list[Row], dict[str, str]]:
    """Rows of the named readers and ``{relative file path: sha256}`` of each file read."""
    rows: list[Row] = []
    files: dict[str, str] = {}
    for name in names:
        got, used = READERS[name](root)
        rows.extend(replace(r, reader=name) for r in got)
        for p in used:
            try:
                rel = str(p.resolve().relative_to(root.resolve()))
            except ValueError:  # a file of this repository (the challenge set's train part)
                rel = "bijak:" + str(p.resolve().relative_to(CHALLENGE_TRAIN.parents[2]))
            files[rel] = sha256_file(p)
    return rows, files
