"""The shape of the code a newcomer meets (issue 15): small modules, typed public functions in
the layers below the interface, and award knowledge only in forms/.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

from qualitydesk.domain.forms import load_forms

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qualitydesk"
MODULE_LINES = 400
CLAUSE = re.compile(r"第[一二三四五六七八九十百]+条")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def _public_functions(layer: str):
    package = importlib.import_module(f"qualitydesk.{layer}")
    for info in pkgutil.walk_packages(package.__path__, f"qualitydesk.{layer}."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(value):
                yield f"{module.__name__}.{name}", value
            elif inspect.isclass(value):
                for member, function in vars(value).items():
                    public = not member.startswith("_") or member == "__init__"
                    if public and inspect.isfunction(function):
                        yield f"{module.__name__}.{name}.{member}", function


@pytest.mark.parametrize("layer", ["domain", "store", "export"])
def test_public_functions_below_the_interface_name_their_types(layer):
    loose = [
        f"{where}({argument}: {annotation})"
        for where, function in _public_functions(layer)
        for argument, annotation in inspect.get_annotations(function).items()
        if re.search(r"\bAny\b", str(annotation))
    ]
    assert loose == []


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_no_programme_name_or_clause_number_in_the_code():
    names = {award.name for award in load_forms().awards.values()}
    assert len(names) >= 5
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]}"
        for path in _modules()
        for line, text in _code_strings(path)
        if CLAUSE.search(text) or any(name in text for name in names)
    ]
    assert found == []
