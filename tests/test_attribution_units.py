from core.attribution import find_quote_spans


def spans(text):
    return [text[s:e] for s, e in find_quote_spans(text)]


def test_curly_quotes_pair_across_sentences():
    assert spans("He said: “One. Two.” Then left.") == ["One. Two."]


def test_straight_quotes_toggle():
    assert spans('She said "yes" and "no".') == ["yes", "no"]


def test_unclosed_quote_ends_at_the_paragraph():
    text = "“We will not move.\nThe next paragraph is narrative."
    assert spans(text) == ["We will not move."]


def test_stray_closing_mark_is_ignored_and_reopening_closes_the_previous():
    assert spans("Odd ” mark. “First “Second” end.") == ["First", "Second"]


def test_no_quotes_and_empty_quotes():
    assert spans("No quotes here.") == []
    assert spans("Empty “” and “ ” marks.") == []
