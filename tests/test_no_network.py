"""Reading, simulating, importing and writing journals never touch the network.

Every socket entry point is replaced by one that raises, then each action runs. To cover a
new module, add an entry to ``ACTIONS`` (a function taking a scratch folder); actions of
modules that do not exist yet are skipped.
"""

from __future__ import annotations

import importlib
import io
import socket
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

JOURNAL = (
    "timestamp,pain,site,quality,notes\n"
    "2026-03-01 08:00,3,knee,burning,=1+1\n"
    "2026-03-02 08:00,x,foot,,\n"
    "2026-03-03 08:00,4,Foot,Pins and needles,fine\n"
)


class NetworkBlocked(AssertionError):
    """Raised by every socket entry point during these tests."""


def _blocked(*args, **kwargs):
    raise NetworkBlocked("network access attempted")


@pytest.fixture
def no_network(monkeypatch):
    import _socket

    for module in (socket, _socket):
        monkeypatch.setattr(module, "socket", _blocked)
        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, _blocked)
        if hasattr(module, "socketpair"):
            monkeypatch.setattr(module, "socketpair", _blocked)


def _journal_file(folder: Path) -> Path:
    path = folder / "journal.csv"
    path.write_text(JOURNAL, encoding="utf-8")
    return path


def _read(folder: Path):
    from sci_pain.journal import read_journal

    return read_journal(_journal_file(folder))


def _write(folder: Path):
    journal = _read(folder)
    journal.to_csv(folder / "copy.csv")
    return journal.to_csv()


def _deidentify(folder: Path):
    return _read(folder).deidentify(seed=1).to_csv()


def _from_frame(folder: Path):
    from sci_pain.journal import journal_from_frame

    raw = pd.DataFrame({"timestamp": ["2026-03-01"], "pain": [3]})
    return journal_from_frame(raw, source="frame")


def _cli(folder: Path):
    from sci_pain.cli import main

    return main(["validate", str(_journal_file(folder))])


def _simulate_journal(folder: Path):
    simulate = importlib.import_module("sci_pain.simulate.engine")
    name = simulate.list_personas()[0]
    frame = simulate.simulate_journal(name, days=14, seed=0)
    from sci_pain.journal import read_journal

    return read_journal(io.StringIO(frame.to_csv(index=False, lineterminator="\n")))


def _simulate_cohort(folder: Path):
    simulate = importlib.import_module("sci_pain.simulate.engine")
    return simulate.simulate_cohort(3, 7, seed=0)


def _fhir_round_trip(folder: Path):
    imports = importlib.import_module("sci_pain.journal.importers.fhir")
    return imports.read_fhir(imports.to_fhir(_read(folder)))


ACTIONS: dict[str, tuple[str, Callable[[Path], object]]] = {
    # name: (module it needs, action)
    "read_journal": ("sci_pain.journal.reader", _read),
    "to_csv": ("sci_pain.journal.reader", _write),
    "deidentify": ("sci_pain.journal.reader", _deidentify),
    "journal_from_frame": ("sci_pain.journal.reader", _from_frame),
    "sci-pain validate": ("sci_pain.cli", _cli),
    "simulate_journal": ("sci_pain.simulate.engine", _simulate_journal),
    "simulate_cohort": ("sci_pain.simulate.engine", _simulate_cohort),
    "to_fhir and read_fhir": ("sci_pain.journal.importers.fhir", _fhir_round_trip),
}


def _available(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.skipif(not _available(module), reason=f"{module} not written yet"),
        )
        for name, (module, _) in ACTIONS.items()
    ],
)
def test_action_does_not_touch_the_network(name, no_network, tmp_path):
    _, action = ACTIONS[name]
    action(tmp_path)


def test_the_guard_blocks_sockets(no_network):
    import urllib.request

    with pytest.raises(NetworkBlocked):
        socket.socket()
    with pytest.raises(NetworkBlocked):
        urllib.request.urlopen("http://example.invalid", timeout=1)
