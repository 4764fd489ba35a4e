"""Recognizers, one per file, registered by versioned name in ``bijak.engine.registry``.

Importing this package registers them all. ``DEFAULT_RECOGNIZERS`` is the active set used by
the default pipeline; a pipeline can be built with any other list of registered names.
(Health claims without a source: ``bijak.unsourced_claim.v1``; the older word-list rule
``bijak.health_claim.v1`` stays registered for pipelines that name it.)
"""

from __future__ import annotations

from typing import Any

from bijak.engine.recognizers import (  # noqa: F401  (imported to register)
    accusation,
    bpjs_card,
    chain_hoax,
    claims,
    email,
    endorsement,
    health_claim,
    lexicon,
    medical_record,
    model_slot,
    nik,
    nota_dinas,
    npwp,
    official,
    patient_data,
    phone,
    unsourced_claim,
)
from bijak.engine.registry import RecognizerSpec, spec_name


def _default_config() -> dict[str, Any]:
    from importlib import resources

    import yaml

    text = resources.files("bijak.engine").joinpath("pipeline.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    for entry in data["recognizers"]:
        spec_name(entry)  # a bad entry fails at import, with the entry in the message
    return data


_CONFIG = _default_config()
DEFAULT_SPECS: tuple[RecognizerSpec, ...] = tuple(_CONFIG["recognizers"])
"""The entries of ``bijak/engine/pipeline.yaml``: a name, or a name with parameters."""
DEFAULT_RECOGNIZERS: tuple[str, ...] = tuple(spec_name(s)[0] for s in DEFAULT_SPECS)
"""The active recognizers of the default pipeline, by name, in order."""
DEFAULT_PARAMS: dict[str, RecognizerSpec] = {
    spec_name(s)[0]: s for s in DEFAULT_SPECS if not isinstance(s, str)
}
"""The default parameters of a recognizer named without any (``Pipeline(recognizers=[...])``)."""
DEFAULT_GATE: dict[str, Any] = dict(_CONFIG.get("model_gate") or {})
"""The ``model_gate`` block of ``pipeline.yaml`` (see :mod:`bijak.engine.gate`)."""
