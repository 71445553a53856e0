"""Hand a file to a widget's upload button, as a browser does (importable from every test
folder: ``from uploads import upload``)."""

from __future__ import annotations

import datetime as dt


def upload(box, name: str, content: bytes, *, kind: str = "text/csv") -> None:
    """Set ``box.controls["upload"].value`` as ipywidgets' FileUpload does after a choice.

    Unlike :func:`sci_pain.widgets.load_file`, which hands the bytes to the upload widget
    directly, this goes through the control, so the widget's own observer is what reads it.
    """
    box.controls["upload"].value = (
        {
            "name": name,
            "type": kind,
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        },
    )
