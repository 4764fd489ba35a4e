"""``bijak.model.v1``: the trained model (``bijak.engine.recognizers.model``), when shipped.

The factory returns ``None`` (the pipeline runs without it) when the model module is missing
or when ``ModelRecognizer.load_default()`` finds no artifact. Any other import error is a bug
and propagates.
"""

from __future__ import annotations

import importlib
import inspect

from bijak.engine.findings import Recognizer
from bijak.engine.registry import BuildContext, recognizers

NAME = "bijak.model.v1"
MODULE = "bijak.engine.recognizers.model"


@recognizers.register(NAME)
def make_model_recognizer(context: BuildContext | None = None) -> Recognizer | None:
    """The model, given the policy's review thresholds when its loader takes them."""
    try:
        module = importlib.import_module(MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != MODULE:
            raise
        return None
    load_default = module.ModelRecognizer.load_default
    review = context.policy_data.get("review_thresholds") if context is not None else None
    if review is not None and "thresholds" in inspect.signature(load_default).parameters:
        configured: Recognizer | None = load_default(thresholds=review)
        if configured is not None:
            return configured
    loaded: Recognizer | None = load_default()
    return loaded
