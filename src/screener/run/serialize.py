"""Exact, lossless plain-value forms of the records, for the cache.

`Record.to_dict` is the user-facing JSON shape: it rounds floats and leaves the document text
out. The cache needs the opposite: every field, exact, and a way back. `to_rows` and
`from_rows` give that for any record in screener.records, driven by the dataclass fields, so a
field added to a record is carried without touching this module. Plain values only (no pickle):
a shared cache folder must not be a way to run code.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Converter = Callable[[Any], Any] | None  # None: the plain value is already the value


# A record's row is the list of its init fields' values in field order, with no field names
# (about twice as fast to rebuild as a dict per record, and smaller). Rows are only read back by
# the code that wrote them (the cache key covers records.py), so the order is stable.


def to_rows(value: Any) -> Any:
    """Records -> lists of their init fields' values; tuples -> lists; floats kept exact."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [to_rows(v) for v in value]
    names = _ROW_NAMES.get(kind)
    if names is None:
        if isinstance(value, dict):
            return {str(k): to_rows(v) for k, v in value.items()}
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        names = _ROW_NAMES[kind] = _init_names(kind)
    return [to_rows(getattr(value, name)) for name in names]


_SCALARS = frozenset({str, int, float, bool, type(None)})
_ROW_NAMES: dict[type, tuple[str, ...]] = {}


def from_rows(cls: type[T], data: Any) -> T:
    """Rebuild a record of type `cls` from `to_rows` output."""
    convert = _row_converter(cls)
    return convert(data) if convert else data  # type: ignore[return-value]


@cache
def _init_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


@cache
def _row_converter(tp: Any) -> Converter:
    if dataclasses.is_dataclass(tp):
        return _record_row_converter(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            conv = _row_converter(inner[0])
            return None if conv is None else (lambda v: None if v is None else conv(v))
        return None
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            conv = _row_converter(args[0])
            if conv is None:
                return tuple
            if conv is _intern:
                return lambda v: tuple([sys.intern(x) if type(x) is str else x for x in v])
            return lambda v: tuple([conv(x) for x in v])
        convs = [_row_converter(a) for a in args]
        return lambda v: tuple(c(x) if c else x for c, x in zip(convs, v))
    if origin is dict:
        conv = _row_converter(args[1]) if len(args) == 2 else None
        return dict if conv is None else (lambda v: {k: conv(x) for k, x in v.items()})
    if tp is str or origin is typing.Literal:
        return _intern
    return None


def _intern(value: Any) -> Any:
    # Skill ids and names, sources, section names, statuses, matched words: the same few
    # thousand strings recur in every profile of a batch; one copy each is kept.
    return sys.intern(value) if type(value) is str else value


_NOT_INTERNED = {("Document", "text"), ("Document", "hidden_text")}  # large and unique


def _record_row_converter(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    convs = [(i, c) for i, name in enumerate(_init_names(cls))
             if (cls.__name__, name) not in _NOT_INTERNED
             and (c := _row_converter(hints[name])) is not None]

    def build(row: list[Any]) -> Any:
        for i, conv in convs:
            value = row[i]
            if value is not None:
                row[i] = conv(value)
        return cls(*row)

    return build
