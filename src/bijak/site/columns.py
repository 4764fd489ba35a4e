"""Values checked against the database columns they go to, before they get there.

PostgreSQL refuses a value longer than its column (SQLite stores it anyway) and any text with a
NUL character; both used to surface as a 500. Every service that writes user input calls
`check_columns` first, so the limit comes from the model itself and the user reads a translated
message naming the field.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def column_problems(model: type[Model], **values: str) -> list[str]:
    """Translated problems of `values` (field name -> text) for `model`'s columns."""
    problems: list[str] = []
    for name, value in values.items():
        field = model._meta.get_field(name)
        label = str(getattr(field, "verbose_name", name))
        if "\x00" in value:
            problems.append(
                _("Kolom %(field)s berisi karakter NUL yang tidak diizinkan.") % {"field": label}
            )
        limit = getattr(field, "max_length", None)
        if limit is not None and len(value) > limit:
            problems.append(
                _(
                    "Kolom %(field)s terlalu panjang: paling banyak %(max)d karakter, diisi "
                    "%(length)d."
                )
                % {"field": label, "max": limit, "length": len(value)}
            )
    return problems


def check_columns(model: type[Model], **values: str) -> None:
    """Raise ValidationError with every problem of `values` for `model`'s columns."""
    problems = column_problems(model, **values)
    if problems:
        raise ValidationError(problems)


def max_length_of(model: type[Model], name: str) -> int:
    """The column limit of a text field, for forms that must not accept more."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    assert limit is not None, f"{model.__name__}.{name} has no max_length"
    return int(limit)


def plain_text(value: str) -> str:
    """User text as plain text: HTML tags removed, control characters (except new lines and
    tabs, and so NUL) dropped, outer whitespace stripped. Descriptions, OCR text and knowledge-
    base entries are stored this way, so no stored value carries markup or script."""
    text = strip_tags(value or "")
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32).strip()
