"""Where the bundled data lives.

In an installed wheel the top-level ``data/`` folder ships as ``sci_pain/data`` (see
``[tool.hatch.build.targets.wheel.force-include]`` in ``pyproject.toml``). In a source
checkout (editable install) the same files are read from the repository's ``data/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["data_path", "load_yaml", "yaml_loader"]


@cache
def _data_root() -> Path:
    packaged = Path(__file__).with_name("data")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    msg = (
        f"sci_pain's bundled data folder is missing (looked in {packaged} and {checkout}). "
        "Reinstall the package: pip install --force-reinstall sci_pain"
    )
    raise FileNotFoundError(msg)


def data_path(*parts: str) -> Path:
    """Return the path of a bundled data file or folder.

    Parameters
    ----------
    *parts : str
        Path components below the data folder, e.g. ``"journals", "neuropathic.csv"``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> data_path("journals").name
    'journals'
    """
    return _data_root().joinpath(*parts)


def yaml_loader():
    """Return PyYAML's safe loader class: libyaml's when it is built (same records, faster).

    Returns
    -------
    type
        ``yaml.CSafeLoader`` if PyYAML was built with libyaml, else ``yaml.SafeLoader``.

    Examples
    --------
    >>> yaml_loader().__name__ in ("CSafeLoader", "SafeLoader")
    True
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path) -> object:
    """Return what a UTF-8 YAML file holds, read with `yaml_loader` (safe: plain data only).

    Parameters
    ----------
    path : str, pathlib.Path or importlib.resources.abc.Traversable
        The file.

    Returns
    -------
    object
        The parsed content (dicts, lists, strings, numbers).

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    yaml.YAMLError
        If the file is not valid YAML (its ``problem_mark`` gives the line).

    Examples
    --------
    >>> load_yaml(data_path("learning_path.yaml"))[0]["file"]
    '00_start_here.ipynb'
    """
    import yaml

    source = Path(path) if isinstance(path, str) else path
    return yaml.load(source.read_text(encoding="utf-8"), Loader=yaml_loader())
