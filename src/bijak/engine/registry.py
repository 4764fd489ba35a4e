"""Recognizers by versioned name (spaCy-style), and which of them are active by default.

Each recognizer module registers a factory under its versioned name::

    @recognizers.register("bijak.nik.v1")
    def make_nik() -> Recognizer:
        return NikRecognizer()

A factory may return ``None`` when its component is not available (e.g. no model artifact
shipped); the pipeline then simply runs without it. ``create(names)`` builds the active ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bijak.engine.findings import Recognizer

Factory = Callable[[], Recognizer | None]


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

    def create(self, names: Iterable[str]) -> list[Recognizer]:
        """Build the recognizers named, in order, dropping factories that return ``None``."""
        built: list[Recognizer] = []
        for name in names:
            rec = self.get(name)()
            if rec is not None:
                built.append(rec)
        return built


recognizers = Registry()
