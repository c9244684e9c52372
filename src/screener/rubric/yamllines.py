"""Load YAML into dicts and lists that remember the line each key and item was written on.

Validation messages must name the line to fix, and PyYAML's plain loader forgets node marks
once it has built Python values. This loader keeps them: every mapping becomes a `LineMap`
(a dict with `.line`, `.key_lines`, `.value_lines`, `.duplicates`) and every sequence a
`LineSeq` (a list with `.line`, `.item_lines`). Lines are 1-based.

Only PyYAML is imported here, so loading a posting stays fast (no spaCy, no scikit-learn).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


class LineMap(dict):
    """A mapping that remembers where it, its keys and its values were written."""

    line: int = 1
    key_lines: dict[Any, int]
    value_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]  # (key, line) for every key written a second time

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineSeq(list):
    """A sequence that remembers where it and each item were written."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)  # resolve `<<: *anchor` merges like the stock loader
    result = LineMap()
    result.line = _line(node)
    result.key_lines, result.value_lines, result.duplicates = {}, {}, []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (dict, list)):
            raise yaml.constructor.ConstructorError(
                None, None, "found a mapping or list used as a key", key_node.start_mark
            )
        if key in result:
            result.duplicates.append((key, _line(key_node)))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = _line(key_node)
        result.value_lines[key] = _line(value_node)
    return result


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineSeq:
    result = LineSeq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = _line(node)
    result.item_lines = [_line(child) for child in node.value]
    return result


class LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry their source lines."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml's parser when PyYAML has it: ~3x faster on the taxonomy, but its
    syntax-error wording differs from the pure-Python parser's that posting errors quote."""


for _loader in (LineLoader, _FastLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_with_lines(text: str | bytes, *, fast: bool = False) -> Any:
    """Parse one YAML document; raises yaml.YAMLError (with a mark) on bad syntax."""
    return yaml.load(text, Loader=_FastLineLoader if fast else LineLoader)


def line_at(doc: Any, where: Sequence[Any]) -> int:
    """The line of the value reached from `doc` by the keys and list indexes in `where`: of
    the deepest one that exists, so a missing key points at the mapping that lacks it."""
    line = getattr(doc, "line", 1)
    node = doc
    for step in where:
        if isinstance(node, LineMap) and step in node:
            line, node = node.line_of(step), node[step]
        elif isinstance(node, LineSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.line_of(step), node[step]
        else:
            break
    return line
