"""Cohort API: many journals validated together, Parquet on disk, DuckDB over it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sci_pain.journal import cohort as co
from sci_pain.journal import journal_from_frame, read_journal
from sci_pain.simulate import simulate_cohort, simulate_journal


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Six journals, one of them faulty in single records, one unreadable as a whole."""
    path = tmp_path_factory.mktemp("class")
    for i, persona in enumerate(["neuropathic", "spasticity", "overuse", "dvt"]):
        frame = simulate_journal(persona, days=40, seed=i)
        frame.to_csv(path / f"p{i}.csv", index=False)
    faulty = simulate_journal("neuropathic", days=20, seed=9)
    faulty = faulty.astype({"pain": object})
    faulty.loc[3, "pain"] = "eleven"  # not a number: record not kept
    faulty.loc[5, "pain"] = 14  # out of range: record not kept
    faulty.loc[7, "timestamp"] = "yesterday"
    faulty.to_csv(path / "p4_faulty.csv", index=False)
    (path / "p5_empty.csv").write_text("")
    # read on their own, not with the others: a note over two lines, a short row, a semicolon
    odd = simulate_journal("overuse", days=10, seed=3)
    odd.loc[2, "notes"] = "two\nlines, and a comma"
    text = odd.to_csv(index=False).splitlines(keepends=True)
    text[6] = ",".join(text[6].split(",")[:4]) + "\n"
    (path / "p6_odd.csv").write_text("".join(text))
    (path / "p7_semicolon.csv").write_text(
        simulate_journal("dvt", days=10, seed=4).to_csv(index=False, sep=";")
    )
    return path


@pytest.fixture(scope="module")
def cohort(folder):
    return co.read_journals(folder, workers=1)


def _assert_as_read_alone(cohort, person: str, journal) -> None:
    """The person's entries and problems in ``cohort`` equal their journal read alone."""
    mine = cohort.entries[cohort.entries["person"] == person].drop(columns="person")
    pd.testing.assert_frame_equal(
        mine.reset_index(drop=True), journal.entries.reset_index(drop=True), check_dtype=False
    )
    problems = cohort.problems[cohort.problems["person"] == person]
    assert problems["reason"].tolist() == journal.problems["problem"].tolist()
    assert problems["row"].tolist() == journal.problems["row"].tolist()


def test_every_journals_records_are_accounted_for(folder, cohort):
    assert cohort.persons == [
        "p0", "p1", "p2", "p3", "p4_faulty", "p5_empty", "p6_odd", "p7_semicolon"
    ]  # fmt: skip
    plain = [co._plain((folder / f"{p}.csv").read_bytes(), p) is not None for p in cohort.persons]
    assert plain[:3] == [True, True, True] and plain[4]  # read together, in one pass
    assert not any(plain[5:])  # read one by one
    for person in [p for p in cohort.persons if p != "p5_empty"]:
        journal = read_journal(folder / f"{person}.csv")
        _assert_as_read_alone(cohort, person, journal)
        row = cohort.people.set_index("person").loc[person]
        assert row["n_records"] == journal.n_records == row["n_entries"] + row["n_dropped"]
        assert row["n_entries"] == journal.n_entries
    # every record in the file is either an entry or a not-kept problem
    text = (folder / "p4_faulty.csv").read_text().strip().splitlines()
    people = cohort.people.set_index("person")
    assert people.loc["p4_faulty", "n_records"] == len(text) - 1
    assert people.loc["p4_faulty", "n_dropped"] == 3


def test_a_faulty_journal_is_reported_and_does_not_drop_the_cohort(cohort):
    people = cohort.people.set_index("person")
    assert people.loc["p5_empty", "status"] == "unreadable"
    assert (people.drop(index="p5_empty")["status"] == "read").all()
    reason = cohort.problems.loc[cohort.problems["person"] == "p5_empty", "reason"].item()
    assert reason.startswith("journal not read:") and "empty" in reason
    # the whole journal, not a cell: no column and no value (not the word "None")
    whole = cohort.problems.loc[cohort.problems["person"] == "p5_empty", ["column", "value"]]
    assert whole.isna().all(axis=None)
    assert set(cohort.entries["person"]) == set(cohort.persons) - {"p5_empty"}
    faulty = cohort.problems[cohort.problems["person"] == "p4_faulty"]
    assert {"pain", "timestamp"} <= set(faulty["column"].dropna())
    assert "1 unreadable" in cohort.summary()


def test_parallel_reading_gives_the_same_cohort(folder, cohort):
    parallel = co.read_journals(folder, workers=2)
    for name in ("entries", "problems", "people"):
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(cohort, name))


def test_parquet_round_trip_and_duckdb_equal_pandas(tmp_path, folder, cohort):
    saved = co.read_journals(folder, workers=1, save_to=tmp_path / "cohort")
    again = co.read_cohort(tmp_path / "cohort")
    for name in ("entries", "problems", "people"):  # dtypes too, on every pandas version
        pd.testing.assert_frame_equal(getattr(again, name), getattr(saved, name))
    sql = """
        SELECT person, count(*) AS n, avg(pain) AS mean_pain, max(spasms) AS most_spasms
        FROM entries GROUP BY person ORDER BY person
    """
    expected = (
        cohort.entries.groupby("person")
        .agg(
            n=("pain", "size"),
            mean_pain=("pain", "mean"),
            most_spasms=("spasms", "max"),
        )
        .reset_index()
    )
    for source in (cohort, tmp_path / "cohort"):
        got = co.cohort_query(sql, source)
        assert got["person"].tolist() == expected["person"].tolist()
        assert got["n"].tolist() == expected["n"].tolist()
        np.testing.assert_allclose(got["mean_pain"], expected["mean_pain"].astype(float))
        assert got["most_spasms"].tolist() == expected["most_spasms"].astype(int).tolist()
    evening = co.cohort_query(
        "SELECT person, count(*) AS n FROM entries WHERE hour(timestamp) >= 18 "
        "GROUP BY person ORDER BY person",
        tmp_path / "cohort",
    )
    pandas_evening = (
        cohort.entries[cohort.entries["timestamp"].dt.hour >= 18].groupby("person").size()
    )
    assert evening.set_index("person")["n"].to_dict() == pandas_evening.to_dict()
    problems = co.cohort_query(
        "SELECT person, count(*) AS n FROM problems WHERE NOT kept GROUP BY person", cohort
    )
    assert problems.set_index("person")["n"].to_dict() == (
        cohort.problems[~cohort.problems["kept"]].groupby("person").size().to_dict()
    )


def test_query_errors_name_the_tables_and_columns(cohort):
    with pytest.raises(co.CohortError, match=r"entries: person, row, timestamp, pain"):
        co.cohort_query("SELECT pian FROM entries", cohort)


def test_cohort_from_frame_equals_validating_each_person_alone():
    frame = simulate_cohort(8, 30, seed=4)
    frame = frame.astype({"pain": object, "spasms": object})
    frame.loc[5, "pain"] = "x"
    frame.loc[70, "spasms"] = -3
    frame.loc[71] = frame.loc[70]  # a duplicate record
    frame = frame.sort_index(kind="stable").reset_index(drop=True)
    together = co.cohort_from_frame(frame, person="person_id")
    for key, group in frame.groupby("person_id"):
        alone = journal_from_frame(group.drop(columns="person_id"), source="x")
        mine = together.entries[together.entries["person"] == str(key)]
        pd.testing.assert_frame_equal(
            mine.drop(columns="person").reset_index(drop=True), alone.entries, check_dtype=False
        )
        theirs = together.problems[together.problems["person"] == str(key)]
        assert theirs["row"].tolist() == alone.problems["row"].tolist()
        assert theirs["reason"].tolist() == alone.problems["problem"].tolist()
        row = together.people.set_index("person").loc[str(key)]
        assert (row["n_records"], row["n_entries"]) == (alone.n_records, alone.n_entries)
    assert together.people["n_records"].sum() == len(frame)


def test_every_text_column_of_a_cohort_has_the_journals_text_dtype(cohort):
    """Whichever way a cohort is made, on every pandas version (pandas 2 made objects)."""
    from sci_pain.journal.problems import TEXT_DTYPE

    made = co.cohort_from_frame(simulate_cohort(3, 5, seed=2), person="person_id")
    for each in (cohort, made):
        for name, frame in (("problems", each.problems), ("people", each.people)):
            for column in ("person", "column", "value", "reason", "source", "status"):
                if column in frame:
                    assert frame[column].dtype == TEXT_DTYPE, (name, column)
        assert each.entries["person"].dtype == TEXT_DTYPE
        assert not any(map(pd.api.types.is_object_dtype, each.entries.dtypes))


def test_cohort_from_frame_names_a_missing_person_column():
    with pytest.raises(co.CohortError, match="Did you mean 'person_id'"):
        co.cohort_from_frame(simulate_cohort(2, 5, seed=1), person="person_ids")


def test_notes_over_several_lines_are_read_together_and_equal_reading_alone(tmp_path):
    """A quoted note of two paragraphs (the dvt persona writes such notes) no longer sends a
    journal to be read on its own; a stray quote (5" for inches) still does. Either way each
    person's entries, problems (rows, and rows named in reasons) equal reading the file alone."""
    header = "mood,timestamp,pain,site,notes\n"  # (an unknown column: a note on row 1)
    multi = header + (
        'calm,2026-03-01 08:00,3,knee,"swollen and warm.\nCalled the clinic, ""come at once"""\n'
        "calm,2026-03-01 09:00,x,knee,\n"
        ',2026-03-01 10:00,4,calf,"a\n\nb"\n'
        'calm,2026-03-01 08:00,3,Knee,"swollen and warm.\nCalled the clinic, ""come at once"""\n'
        'low,2026-03-02 10:00,2,kne,""\n'
    )
    (tmp_path / "a.csv").write_text(multi)
    (tmp_path / "b.csv").write_text(header + ",2026-03-01 08:00,5,foot,ok\nx,2026-03-01,11,,\n")
    stray = header + ',2026-03-01 08:00,5,foot,a 5" cushion\n,2026-03-02 08:00,6,foot,"x"\n'
    (tmp_path / "c.csv").write_text(stray)
    plain = {p: co._plain((tmp_path / f"{p}.csv").read_bytes(), p) for p in "abc"}
    assert plain["a"] is not None and plain["a"][2] is not None  # record ends given
    assert plain["b"] is not None and plain["b"][2] is None
    assert plain["c"] is None
    cohort = co.read_journals(tmp_path, workers=1)
    for person in "abc":
        _assert_as_read_alone(cohort, person, read_journal(tmp_path / f"{person}.csv"))
    reasons = cohort.problems.loc[cohort.problems["person"] == "a", "reason"].tolist()
    assert "duplicate of row 2; record not kept" in reasons
    assert (cohort.problems.groupby("person")["row"].apply(lambda r: (r == 1).sum()) == 1).all()
    assert (
        cohort.entries.loc[cohort.entries["person"] == "a", "notes"]
        .iloc[0]
        .endswith('"come at once"')
    )


def test_journals_are_read_in_one_process_unless_they_are_large(folder, monkeypatch):
    files = sorted(folder.glob("*.csv"))
    assert co._reading_workers(None, files) == 1
    assert co._reading_workers(3, files) == 3
    monkeypatch.setattr(co, "_PARALLEL_BYTES", 1000)
    assert co._reading_workers(None, files) == min(2, co.os.cpu_count() or 1)
    assert co._reading_workers(None, [folder / "missing.csv"]) == 1


def _plain_file_by_file(data: bytes):
    """The shape check as it was made file by file (before files were checked at once).

    Its first part (header, encoding, line ends) moved unchanged into ``co._split_plain``;
    the count of commas per record is the old one, file by file.
    """
    split = co._split_plain(data)
    if split is None:
        return None
    header, body = split
    raw = np.frombuffer(body, dtype=np.uint8)
    newlines = np.flatnonzero(raw == ord("\n"))
    commas = np.flatnonzero(raw == ord(","))
    all_lines = newlines.size
    if b'"' in body:
        at = np.flatnonzero(raw == ord('"'))
        if at.size % 2:
            return None
        around = {ord(","), ord("\n"), ord('"')}
        for o, c in zip(at[0::2], at[1::2], strict=True):
            before = raw[o - 1] if o else ord("\n")
            after = raw[c + 1] if c + 1 < raw.size else ord("\n")
            if before not in around or after not in around:
                return None
        newlines = newlines[np.searchsorted(at, newlines) % 2 == 0]
        commas = commas[np.searchsorted(at, commas) % 2 == 0]
    per_record = np.diff(np.searchsorted(commas, newlines), prepend=0)
    if per_record.size == 0 or (per_record != header.count(b",")).any():
        return None
    return header, body, newlines if newlines.size != all_lines else None


_HOSTILE_BODIES = [
    b"1,2,3\n4,5,6\n",
    b'1,"a,b",3\n4,5,6\n',  # a comma inside quotes
    b'1,"a\nb,c",3\n4,5,6\n',  # a line end and a comma inside quotes
    b'1,"say ""hi"", ok",3\n',  # doubled quotes
    b'1,a 5" cushion,3\n4,5,6\n',  # a stray quote: odd count
    b'1,a 5" and 6" cushion,3\n',  # two stray quotes: even count, out of place
    b'1,"a"b,3\n',  # a closing quote followed by text
    b"1,2\n4,5,6\n",  # a short record
    b"1,2,3,4\n4,5,6\n",  # a long record
    b'1,"a,b,c\n',  # an open quote to the end
    b'"\n"\n',  # every line end inside quotes but the last
    b'1,"x\n\n",3\n',  # a blank line inside a quoted cell
    b"1,2,3\n\n4,5,6\n",  # a blank line
    b"\n1,2,3\n",  # a blank first line
    b"1,2,3",  # no final line end
    "1,é,3\n".encode(),
    "1,é,3\n".encode("latin-1"),  # not UTF-8
    b"1,2,3\r\n",
    b'",",",",","\n',
]


@pytest.mark.parametrize("body", _HOSTILE_BODIES)
def test_shape_check_equals_the_file_by_file_check(body):
    data = b"a,b,c\n" + body
    mine, theirs = co._plain(data), _plain_file_by_file(data)
    assert (mine is None) == (theirs is None)
    if mine is not None:
        assert mine[:2] == theirs[:2]
        if theirs[2] is None:
            assert mine[2] is None
        else:
            np.testing.assert_array_equal(mine[2], theirs[2])


def test_files_checked_at_once_flag_the_same_files_as_one_by_one():
    rng = np.random.default_rng(3)
    bodies = []
    for _ in range(200):
        parts = rng.choice(_HOSTILE_BODIES[:14], size=int(rng.integers(1, 4)))
        body = b"".join(parts)
        if body.endswith(b"\n") and not body.startswith(b"\n") and body.count(b'"') % 2 == 0:
            bodies.append(body)
    raw = np.frombuffer(b"".join(bodies), dtype=np.uint8)
    sizes = np.array([len(b) for b in bodies])
    bad, ends, owner = co._check_together(raw, sizes, 2)
    expected = [_plain_file_by_file(b"a,b,c\n" + body) is None for body in bodies]
    assert bad.tolist() == expected and 0 < sum(expected) < len(bodies)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    for i, body in enumerate(bodies):
        if not expected[i]:
            _, _, alone = _plain_file_by_file(b"a,b,c\n" + body)
            alone = np.flatnonzero(np.frombuffer(body, np.uint8) == 10) if alone is None else alone
            np.testing.assert_array_equal(ends[owner == i] - starts[i], alone)


def test_group_order_sorts_by_group_then_time_and_keeps_groups_apart():
    from sci_pain.journal import _order

    rng = np.random.default_rng(0)
    groups = np.repeat(np.arange(5), [4, 0, 6, 5, 5])
    times = rng.integers(0, 4, size=groups.size)
    times[0] = 9  # group 0 ends at 9 and group 2 starts at 9
    times[4:10] = [10, 9, 9, 11, 10, 12]
    positions = np.delete(np.arange(groups.size), [2, 8, 13])
    by_time = positions[np.lexsort((positions, times[positions]))]
    got, keys = _order.group_order(by_time, times[by_time], groups)
    expected = positions[np.lexsort((positions, times[positions], groups[positions]))]
    np.testing.assert_array_equal(got, expected)
    same = (times[got][1:] == times[got][:-1]) & (groups[got][1:] == groups[got][:-1])
    np.testing.assert_array_equal(keys[1:] == keys[:-1], same)
    assert ((times[got][1:] == times[got][:-1]) & ~same).any()  # (the case is there)


def test_a_class_read_together_equals_each_journal_read_alone(tmp_path):
    """People given in no sorted order (names with commas), a journal whose records repeat
    the end of another's (the same times at the seam: not duplicates across people), a
    person with no valid record, faulty cells and exact duplicates within a journal."""
    frame = simulate_cohort(12, 15, seed=11)
    files = []
    for i, (_, group) in enumerate(frame.groupby("person_id")):
        group = group.drop(columns="person_id").reset_index(drop=True).astype(object)
        if i == 1:
            group.loc[2, "pain"] = "eleven"
            group = pd.concat([group, group.iloc[[3]]], ignore_index=True)
        if i == 2:
            group["pain"] = 14  # no valid record
        if i == 3:
            group.loc[1, "notes"] = 'two\nlines, ""quoted""'
        path = tmp_path / f"j{i:02d}.csv"
        group.to_csv(path, index=False)
        files.append(path)
    first = files[0].read_text().splitlines(keepends=True)
    (tmp_path / "j12.csv").write_text("".join(first[:1] + first[-1:]))  # j00's last record
    files.append(tmp_path / "j12.csv")
    order = [files[k] for k in (5, 0, 12, 3, 11, 2, 7, 1, 10, 4, 9, 6, 8)]
    names = [f"{chr(ord('z') - k)}, {path.stem}" for k, path in enumerate(order)]
    (block,) = co._read_chunk(list(zip(names, map(str, order), strict=True)))
    assert block[0] == names  # read together, in one pass
    cohort = co.read_journals(order, person=names, workers=1)
    assert cohort.persons == names
    assert cohort.entries["person"].unique().tolist() == [n for n in names if "j02" not in n]
    for name, path in zip(names, order, strict=True):
        journal = read_journal(path)
        _assert_as_read_alone(cohort, name, journal)
        people = cohort.people.set_index("person").loc[name]
        assert (people["n_records"], people["n_entries"]) == (
            journal.n_records,
            journal.n_entries,
        )
    assert cohort.people.set_index("person").filter(like="j02", axis=0)["n_entries"].item() == 0


def test_a_large_class_is_read_in_blocks_under_the_readers_limit(folder, cohort, monkeypatch):
    monkeypatch.setattr(co, "_BLOCK_BYTES", 16_000)  # two journals per block
    blocks = co._read_chunk([(p, str(folder / f"{p}.csv")) for p in cohort.persons])
    assert [r[0] for r in blocks if isinstance(r[0], list)] == [["p0", "p1"], ["p2", "p3"]]
    again = co.read_journals(folder, workers=1)
    for name in ("entries", "problems", "people"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(cohort, name))


def test_journals_with_their_own_person_column_read_together_equal_read_alone(tmp_path):
    for name in ("a", "b"):
        frame = simulate_journal("overuse", days=5, seed=ord(name)).assign(person="someone")
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    (block,) = co._read_chunk([(p, str(tmp_path / f"{p}.csv")) for p in "ab"])
    assert block[0] == ["a", "b"]  # read together
    cohort = co.read_journals(tmp_path, workers=1)
    assert cohort.entries["person"].unique().tolist() == ["a", "b"]
    for name in "ab":
        journal = read_journal(tmp_path / f"{name}.csv")
        mine = cohort.entries[cohort.entries["person"] == name].reset_index(drop=True)
        expected = journal.entries.drop(columns="person")
        assert list(mine.columns) == ["person", *expected.columns]
        pd.testing.assert_frame_equal(mine.drop(columns="person"), expected, check_dtype=False)
        problems = cohort.problems[cohort.problems["person"] == name]
        assert problems["reason"].tolist() == journal.problems["problem"].tolist()
