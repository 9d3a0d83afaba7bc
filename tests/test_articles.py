import pytest

from core.ingest.text import ArticleError, article_from_text, read_article, split_header


def test_reads_utf8_article_and_metadata(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text("The minister said the plan was good.", encoding="utf-8")
    (tmp_path / "talks.meta.yaml").write_text("title: Talks\ndate: '2025-01-02'\n", encoding="utf-8")
    article = read_article(path)
    assert article.article_id == "talks"
    assert article.title == "Talks" and article.date == "2025-01-02"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("Le ministre a dit é".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_files_raise_one_clear_line(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="folder"):
        read_article(tmp_path)


def test_huge_text_is_refused():
    with pytest.raises(ArticleError, match="limit"):
        article_from_text("word " * 500_000, "huge")


def test_html_becomes_plain_text_with_a_warning():
    article = article_from_text(
        "<html><body><p>The minister said <b>yes</b>.</p><script>alert(1)</script><p>Next.</p></body></html>", "page"
    )
    assert "<" not in article.text and "alert" not in article.text
    assert "The minister said yes." in article.text
    assert any("HTML" in w for w in article.warnings)


def test_non_english_text_is_kept_with_a_warning():
    article = article_from_text("Der Bundeskanzler sagte am Montag, dass die Regierung die Zölle ablehnt.", "de")
    assert any("English" in w for w in article.warnings)
    assert article.text.startswith("Der Bundeskanzler")


def test_header_lines_become_metadata():
    meta, body = split_header("# title: A day\n# date: 2025-03-31T06:41 (feed)\n# publisher: Outlet\n\nBody text.")
    assert meta["title"] == "A day" and meta["publisher"] == "Outlet"
    assert body == "Body text."
    article = article_from_text("# title: A day\n# date: 2025-03-31T06:41 (feed)\n# publisher: Outlet\n\nBody text.", "x")
    assert (article.title, article.date, article.outlet, article.text) == ("A day", "2025-03-31", "Outlet", "Body text.")


def test_a_hash_line_without_blank_line_is_text():
    assert split_header("# not: a header\nstill text") == ({}, "# not: a header\nstill text")
