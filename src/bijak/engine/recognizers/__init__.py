"""Recognizers, one per file, registered by versioned name in ``bijak.engine.registry``.

Importing this package registers them all. ``DEFAULT_RECOGNIZERS`` is the active set used by
the default pipeline; a pipeline can be built with any other list of registered names.
(Health claims without a source are matched inside ``bijak.lexicon.v1``'s single pass;
``bijak.health_claim.v1`` is the same rule alone.)
"""

from __future__ import annotations

from bijak.engine.recognizers import (  # noqa: F401  (imported to register)
    bpjs_card,
    claims,
    email,
    health_claim,
    lexicon,
    medical_record,
    model_slot,
    nik,
    nota_dinas,
    npwp,
    official,
    phone,
)


def _default_names() -> tuple[str, ...]:
    from importlib import resources

    import yaml

    text = resources.files("bijak.engine").joinpath("pipeline.yaml").read_text("utf-8")
    return tuple(str(n) for n in yaml.safe_load(text)["recognizers"])


DEFAULT_RECOGNIZERS: tuple[str, ...] = _default_names()
"""The active recognizers of the default pipeline, from ``bijak/engine/pipeline.yaml``."""
