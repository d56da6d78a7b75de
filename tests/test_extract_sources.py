"""Reading articles: text, Markdown, HTML (trafilatura), URLs on a local server, TimeML, stdin."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.exceptions import InputError, NoPublicationDate
from timeline.extract.article import extract_article
from timeline.extract.sources import expand, read_article

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Valdoria's central bank governor detained | Valdorian Herald</title>
<meta property="og:title" content="Valdoria's central bank governor detained">
<meta property="og:site_name" content="Valdorian Herald">
<meta property="article:published_time" content="2021-03-05T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Valdoria's central bank governor detained</h1>
<p>The central bank governor Petra Holm was detained on Thursday, two days after the prime
minister resigned over a fuel price crisis that has emptied petrol stations across the country.</p>
<p>Prosecutors said the investigation concerned the sale of state reserves last year. Her lawyer
called the case political and said she would appeal against any charges in court.</p>
<p>Parliament is to choose a new prime minister next week, according to the speaker's office,
which said a vote should be held before March 12.</p>
</article>
<footer>Copyright Valdorian Herald. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "holm.html"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def server(page: Path) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 serving the saved page; never the internet."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(page.parent))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):  # pragma: no cover
            pass

    httpd = Quiet(("127.0.0.1", 0), handler)
    httpd.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_text_with_header_and_dateline(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "date 2021-03-03\nVALDORIA CITY, March 3 /Newswire/. The prime minister resigned.\n",
        encoding="utf-8",
    )
    article = read_article(str(path), relative_to=tmp_path)
    assert article.published == dt.date(2021, 3, 3)
    assert article.lead_day == dt.date(2021, 3, 3)
    assert article.place == "Valdoria City"
    assert article.source.publisher == "Newswire"
    assert article.source.id == "newswire-2021-03-03"
    assert article.source.path == "report.txt"
    assert article.text[article.body_start :].startswith("The prime minister")


def test_markdown_title_and_published_option(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Crisis notes\n\nThe speaker resigned on Monday.\n", encoding="utf-8")
    with pytest.raises(NoPublicationDate, match="give one with --published"):
        read_article(str(path))
    article = read_article(str(path), dt.date(2021, 3, 10))
    assert article.source.title == "Crisis notes"
    assert article.source.id == "notes-2021-03-10"
    [event] = extract_article(article)
    assert event.type == "resignation" and event.date == "2021-03-08"


def test_html_file_through_trafilatura(page):
    article = read_article(str(page))
    assert article.published == dt.date(2021, 3, 5)
    assert article.source.publisher == "Valdorian Herald"
    assert "governor detained" in article.source.title
    assert "Home" not in article.text and "Copyright" not in article.text
    events = {e.type: e for e in extract_article(article)}
    assert events["arrest"].actors == ["Petra Holm"] and events["arrest"].date == "2021-03-04"
    assert events["resignation"].not_after == dt.date(2021, 3, 4)  # "two days after ..."
    assert events["deadline"].title == "Vote scheduled"  # "a vote should be held before ..."
    assert events["deadline"].date == "2021-03-12"


def test_url_from_a_local_server(server):
    article = read_article(f"{server}/holm.html")
    assert article.source.url == f"{server}/holm.html" and article.source.path is None
    assert article.published == dt.date(2021, 3, 5)
    assert any(e.type == "arrest" for e in extract_article(article))


def test_missing_url_is_an_input_error(server):
    with pytest.raises(InputError, match="404"):
        read_article(f"{server}/missing.html")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))


def test_stdin_text():
    article = read_article("-", stdin_text="date 2021-03-03\n\nThe minister resigned on Tuesday.\n")
    assert article.source.path is None and article.source.url is None
    assert article.source.id.endswith("2021-03-03")


def test_timeml_uses_the_dct(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(
        '<TimeML><DCT>CITY, <TIMEX3 tid="t0" type="DATE" value="1998-02-06">Feb 6</TIMEX3>'
        "</DCT><TITLE>Minister quits</TITLE><TEXT>The minister resigned on "
        '<TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert article.published == dt.date(1998, 2, 6)
    assert article.source.title == "Minister quits"
    assert "<" not in article.text


def test_folders_expand_to_their_articles_sorted(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "notes.yaml", "a.expected.yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [Path(p).name for p in expand([str(tmp_path), "-"])] == ["a.md", "b.txt", "c.html", "-"]


def test_agency_dateline_without_a_date(tmp_path):
    path = tmp_path / "ap.txt"
    path.write_text(
        "date 1998-03-22\n\nPORTLAND, Ore. (AP) _ Police arrested two men on Saturday.\n",
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert article.source.publisher == "AP" and article.place == "Portland"
    assert article.text[article.body_start :].startswith("Police arrested")


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Speaker quits"\ndate: 2021-03-10\n---\n\nThe speaker resigned on Monday.\n',
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert article.published == dt.date(2021, 3, 10)
    assert article.source.title == "Speaker quits"
    [event] = extract_article(article)
    assert event.date == "2021-03-08" and "title" not in event.quote
