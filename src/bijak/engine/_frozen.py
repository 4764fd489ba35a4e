"""Quick construction of frozen slotted dataclasses on the hot path.

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``,
which costs several times more than the object itself. ``builder(cls)`` returns a function
that takes the field values positionally (in declaration order, all of them) and sets the
slots directly through their descriptors. The objects are ordinary instances: equal,
immutable, with the same repr. No validation runs: only for values the engine itself has
already checked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for i, name in enumerate(names):
        namespace[f"_set{i}"] = cls.__dict__[name].__set__
    args = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"    _set{i}(obj, v{i})\n" for i in range(len(names)))
    # Generated like dataclasses' own __init__: one direct descriptor call per field.
    source = f"def build({args}):\n    obj = _new(_cls)\n{body}    return obj\n"
    exec(source, namespace)  # noqa: S102  (fixed template, field names never enter the code)
    build: Callable[..., T] = namespace["build"]
    build.__name__ = f"build_{cls.__name__}"
    return build
