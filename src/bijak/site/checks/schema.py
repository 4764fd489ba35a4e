"""The one input of a check (text, platform, language), validated the same way for the check
page and the API, with one set of translated messages.

`check_input_parse` turns a mapping (the form's fields or the API's JSON object) into a typed
`CheckInput` (pydantic, strict: `5` is not a text and `null` is not a language), or raises
`CheckInputError` whose problems name the field and carry the message the user reads. The
platforms are data (`platforms.yaml`); the language is chosen in `check_lang` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
PLATFORMS_FILE = Path(__file__).with_name("platforms.yaml")


@dataclass(frozen=True)
class Platform:
    id: str
    labels: Mapping[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["id"]


@cache
def platforms() -> tuple[Platform, ...]:
    data = yaml.safe_load(PLATFORMS_FILE.read_text(encoding="utf-8"))
    return tuple(Platform(id=str(p["id"]), labels=dict(p["label"])) for p in data["platforms"])


def platform_ids() -> list[str]:
    return [p.id for p in platforms()]


def check_lang(requested: str | None = None) -> Lang:
    """The language of a check's explanations: the one asked for, else the request's language
    (the page's chosen language, the API's Accept-Language), else Indonesian."""
    if requested in LANGS:
        return requested
    from bijak.site.policies.present import current_lang

    return "en" if current_lang() == "en" else "id"


class CheckInput(BaseModel):
    """A draft to check. `lang` may be absent (then `check_lang` decides) but never null."""

    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")

    text: str
    platform: str | None = None
    lang: Lang = "id"

    @field_validator("text")
    @classmethod
    def _text(cls, text: str, info: ValidationInfo) -> str:
        if not text.strip():
            raise PydanticCustomError("blank", "blank")
        max_chars = int((info.context or {}).get("max_chars", 0))
        if max_chars and len(text) > max_chars:
            raise PydanticCustomError(
                "too_long", "too long", {"max": max_chars, "length": len(text)}
            )
        return text

    @field_validator("platform")
    @classmethod
    def _platform(cls, platform: str | None) -> str | None:
        if platform is not None and platform not in platform_ids():
            raise PydanticCustomError("unknown_platform", "unknown platform")
        return platform


@dataclass(frozen=True)
class InputProblem:
    field: str
    code: str  # "required", "too_long" or "invalid"
    message: str


class CheckInputError(ValueError):
    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _problem(error: Mapping[str, Any]) -> InputProblem:
    from django.utils.translation import gettext as _

    field = str(error["loc"][0]) if error.get("loc") else ""
    if field == "text":
        if error["type"] == "too_long":
            context = error.get("ctx") or {}
            return InputProblem(
                "text",
                "too_long",
                _(
                    "Draf terlalu panjang: paling banyak %(max)s karakter, draf ini %(length)s "
                    "karakter."
                )
                % {"max": context.get("max"), "length": context.get("length")},
            )
        return InputProblem("text", "required", _("Tulis dulu draf unggahan yang ingin dicek."))
    if field == "platform":
        return InputProblem(
            "platform",
            "invalid",
            _("Kolom “platform” harus salah satu dari: %(choices)s.")
            % {"choices": ", ".join(platform_ids())},
        )
    if field == "lang":
        return InputProblem("lang", "invalid", _("Kolom “lang” harus “id” atau “en”."))
    return InputProblem(field, "invalid", _("Permintaan tidak sah."))


def check_input_parse(data: Mapping[str, Any], *, max_chars: int) -> CheckInput:
    """A typed, checked input, with `lang` chosen by `check_lang` when it was not given."""
    try:
        parsed = CheckInput.model_validate(dict(data), context={"max_chars": max_chars})
    except ValidationError as exc:
        order = {"text": 0, "platform": 1, "lang": 2}
        problems = [_problem(e) for e in exc.errors()]
        raise CheckInputError(sorted(problems, key=lambda p: order.get(p.field, 3))) from None
    if "lang" not in parsed.model_fields_set:
        parsed = parsed.model_copy(update={"lang": check_lang()})
    return parsed
