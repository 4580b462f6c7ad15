"""A lint over notecards' source: no template may be built from note text.

`str.format`, `format_map`, `%` and `fill` read their template; a template that holds
note text (a sentence with `{vi}` in it, formatted again) crashes or misreads. The
rule: the template of every such call is a string literal or comes from a catalog
constant (an UPPER_CASE name, item or attribute of one), directly or through local
names that are only ever assigned such values. `KNOWN_PARAMETERS` lists the few
function parameters that are fed only from catalogs, checked by reading their callers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# (file name, function) → parameters that only ever receive catalog constants
KNOWN_PARAMETERS: dict[tuple[str, str], set[str]] = {
    # _front(name, lang, template) picks a key of the `_TEMPLATES` table
    ("procedures.py", "_front"): {"template"},
    # callers pass QUESTIONS[...]["named"] / q["reverse"] and the like
    ("definitions.py", "_named"): {"template"},
    ("definitions.py", "_reverse"): {"template"},
    # language packs (notecards/lang): `self.questions` is the pack's template table
    ("__init__.py", "ask"): {"self"},
}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _is_constant_name(name: str) -> bool:
    bare = name.lstrip("_")
    return bool(bare) and bare.upper() == bare and any(c.isalpha() for c in bare)


def _is_str_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


class _Scope:
    """Which local names of one function hold only catalog values."""

    def __init__(
        self, function: ast.AST | None, known: set[str], parent: _Scope | None = None
    ) -> None:
        self.assigned: dict[str, list[ast.AST | None]] = {}  # None: not known
        self.params: set[str] = set()
        self.known = known
        self.parent = parent  # the enclosing function's scope (closures)
        if function is None:
            return
        args = function.args  # type: ignore[attr-defined]
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            self.params.add(arg.arg)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                self._bind(node.target, node.value if isinstance(node, ast.AnnAssign) else None)
            elif isinstance(node, ast.NamedExpr):
                self._bind(node.target, node.value)
            elif isinstance(node, (ast.For, ast.comprehension)):
                self._bind(node.target, None)

    def _bind(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name):
            self.assigned.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) else None
            for index, element in enumerate(target.elts):
                if values is not None and len(values) == len(target.elts):
                    self._bind(element, values[index])
                elif value is not None and self_is_catalog_source(value):
                    # `en, ru, case = TABLE[name]`: each part of a catalog entry
                    self._bind(element, value)
                else:
                    self._bind(element, None)


def self_is_catalog_source(node: ast.AST) -> bool:
    """An item of an UPPER_CASE table (what tuple unpacking may take apart)."""
    while isinstance(node, (ast.Subscript, ast.Attribute, ast.Call)):
        if isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr == "get"):
                return False
            node = node.func.value
        else:
            if isinstance(node, ast.Attribute) and _is_constant_name(node.attr):
                return True
            node = node.value
    return isinstance(node, ast.Name) and _is_constant_name(node.id)


def _catalog(node: ast.AST, scope: _Scope, seen: frozenset[str] = frozenset()) -> bool:
    """Whether `node` is a template that no note text can reach."""
    if _is_str_literal(node):
        return True
    if isinstance(node, ast.Name):
        if _is_constant_name(node.id) or node.id in scope.known:
            return True
        if node.id in seen:
            return True  # a loop of assignments: judged by its other values
        values = scope.assigned.get(node.id)
        if not values:
            if node.id not in scope.params and scope.parent is not None:
                return _catalog(node, scope.parent, seen)  # a closure's variable
            return False  # a parameter or a global: unknown
        return all(
            value is not None and _catalog(value, scope, seen | {node.id}) for value in values
        )
    if isinstance(node, ast.Attribute):
        return _is_constant_name(node.attr) or _catalog(node.value, scope, seen)
    if isinstance(node, ast.Subscript):  # TABLE[lang]["what"]; the key may be anything
        return _catalog(node.value, scope, seen)
    if isinstance(node, ast.Call):  # TABLE.get(key) or TABLE[...].get(key, other)
        func = node.func
        if isinstance(func, ast.Name) and func.id == "lookup_phrase":
            return True  # a phrase of the knowledge files (bundled or the user's): a catalog
        if isinstance(func, ast.Attribute) and func.attr == "text" and len(node.args) == 2:
            return _catalog(func.value, scope, seen)  # TABLE.text(lang, key), no default
        if isinstance(func, ast.Attribute) and func.attr == "get":
            return _catalog(func.value, scope, seen) and all(
                _catalog(arg, scope, seen) for arg in node.args[1:]
            )
        return False
    if isinstance(node, ast.IfExp):
        return _catalog(node.body, scope, seen) and _catalog(node.orelse, scope, seen)
    if isinstance(node, ast.BoolOp):
        return all(_catalog(value, scope, seen) for value in node.values)
    return False


def _string_like(node: ast.AST) -> bool:
    """A left operand of `%` that is surely text (not a number being taken modulo)."""
    if _is_str_literal(node) or isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _string_like(node.left) or _string_like(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in {"format", "join", "replace", "strip", "lower", "upper"}
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id
        in {
            "str",
            "fill",
        }
    )


def _functions(
    tree: ast.Module,
) -> Iterator[tuple[ast.AST | None, ast.AST | None, list[ast.AST]]]:
    """Each function (None for module level) with its enclosing function and the nodes
    that are its own, outer functions first."""
    owned: dict[ast.AST | None, list[ast.AST]] = {None: []}
    parents: dict[ast.AST | None, ast.AST | None] = {None: None}

    def visit(node: ast.AST, owner: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                owned[child], parents[child] = [], owner
                visit(child, child)
            else:
                owned[owner].append(child)
                visit(child, owner)

    visit(tree, None)
    for function, nodes in owned.items():
        yield function, parents[function], nodes


def _template_of(node: ast.AST) -> tuple[ast.AST | None, str]:
    """The template a formatting call or `%` reads, and what it is; (None, "") else."""
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Attribute) and func.attr in ("format", "format_map"):
        return func.value, f".{func.attr}()"
    if isinstance(func, ast.Name) and func.id == "fill" and node.args:  # type: ignore[union-attr]
        return node.args[0], "fill()"  # type: ignore[union-attr]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _string_like(node.left):
        return node.left, "% formatting"
    return None, ""


def check_source(source: str, path: str) -> list[Violation]:
    """Every template of `source` that could be built from note text."""
    tree = ast.parse(source)
    name = Path(path).name
    found: list[Violation] = []
    scopes: dict[ast.AST | None, _Scope] = {}
    for function, parent, nodes in _functions(tree):
        known = KNOWN_PARAMETERS.get((name, getattr(function, "name", "")), set())
        scope = scopes[function] = _Scope(function, known, scopes.get(parent))
        for node in nodes:
            template, what = _template_of(node)
            if template is not None and not _catalog(template, scope):
                shown = ast.unparse(template)[:60]
                found.append(Violation(path, node.lineno, f"{what} on a template `{shown}`"))
    return found


def check_tree(root: Path) -> list[Violation]:
    found: list[Violation] = []
    for path in sorted(root.rglob("*.py")):
        found += check_source(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
    return found
