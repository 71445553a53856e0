"""The knowledge base is parsed once per process."""

from __future__ import annotations


def test_the_loaders_parse_the_files_once(monkeypatch):
    # checking the bundled files and loading their records used to parse every YAML file
    # twice in each process (about a tenth of a second of every report and notebook)
    import yaml

    import sci_pain.knowledge.loaders as loaders
    import sci_pain.knowledge.validate as validate

    original = yaml.load
    parsed = []

    def counted(*args, **kwargs):
        parsed.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(yaml, "load", counted)
    problems = validate.find_problems()  # reads and checks every file once
    once = len(parsed)
    parsed.clear()
    loaders._records.cache_clear()
    try:
        records = loaders._records()
    finally:
        loaders._records.cache_clear()
    assert once > 5 and len(parsed) == once
    assert {name: list(items) for name, items in records.items()} == validate.read_knowledge()[0]
    assert problems.equals(validate.read_checked_knowledge()[1])
