"""Packaging: dependency files in sync, data in the wheel, a non-editable install works."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def test_pyproject_and_environment_yml_declare_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_side = dict(
        _name(r)
        for r in [
            *project["dependencies"],
            *project["optional-dependencies"]["lab"],
            *project["optional-dependencies"]["site"],
        ]
    )
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_side = dict(
        _name(d) for d in env["dependencies"] if isinstance(d, str) and _name(d)[0] != "pip"
    )
    python = conda_side.pop("python")
    assert python == project["requires-python"]
    assert conda_side == pip_side, "environment.yml and pyproject.toml have drifted"


# Import name -> distribution, where they differ; and what a declared package always brings.
_DISTRIBUTION = {"yaml": "pyyaml", "IPython": "ipython"}
_BROUGHT_BY = {"cycler": "matplotlib"}


def test_the_library_imports_only_its_runtime_dependencies():
    """Every third-party import in sci_pain/ is declared in `dependencies` (SciPy is not: the
    library computes its statistics itself and only the tests use SciPy, as an oracle)."""
    import ast

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(r)[0] for r in project["dependencies"]}
    found: dict[str, str] = {}
    for path in sorted((ROOT / "sci_pain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "sci_pain":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    for top, where in found.items():
        package = _name(_DISTRIBUTION.get(top, _BROUGHT_BY.get(top, top)))[0]
        assert package in runtime, f"{where} imports {top}, not a runtime dependency"
    assert "scipy" not in found and "scipy" not in runtime


def test_constraints_pin_every_dependency():
    pins = dict(
        _name(line)
        for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    for requirement in wanted:
        marker = Requirement(requirement).marker
        if marker is not None and not marker.evaluate():
            continue
        name, _ = _name(requirement)
        assert name in pins and pins[name].startswith("=="), f"{name} is not pinned"


def _floor(requirement: str) -> Version:
    """The single ``>=`` floor of a requirement (the floor run tests nothing else)."""
    specifiers = list(Requirement(requirement).specifier)
    assert [s.operator for s in specifiers] == [">="], f"{requirement!r}: declare one '>=' floor"
    return Version(specifiers[0].version)


def _minimum_pins() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "requirements" / "minimum.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, spec = _name(line)
        assert spec.startswith("==") and "," not in spec, (
            f"minimum.txt: {line!r} is not an exact pin"
        )
        assert name not in pins, f"minimum.txt pins {name} twice"
        pins[name] = Version(spec[2:])
    return pins


def test_minimum_txt_pins_exactly_the_declared_floors():
    """The floor run (tools/check_floors.sh) tests what pyproject.toml promises, nothing else:
    every runtime dependency pinned at its floor, and the test tools at the `test` extra's floors."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _minimum_pins()
    runtime = {_name(r)[0]: _floor(r) for r in project["dependencies"]}
    assert {n: pins.get(n) for n in runtime} == runtime, "minimum.txt differs from the floors"
    test_extra = {_name(r)[0]: r for r in project["optional-dependencies"]["test"]}
    for name in set(pins) - set(runtime):
        assert name in test_extra, (
            f"minimum.txt pins {name}, which is not a runtime or test dependency"
        )
        assert pins[name] == _floor(test_extra[name].split(";")[0]), f"{name} is not at its floor"


def test_floor_run_uses_the_oldest_python_that_requires_python_admits():
    """requires-python's floor is a plain X.Y that CI's pyenv Python can meet (see check_floors.sh)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert re.fullmatch(r">=\d+\.\d+", project["requires-python"])
    script = (ROOT / "tools" / "check_floors.sh").read_text()
    assert "requirements/minimum.txt" in script
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("make test") < ci.index("make check-floors"), ".ci/run must run the floor run"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("sci_pain-*.whl"))


def test_wheel_ships_the_data_and_type_marker(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "sci_pain/data/learning_path.yaml" in names
    assert "sci_pain/data/quizzes/00_start_here.yaml" in names
    assert "sci_pain/py.typed" in names
    assert "sci_pain/widgets/styles/journal.css" in names  # widget CSS is a package file
    assert "sci_pain/knowledge/fields.yaml" in names  # the schemas' field tables
    assert "sci_pain/course/case_fields.yaml" in names
    data_files = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()
    )
    missing = [f for f in data_files if f"sci_pain/{f}" not in names]
    assert not missing, f"data files missing from the wheel: {missing}"
    templates = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "sci_pain" / "html" / "templates").iterdir()
        if p.suffix in {".j2", ".css"}
    )
    assert templates and not [t for t in templates if t not in names], "HTML templates missing"


def test_non_editable_install_loads_bundled_data_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sci_pain as sp, pathlib;"
        f"assert pathlib.Path(sp.__file__).is_relative_to(pathlib.Path(r'{target}'));"
        "assert 'flag emergency' in sp.render_red_flags(['dvt']);"  # a template, from the wheel
        "print(sp.data_path('learning_path.yaml').is_file(), len(sp.learning_path_table()),"
        " sp.load_quiz('00_start_here').title)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True ")
