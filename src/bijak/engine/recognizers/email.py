"""``bijak.email.v1``: e-mail addresses. Government addresses (``*.go.id``) are institutional
contact points, not personal data, and are not reported (the ``institutional`` parameter);
nor are role addresses (``pengaduan@``, ``info@``, ``humas@``: the ``roles`` parameter, local
parts that name a function rather than a person, as RFC 2142 lists for mailbox names).

The pattern is data (``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``; this
module holds the validation hook."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bijak.engine.recognizers.pattern import pattern_factory, validator
from bijak.engine.registry import recognizers

NAME = "bijak.email.v1"


@validator("email_personal")
def check_personal_email(value: str, params: Mapping[str, Any]) -> bool:
    low = value.lower()
    suffixes = tuple(str(s).lower() for s in params.get("institutional") or ())
    if low.endswith(suffixes):
        return False
    roles = params.get("roles") or ()
    return low.split("@", 1)[0] not in roles


make_email_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
