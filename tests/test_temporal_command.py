"""run_tag, the core of `timeline tag`: inputs, publication dates and output formats."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from timeline.exceptions import InputError, NoPublicationDate
from timeline.temporal import find_publication_date
from timeline.temporal.command import MAX_INPUT_BYTES, run_tag
from timeline.temporal.timeml import parse_timeml

ARTICLE = (
    "date 2020-10-21\n"
    "BISHKEK, October 21. /TASS/. The elections were held on October 4. "
    "A rerun should be set before November 6.\n"
)


def run(tmp_path: Path, content: bytes | str, fmt: str = "json", published: str | None = None,
        name: str = "a.txt") -> str:  # fmt: skip
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = io.StringIO()
    run_tag([str(path)], published, fmt, out, io.StringIO(""))
    return out.getvalue()


def test_json_header_and_dateline(tmp_path: Path) -> None:
    doc = json.loads(run(tmp_path, ARTICLE))
    assert doc["published"] == "2020-10-21"
    assert doc["source"].endswith("a.txt")
    assert [(t["text"], t["value"]) for t in doc["timexes"]] == [
        ("October 21", "2020-10-21"),
        ("October 4", "2020-10-04"),
        ("November 6", "2020-11-06"),
    ]


def test_dateline_without_header_takes_year_from_context(tmp_path: Path) -> None:
    text = "MOSCOW, March 3. /TASS/. The 2019 budget was adopted on Monday."
    doc = json.loads(run(tmp_path, text))
    assert doc["published"] == "2019-03-03"


def test_published_option_wins(tmp_path: Path) -> None:
    doc = json.loads(run(tmp_path, "It happened yesterday.", published="2001-02-03"))
    assert doc["timexes"][0]["value"] == "2001-02-02"


def test_no_publication_date_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoPublicationDate, match="no publication date"):
        run(tmp_path, "It happened yesterday.")


def test_jsonl(tmp_path: Path) -> None:
    lines = run(tmp_path, ARTICLE, fmt="jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["value"] for r in rows] == ["2020-10-21", "2020-10-04", "2020-11-06"]
    assert all(r["published"] == "2020-10-21" for r in rows)


def test_tml_round_trips(tmp_path: Path) -> None:
    text = "date 2020-10-21\nA & B <met> on October 4 & left.\n"
    tml = run(tmp_path, text, fmt="tml")
    assert "A &amp; B &lt;met&gt;" in tml
    doc = parse_timeml(tml)
    assert doc.text == text
    assert doc.dct == "2020-10-21"
    assert [(g.text, g.value) for g in doc.timexes] == [("October 4", "2020-10-04")]


def test_timeml_input_uses_dct_and_text(tmp_path: Path) -> None:
    tml = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>'
        '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday'
        "</TIMEX3>.</TEXT></TimeML>"
    )
    doc = json.loads(run(tmp_path, tml, name="a.tml"))
    assert doc["published"] == "1998-01-08"
    assert [(t["text"], t["value"], t["start"]) for t in doc["timexes"]] == [
        ("yesterday", "1998-01-07", 8)
    ]


def test_windows_line_endings_keep_true_offsets(tmp_path: Path) -> None:
    text = ARTICLE.replace("\n", "\r\n")
    doc = json.loads(run(tmp_path, text))
    for t in doc["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bad\.txt: not valid UTF-8 at byte offset 5"):
        run(tmp_path, b"date \xff2020-10-21", name="bad.txt")


def test_stdin(tmp_path: Path) -> None:
    out = io.StringIO()
    run_tag(["-"], "2020-10-21", "jsonl", out, io.StringIO("It rained yesterday."))
    assert json.loads(out.getvalue())["value"] == "2020-10-20"


def test_empty_input(tmp_path: Path) -> None:
    doc = json.loads(run(tmp_path, "", published="2020-10-21"))
    assert doc["timexes"] == []


def test_several_files_make_a_json_array(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("It rained yesterday.", encoding="utf-8")
    out = io.StringIO()
    run_tag([str(a), str(b)], "2020-10-21", "json", out, io.StringIO(""))
    docs = json.loads(out.getvalue())
    assert [len(d["timexes"]) for d in docs] == [3, 1]


def test_too_large_input_is_rejected_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse file: no disk or memory cost
        fh.seek(MAX_INPUT_BYTES + 10)
        fh.write(b"\0")
    with pytest.raises(InputError, match="limit"):
        run_tag([str(big)], "2020-10-21", "json", io.StringIO(), io.StringIO(""))


def test_missing_file_and_bad_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        run_tag([str(tmp_path / "nope.txt")], None, "json", io.StringIO(), io.StringIO(""))
    with pytest.raises(InputError, match="unknown format"):
        run_tag(["-"], None, "xml", io.StringIO(), io.StringIO(""))


def test_find_publication_date() -> None:
    assert str(find_publication_date(ARTICLE)) == "2020-10-21"
    assert find_publication_date("no date here") is None
