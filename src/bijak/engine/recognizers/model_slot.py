"""``bijak.model.v1``: the trained model (``bijak.engine.recognizers.model``), when shipped.

The factory returns ``None`` (the pipeline runs without it) when the model module is missing
or when ``ModelRecognizer.load_default()`` finds no artifact. Any other import error is a bug
and propagates.
"""

from __future__ import annotations

import importlib

from bijak.engine.findings import Recognizer
from bijak.engine.registry import recognizers

NAME = "bijak.model.v1"
MODULE = "bijak.engine.recognizers.model"


@recognizers.register(NAME)
def make_model_recognizer() -> Recognizer | None:
    try:
        module = importlib.import_module(MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != MODULE:
            raise
        return None
    loaded: Recognizer | None = module.ModelRecognizer.load_default()
    return loaded
