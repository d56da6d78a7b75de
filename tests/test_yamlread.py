"""The fast read-only loader and the round-trip loader see the same data at the same places."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.exceptions import ValidationError
from timeline.store import dump_yaml, parse_text
from timeline.validate import plain

ROOT = Path(__file__).resolve().parents[1]

scalar = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "yes",
            "no",
            "on",
            "off",
            "~",
            "null",
            "True",
            "0o17",
            "0x1f",
            "1_000",
            "2020-10-04",
            "2020-02-30",
            "2020-10",
            "1:20",
            "012",
            ".5",
            "-.inf",
            "1e3",
        ]
    ),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates(),
)
tree = st.recursive(
    scalar,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)


def positions(node, path=()):
    """Every (path, key position, value position) in a loaded tree.

    Empty values are left out: ruamel places them on the next line, libyaml
    after the key, which is the better place to point at.
    """
    found = []
    if isinstance(node, dict):
        for key in node:
            value = node.lc.value(key) if node[key] is not None else None
            found.append(((*path, key), node.lc.key(key), value))
            found += positions(node[key], (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found.append(((*path, index), None, node.lc.item(index) if item is not None else None))
            found += positions(item, (*path, index))
    return found


def same(a, b) -> bool:
    return a == b or (a != a and b != b)  # NaN


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), tree, min_size=1, max_size=5))
def test_both_loaders_agree_on_data_and_positions(data):
    text = dump_yaml(data)
    slow = parse_text(text, "x.yaml")
    fast = parse_text(text, "x.yaml", editable=False)
    assert repr(plain(fast.data)) == repr(plain(slow.data))
    assert positions(fast.data) == positions(slow.data)


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\nb: on\nc: 012\nd: 1:20\ne: 0o17\nf: ~\ng:\nh: 2020-10-04\ni: 2020-02-30\n",
        "- [1, 2, {a: b}]\n- 'quoted'\n- \"2020-10-04\"\n",
    ],
)
def test_yaml_12_scalars_and_merges_as_ruamel_reads_them(text):
    slow = parse_text(text, "x.yaml")
    fast = parse_text(text, "x.yaml", editable=False)
    assert plain(fast.data) == plain(slow.data)


def test_shipped_file_positions_agree():
    text = (ROOT / "events.yaml").read_text(encoding="utf-8")
    slow = parse_text(text, "events.yaml")
    fast = parse_text(text, "events.yaml", editable=False)
    assert positions(fast.data) == positions(slow.data)


def test_duplicate_keys_are_located_errors():
    with pytest.raises(ValidationError) as caught:
        parse_text("title: a\nevents: []\ntitle: b\n", "e.yaml", editable=False)
    assert str(caught.value).startswith(
        'e.yaml:3:1: YAML syntax error: while constructing a mapping found duplicate key "title"'
    )


def test_aliases_are_built_once():
    # aliases within the budget are shared, not copied
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 6)]
    doc = parse_text("\n".join(lines) + "\n", "bomb.yaml", editable=False)
    assert doc.data["a5"][0] is doc.data["a4"]


def test_a_billion_laughs_is_refused_where_it_starts():
    # (tests/hostile/test_yaml_limits.py has the CLI cases)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    with pytest.raises(ValidationError) as caught:
        parse_text("\n".join(lines) + "\n", "bomb.yaml", editable=False)
    repeats = (4**30 - 1) // 3  # paths from the top to a0: 4 per level, 30 levels
    assert str(caught.value).startswith(
        f"bomb.yaml:1:5: aliases repeat this value {repeats:,} times: the document would hold "
    )


def test_read_only_documents_cannot_be_saved():
    from timeline.exceptions import SaveError

    doc = parse_text("title: a\nevents: []\n", "e.yaml", editable=False)
    with pytest.raises(SaveError, match="loaded read-only"):
        doc.dump()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), tree, min_size=1, max_size=5))
def test_large_file_path_reads_the_same_data(data):
    from timeline.yamlread import load_plain

    text = dump_yaml(data)
    fast = load_plain(text)
    if fast is None:  # unusual input: the located loader takes over
        return
    assert repr(plain(fast)) == repr(plain(parse_text(text, "x.yaml").data))


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\nb: on\nc: 012\nd: 1:20\ne: 0o17\nf: ~\ng:\nh: 2020-10-04\ni: 2020-02-30\n",
        "- [1, 2, {a: b}]\n- 'quoted'\n- \"2020-10-04\"\n- ''\n- -1.5e3\n",
        "---\ns: >-\n  folded\n  text\nl: |\n  lit\n",
    ],
)
def test_large_file_path_scalars(text):
    from timeline.yamlread import load_plain

    assert plain(load_plain(text)) == plain(parse_text(text, "x.yaml").data)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "a: [1, 2\n",
        "x: !!str 12\n",
        "a: 1\n---\nb: 2\n",
        # aliases: the located loader checks what they expand to
        "x: &a {k: 1}\ny:\n  <<: *a\n  j: 2\n",
    ],
)
def test_large_file_path_hands_unusual_input_to_the_located_loader(text, capfd):
    from timeline.yamlread import load_plain

    assert load_plain(text) is None
    assert capfd.readouterr().err == ""


def test_problems_in_a_large_file_are_still_located(tmp_path):
    from timeline.validate import load_timeline

    events = "".join(
        f"  - id: e{i}\n    title: Event {i} with a reasonably long title to fill the file\n"
        f"    type: {'riot' if i == 4000 else 'protest'}\n    date: 2020-10-04\n"
        "    sources: [{source: wire}]\n"
        for i in range(5000)
    )
    path = tmp_path / "events.yaml"
    path.write_text("title: Big\nsources:\n  wire: {title: Wire}\nevents:\n" + events)
    assert path.stat().st_size > 256 * 1024
    with pytest.raises(ValidationError) as caught:
        load_timeline(path, display="events.yaml")
    assert str(caught.value).startswith("events.yaml:20007:11: event 'e4000': unknown type 'riot'")
