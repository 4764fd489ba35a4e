"""Sweep one setting of the model config on the Ibrohim & Budi HS 5-fold protocol.

Written by the bijak authors. Each argument is ``key=value[;key=value]`` (JSON values) applied
to ``configs/model-v2.yaml``'s features or classifier; prints the mean F1 at the threshold tuned
on each fold's development part and at 0.5. Reads ../shared/datasets. Example::

    .venv/bin/python scripts/hs_sweep.py 'C=2.0' 'char_ngrams=[2,6]'

Session 11's sweep is in ``benchmarks/results/hs-sweep.json``.
"""

from __future__ import annotations

import dataclasses
import json
import sys

from bijak.ml.benchmarks import CONFIG, hs_protocol, normalizer
from bijak.ml.data import datasets_dir
from bijak.ml.train import TrainConfig


def main(argv: list[str]) -> int:
    base = TrainConfig.load(CONFIG)
    norm, _ = normalizer(base.normalizer)
    root = datasets_dir(None)
    for spec in argv:
        features, classifier = dict(base.features), dict(base.classifier)
        for item in spec.split(";"):
            key, value = item.split("=", 1)
            (features if key in features else classifier)[key] = json.loads(value)
        cfg = dataclasses.replace(base, features=features, classifier=classifier)
        out = hs_protocol(root, cfg, norm, baseline=False, log=lambda _: None)
        print(spec, out["hs1_f1_mean"], out["hs1_f1_at_p05_mean"], flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
