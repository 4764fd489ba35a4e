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

DEFAULT_RECOGNIZERS: tuple[str, ...] = (
    "bijak.lexicon.v1",
    "bijak.nik.v1",
    "bijak.phone.v1",
    "bijak.email.v1",
    "bijak.npwp.v1",
    "bijak.bpjs_card.v1",
    "bijak.medical_record.v1",
    "bijak.nota_dinas.v1",
    "bijak.official.v1",
    "bijak.claims.v1",
    "bijak.model.v1",
)
