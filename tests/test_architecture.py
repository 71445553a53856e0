"""The package's floor plan: layers as folders, small modules, no reaching into private names.

These are the rules docs/CONTRIBUTING.md describes; each test names the file and line that
breaks one.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import sci_pain as sp

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sci_pain"
LAYERS = ("journal", "knowledge", "course", "simulate", "analysis", "plotting", "html", "widgets")
MAX_LINES = 900
MAX_TOP_LEVEL_MODULES = 10
# A result object may ask the html layer to render it, inside these methods only.
RENDERING_METHODS = {"_repr_html_", "_repr_markdown_", "to_markdown", "to_html"}

# What each layer may import from the others (see docs/CONTRIBUTING.md). Every layer may import
# the top-level modules (errors, style, _resources, _docs, _lazy, datasets).
MAY_IMPORT: dict[str, set[str]] = {
    "journal": set(),
    "knowledge": {"journal"},
    "course": {"journal", "knowledge", "simulate", "analysis"},
    "simulate": {"journal", "analysis"},
    "analysis": {"journal", "knowledge"},
    "plotting": {"journal", "knowledge", "analysis", "course"},
    "html": {"journal", "knowledge", "analysis", "plotting", "course"},
    "widgets": set(LAYERS) - {"widgets"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts)


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(dotted: str) -> str | None:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _display_hook_imports(tree: ast.AST) -> set[int]:
    """Ids of import nodes inside a result's rendering methods (Jupyter's display hooks)."""
    return {
        id(node)
        for hook in ast.walk(tree)
        if isinstance(hook, ast.FunctionDef) and hook.name in RENDERING_METHODS
        for node in ast.walk(hook)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    }


def _imports(path: Path, *, display_hooks: bool = True):
    """Yield (line, imported module, names) for every import in the file.

    With ``display_hooks=False``, imports inside rendering methods are left out: a result
    object may ask the html layer to render itself when Jupyter displays it.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rpartition(".")[0]
    skip = set() if display_hooks else _display_hook_imports(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []


def test_no_module_is_longer_than_900_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules where a name explains the part: {long}"


def test_at_most_ten_modules_sit_directly_in_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_no_module_imports_another_modules_private_names():
    offences = []
    for path in _modules():
        here = _dotted(path)
        for line, module, names in _imports(path):
            if not module.startswith("sci_pain") or module == here:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            # a package's private helper module (journal/_io.py) serves its own package
            if module == here.rpartition(".")[0] or module == here:
                private = [
                    n
                    for n in private
                    if not (PACKAGE.parent / module.replace(".", "/") / f"{n}.py").exists()
                ]
            if private:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {private} from {module}")
    assert not offences, "\n".join(offences)


def test_every_yaml_file_is_parsed_by_the_one_loader_in_resources():
    """One choice of YAML parser (libyaml's safe loader when built): ``_resources.load_yaml``."""
    offences = []
    for path in _modules():
        if path.name == "_resources.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "yaml"
                and node.attr in {"load", "safe_load", "full_load", "unsafe_load", "load_all"}
            ):
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno} yaml.{node.attr}")
    assert not offences, "read YAML with sci_pain._resources.load_yaml: " + ", ".join(offences)


def test_other_layers_are_imported_through_their_public_package():
    offences = []
    for path in _modules():
        here = _layer(_dotted(path))
        for line, module, _names in _imports(path):
            there = _layer(module)
            if there is None or there == here or module == f"sci_pain.{there}":
                continue
            offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not offences, "import other layers as `from sci_pain.<layer> import name`:\n" + (
        "\n".join(offences)
    )


def test_each_layer_imports_only_the_layers_below_it():
    offences = []
    for path in _modules():
        here = _layer(_dotted(path))
        if here is None:
            continue
        for line, module, _names in _imports(path, display_hooks=False):
            there = _layer(module)
            if there is not None and there != here and there not in MAY_IMPORT[here]:
                offences.append(f"{path.relative_to(ROOT)}:{line}: {here} imports {there}")
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("layer", LAYERS)
def test_every_name_a_layer_exports_exists(layer):
    package = importlib.import_module(f"sci_pain.{layer}")
    missing = [name for name in package.__all__ if not hasattr(package, name)]
    assert not missing, f"sci_pain.{layer}._EXPORTS names what its modules do not define: {missing}"


@pytest.mark.parametrize("layer", LAYERS)
def test_no_exported_name_is_also_a_submodule_name(layer):
    # importing a submodule binds its name on the package, hiding the exported function
    package = importlib.import_module(f"sci_pain.{layer}")
    submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert not set(package.__all__) & submodules


def test_every_public_name_of_sp_resolves():
    missing = [name for name in sp.__all__ if not hasattr(sp, name)]
    assert not missing


def test_every_module_imports():
    for info in pkgutil.walk_packages(sp.__path__, "sci_pain."):
        importlib.import_module(info.name)
