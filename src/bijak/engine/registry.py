"""Recognizers by versioned name (spaCy-style), and which of them are active by default.

Each recognizer module registers a factory under its versioned name::

    @recognizers.register("bijak.nik.v1")
    def make_nik() -> Recognizer:
        return NikRecognizer()

A factory may return ``None`` when its component is not available (e.g. no model artifact
shipped); the pipeline then simply runs without it. ``create(specs, context)`` builds the
active ones: a spec is a name, or a mapping ``{name: ..., <parameter>: <value>}`` whose
parameters (from ``pipeline.yaml``) go to the factory as keyword arguments, with the
:class:`BuildContext` (the policy's data a recognizer may need, e.g. its own contact numbers)
as the first argument. No recognizer is configured by its type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bijak.engine.findings import Recognizer

Factory = Callable[..., Recognizer | None]
RecognizerSpec = str | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class BuildContext:
    """Data from the loaded policy that factories may use, by key: ``allow`` (the policy's
    own published contact numbers), ``review_thresholds`` (category -> threshold)."""

    policy_data: Mapping[str, Any] = field(default_factory=dict)


def spec_name(spec: RecognizerSpec) -> tuple[str, dict[str, Any]]:
    """``(name, parameters)`` of one entry of ``pipeline.yaml``."""
    if isinstance(spec, str):
        return spec, {}
    if isinstance(spec, Mapping) and isinstance(spec.get("name"), str):
        params = {str(k): v for k, v in spec.items() if k != "name"}
        return str(spec["name"]), params
    raise ValueError(f"a recognizer entry must be a name or a mapping with 'name': {spec!r}")


class UnknownRecognizerError(KeyError):
    """A recognizer name that nothing registered."""


class Registry:
    """A name -> factory table. Names are versioned: ``bijak.<what>.v<N>``."""

    def __init__(self) -> None:
        self._factories: dict[str, Factory] = {}

    def register(self, name: str) -> Callable[[Factory], Factory]:
        def deco(factory: Factory) -> Factory:
            if name in self._factories and self._factories[name] is not factory:
                raise ValueError(f"recognizer {name!r} registered twice")
            self._factories[name] = factory
            return factory

        return deco

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._factories))

    def get(self, name: str) -> Factory:
        try:
            return self._factories[name]
        except KeyError:
            raise UnknownRecognizerError(name) from None

    def create(
        self, specs: Iterable[RecognizerSpec], context: BuildContext | None = None
    ) -> list[Recognizer]:
        """Build the recognizers named, in order, dropping factories that return ``None``."""
        built: list[Recognizer] = []
        ctx = context if context is not None else BuildContext()
        for spec in specs:
            name, params = spec_name(spec)
            rec = self.get(name)(ctx, **params)
            if rec is not None:
                built.append(rec)
        return built


recognizers = Registry()
