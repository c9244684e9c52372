"""Exact, lossless plain-value forms of the records, for the cache and for shipping.

`Record.to_dict` is the user-facing JSON shape: it rounds floats and leaves the document text
out. The cache needs the opposite: every field, exact, and a way back. `to_plain` and
`from_plain` give that for any record in screener.records, driven by the dataclass fields, so a
field added to a record is carried without touching this module. Plain values only (no pickle):
a shared cache folder must not be a way to run code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Converter = Callable[[Any], Any] | None  # None: the plain value is already the value


def to_plain(value: Any) -> Any:
    """Records -> dicts of every field, tuples -> lists; floats kept exact."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(cls: type[T], data: Any) -> T:
    """Rebuild a record of type `cls` from `to_plain` output. Unknown keys are ignored and
    missing keys take the field's default, so older cache rows still load."""
    convert = _converter(cls)
    return convert(data) if convert else data  # type: ignore[return-value]


@cache
def _converter(tp: Any) -> Converter:
    if dataclasses.is_dataclass(tp):
        return _record_converter(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            conv = _converter(inner[0])
            return None if conv is None else (lambda v: None if v is None else conv(v))
        return None  # a union of plain types
    if origin is tuple:
        return _tuple_converter(args)
    if origin is dict:
        conv = _converter(args[1]) if len(args) == 2 else None
        if conv is None:
            return dict
        return lambda v: {k: conv(x) for k, x in v.items()}
    return None  # str, int, float, bool, Literal[...], Any


def _tuple_converter(args: tuple[Any, ...]) -> Converter:
    if len(args) == 2 and args[1] is Ellipsis:
        conv = _converter(args[0])
        if conv is None:
            return tuple
        return lambda v: tuple(conv(x) for x in v)
    convs = [_converter(a) for a in args]
    return lambda v: tuple(c(x) if c else x for c, x in zip(convs, v))


def _record_converter(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def build(data: dict[str, Any]) -> Any:
        kwargs = {}
        for name, conv in plan:
            if name in data:
                value = data[name]
                kwargs[name] = conv(value) if conv is not None and value is not None else value
        return cls(**kwargs)

    return build
