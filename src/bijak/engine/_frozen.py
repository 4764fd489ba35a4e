"""Quick construction of frozen slotted dataclasses on the hot path.

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``,
which costs several times more than the object itself. ``builder(cls)`` returns a function
that takes the field values positionally (in declaration order, all of them) and sets the
slots directly. The objects are ordinary instances: equal, immutable, with the same repr.
No validation runs: only for values the engine itself has already checked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    setters = tuple(cls.__dict__[name].__set__ for name in names)
    new = object.__new__

    def build(*values: Any) -> T:
        obj: T = new(cls)
        for setter, value in zip(setters, values, strict=True):
            setter(obj, value)
        return obj

    build.__name__ = f"build_{cls.__name__}"
    return build
