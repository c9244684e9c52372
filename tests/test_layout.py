"""The package's shape is the data flow: extract -> parse -> score -> report, each stage importing
only the stages below it, and no module importing itself back through another (import circles).
The README's map and picture say the same; this test keeps them true."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "src" / "screener"

# Lower floors first; a module may import its own floor's package and anything below.
FLOORS = [
    {"errors", "records"},
    {"extract"},
    {"rubric"},
    {"parse"},
    {"score", "draft"},
    {"run"},
    {"report"},
    {"api"},
    {"cli", "__main__", "__init__"},
]
# Packages on one floor that must not import each other.
APART = [("score", "draft")]
def _unit(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _floor(unit: str) -> int:
    return next(i for i, names in enumerate(FLOORS) if unit in names)


def _module(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("")
    parts = ("screener", *rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Dotted screener modules `path` imports, at the top or inside a function (parsed, so an
    import written over several lines counts like any other)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("screener."))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and (
                node.module == "screener" or node.module.startswith("screener.")):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if _known(sub) else node.module)
    return {i for i in out if i != "screener"}


def _known(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PKG / rel).with_suffix(".py").is_file() or (PKG / rel / "__init__.py").is_file()


SOURCES = sorted(PKG.rglob("*.py"))


def test_every_module_has_a_floor() -> None:
    units = {_unit(p) for p in SOURCES}
    assert units <= set().union(*FLOORS), units - set().union(*FLOORS)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PKG)))
def test_no_module_imports_a_stage_above_its_own(path: Path) -> None:
    own = _unit(path)
    for target in sorted(_imports(path)):
        parts = target.split(".")
        unit = parts[1]
        assert _floor(unit) <= _floor(own), f"{_module(path)} imports {target} from a floor above"
        assert (own, unit) not in APART and (unit, own) not in APART, f"{own} imports {unit}"


def test_no_import_circles_between_modules() -> None:
    graph = {_module(p): {i for i in _imports(p) if _known(i)} for p in SOURCES}
    # A package's __init__ importing its own modules is not a circle through them.
    for name, deps in graph.items():
        graph[name] = {d for d in deps if not name.startswith(d + ".") and d != name}
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycle = stack[stack.index(node):] + [node]
            pytest.fail("import circle: " + " -> ".join(cycle))
        if node in done:
            return
        for dep in sorted(graph.get(node, ())):
            visit(dep, [*stack, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])


def test_the_readme_map_names_every_package() -> None:
    readme = (PKG.parent.parent / "README.md").read_text(encoding="utf-8")
    for path in sorted(PKG.iterdir()):
        if path.is_dir() and (path / "__init__.py").is_file():
            assert f"{path.name}/" in readme, f"README's layout map misses {path.name}/"


def test_the_cache_keys_see_every_import_the_parser_sees() -> None:
    # run.cache reads imports with a pattern (no parse at start-up); it must find the same
    # stage units as a real parse, or a stage's key could miss a file it depends on.
    from screener.run.cache import _imported_units

    for path in SOURCES:
        parsed = {i.split(".")[1] for i in _imports(path)}
        seen = {u.stem if u.suffix else u.name for u in _imported_units(path)}
        assert seen == parsed, path
