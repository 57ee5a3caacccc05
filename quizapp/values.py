"""`Value`: equality, hashing and repr shared by quizapp's frozen dataclasses.

A module of its own so that the score store's rows can use it without
importing the domain model (`quizapp.model`), which the TUI loads only
after its first screen is up.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import fields


class Value:
    """Equality, hashing and repr for quizapp's frozen dataclasses.

    They are declared ``@dataclass(frozen=True, eq=False, repr=False)`` and
    inherit these methods, which behave as the generated ones would: the
    fields compared and hashed as a tuple, shown as ``Name(field=value, ...)``.
    Generating them compiles three functions per class at every start of
    quizapp; these are compiled once, into the bytecode cache.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _fields_of(self.__class__)[1]
        return values(self) == values(other)

    def __hash__(self) -> int:
        return hash(_fields_of(self.__class__)[1](self))

    def __repr__(self) -> str:
        names, values = _fields_of(self.__class__)
        shown = zip(names, values(self), strict=True)
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={v!r}' for n, v in shown)})"


_FieldValues = Callable[[object], tuple[object, ...]]
#: Per dataclass: its field names, and a function giving an instance's values.
_FIELDS: dict[type, tuple[tuple[str, ...], _FieldValues]] = {}


def _fields_of(cls: type) -> tuple[tuple[str, ...], _FieldValues]:
    """The field names of the dataclass ``cls`` and a function giving the
    field values of an instance, in field order."""
    known = _FIELDS.get(cls)
    if known is None:
        names = tuple(f.name for f in fields(cls))
        get = operator.attrgetter(*names)
        values: _FieldValues = get if len(names) > 1 else lambda instance: (get(instance),)
        known = _FIELDS[cls] = (names, values)
    return known
