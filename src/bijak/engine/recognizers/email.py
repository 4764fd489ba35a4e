"""``bijak.email.v1``: e-mail addresses. Government addresses (``*.go.id``) are institutional
contact points, not personal data, and are not reported (the ``institutional`` parameter).

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
    suffixes = tuple(str(s).lower() for s in params.get("institutional") or ())
    return not value.lower().endswith(suffixes)


make_email_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
