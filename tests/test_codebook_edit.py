"""Editing a codebook: YAML round-trip, validation, add/replace/remove, digests and saving."""

from __future__ import annotations

import os

import pytest
import yaml

from core.knowledge.codebook import (
    Codebook,
    CodebookError,
    IssueDraft,
    changed_issues,
    codebook_from_dict,
    codebook_from_yaml,
    codebook_to_dict,
    codebook_to_yaml,
    load_codebook,
    pattern_sources,
    save_codebook,
    validate_issue,
    with_issue,
    without_issue,
)
from tests.nlp_fixtures import TRADE_CODEBOOK


def health_codebook() -> Codebook:
    return codebook_from_dict(
        {
            "name": "Health policy (tëst)",
            "issues": [
                {
                    "id": "sugar_tax",
                    "label": "Sugar tax",
                    "description": "Support = a tax on sugary drinks is introduced.",
                    "patterns": [r"\bsugar(?:y\s+drinks?)?\s+tax\b", r"\bsoda\s+levy\b"],
                },
                {
                    "id": "vaccine_mandate",
                    "label": "Vaccine mandate",
                    "description": "Support = vaccination is required for health workers.",
                    "patterns": [r"\bvaccine\s+mandates?\b"],
                },
                {
                    "id": "clinic_funding",
                    "label": "Clinic funding",
                    "description": "Support = rural clinics get more money — “now”.",
                    "patterns": [r"\b(?:rural\s+)?clinic\s+funding\b"],
                },
            ],
        },
        "health",
    )


def as_content(codebook: Codebook) -> list[tuple[str, str, str, list[str]]]:
    return [(i.id, i.label, i.description, pattern_sources(i)) for i in codebook.issues]


NEW_DRAFT = IssueDraft("drug_prices", "Drug prices", "Support = caps on drug prices.", [r"\bdrug\s+price\s+caps?\b"])


# --- round-trip --------------------------------------------------------------------------------


def test_yaml_round_trip_keeps_content_name_and_digest():
    codebook = health_codebook()
    text = codebook_to_yaml(codebook)
    assert text.startswith("# Codebook: Health policy (tëst)\n#")
    assert "“now”" in text  # unicode stays readable
    again = codebook_from_dict(yaml.safe_load(text))
    assert as_content(again) == as_content(codebook)
    assert again.name == codebook.name and again.digest == codebook.digest
    assert codebook_to_dict(again) == codebook_to_dict(codebook)


@pytest.mark.parametrize("path", [None, TRADE_CODEBOOK])
def test_real_codebook_files_round_trip(path):
    original = load_codebook(path)
    again = codebook_from_yaml(codebook_to_yaml(original), "dumped")
    assert as_content(again) == as_content(original)
    assert again.name == original.name and again.digest == original.digest


def test_awkward_strings_round_trip():
    draft = IssueDraft(
        "odd_one",
        "Label: with #hash and 'quotes' \"too\"",
        "two\nlines,  spaces\tand ünïcode",
        [r"\bpatient's\s+rights\b", " leading space", "#not-a-comment: x", r"a\\b"],
    )
    codebook = with_issue(health_codebook(), draft)
    again = codebook_from_yaml(codebook_to_yaml(codebook))
    assert as_content(again) == as_content(codebook)


def test_codebook_from_yaml_reports_bad_text():
    with pytest.raises(CodebookError, match="store: not a valid YAML"):
        codebook_from_yaml("issues: [unclosed", "store")
    with pytest.raises(CodebookError, match="issues"):
        codebook_from_yaml("just text", "store")


# --- validation --------------------------------------------------------------------------------


def test_a_good_draft_has_no_problems():
    assert validate_issue(NEW_DRAFT, health_codebook()) == []


@pytest.mark.parametrize(
    "draft, message",
    [
        (IssueDraft("drug_prices", "Drug prices", "", [r"\bdrug (prices"]), "'\\\\bdrug (prices' is refused: it is not a valid regular expression: missing )"),
        (IssueDraft("ferry_tolls", "Ferry tolls", "", [r"(e|ee)+$"]), "is refused: it is too slow"),
        (IssueDraft("ferry_tolls", "Ferry tolls", "", ["x" * 1200]), "the limit is 1,000"),
        (IssueDraft("sugar_tax", "Sugar", "", [r"\bsugar\b"]), "'sugar_tax' is already used"),
        (IssueDraft("drug_prices", "   ", "", [r"\bdrug\b"]), "needs a label"),
        (IssueDraft("drug_prices", "Drug prices", "", [r"(?:drugs)?"]), "matches empty text"),
        (IssueDraft("drug_prices", "Drug prices", "", [r"\b"]), "empty"),
        (IssueDraft("Drug Prices", "Drug prices", "", [r"\bdrug\b"]), "must use only a-z, 0-9 and _"),
        (IssueDraft("", "Drug prices", "", [r"\bdrug\b"]), "needs an id"),
        (IssueDraft("drug_prices", "Drug prices", "", ["", "  "]), "at least one term or pattern"),
    ],
)
def test_validation_says_what_is_wrong(draft, message):
    problems = validate_issue(draft, health_codebook())
    assert len(problems) == 1, problems
    assert message in problems[0]


def test_all_problems_are_reported_together():
    draft = IssueDraft("sugar_tax", "", "", ["(", r"\bok\b"])
    problems = validate_issue(draft, health_codebook())
    assert len(problems) == 3
    with pytest.raises(CodebookError) as error:
        with_issue(health_codebook(), draft)
    assert all(problem in str(error.value) for problem in problems)


def test_editing_an_issue_may_keep_its_id():
    draft = IssueDraft("sugar_tax", "Sugar tax", "", [r"\bsugar\s+tax\b"])
    assert validate_issue(draft, health_codebook(), editing="sugar_tax") == []
    assert validate_issue(draft, health_codebook(), editing="vaccine_mandate") != []
    assert "there is no issue 'missing' to edit" in validate_issue(draft, health_codebook(), editing="missing")


# --- add / replace / remove --------------------------------------------------------------------


def test_adding_appends_and_changes_the_digest_without_touching_the_original():
    codebook = health_codebook()
    added = with_issue(codebook, NEW_DRAFT)
    assert added.ids == ["sugar_tax", "vaccine_mandate", "clinic_funding", "drug_prices"]
    assert codebook.ids == ["sugar_tax", "vaccine_mandate", "clinic_funding"]
    assert added.digest and added.digest != codebook.digest
    assert added.name == codebook.name
    (match,) = added.find("They want DRUG PRICE CAPS.")
    assert match.issue == "drug_prices"


def test_replacing_keeps_the_position_and_may_rename():
    codebook = health_codebook()
    draft = IssueDraft("vaccination_rules", "Vaccination rules", "Support = rules.", [r"\bvaccination\s+rules\b"])
    replaced = with_issue(codebook, draft, replace="vaccine_mandate")
    assert replaced.ids == ["sugar_tax", "vaccination_rules", "clinic_funding"]
    assert replaced.digest != codebook.digest
    assert changed_issues(codebook, replaced) == {"vaccine_mandate", "vaccination_rules"}


@pytest.mark.parametrize("field, value", [("label", "Soda tax"), ("description", "Support = other."), ("patterns", [r"\bsoda\s+tax\b"])])
def test_any_change_changes_the_digest(field, value):
    codebook = health_codebook()
    draft = IssueDraft.from_issue(codebook.issues[0])
    setattr(draft, field, value)
    assert with_issue(codebook, draft, replace="sugar_tax").digest != codebook.digest


def test_equal_content_gives_an_equal_digest():
    codebook = health_codebook()
    unchanged = with_issue(codebook, IssueDraft.from_issue(codebook.issues[1]), replace="vaccine_mandate")
    assert unchanged.digest == codebook.digest
    assert with_issue(codebook, NEW_DRAFT).digest == with_issue(health_codebook(), NEW_DRAFT).digest
    assert without_issue(with_issue(codebook, NEW_DRAFT), "drug_prices").digest == codebook.digest


def test_removing_keeps_the_order_of_the_rest():
    codebook = health_codebook()
    removed = without_issue(codebook, "vaccine_mandate")
    assert removed.ids == ["sugar_tax", "clinic_funding"]
    assert removed.digest != codebook.digest
    assert changed_issues(codebook, removed) == {"vaccine_mandate"}
    with pytest.raises(CodebookError, match="no issue 'nope'"):
        without_issue(codebook, "nope")
    single = without_issue(removed, "sugar_tax")
    with pytest.raises(CodebookError, match="at least one issue"):
        without_issue(single, "clinic_funding")


def test_changed_issues_ignores_label_and_description_edits():
    codebook = health_codebook()
    draft = IssueDraft.from_issue(codebook.issues[2])
    draft.label = "Money for clinics"
    relabelled = with_issue(codebook, draft, replace="clinic_funding")
    assert changed_issues(codebook, relabelled) == set()
    draft.patterns = [*draft.patterns, r"\bclinic\s+budgets?\b"]
    assert changed_issues(codebook, with_issue(codebook, draft, replace="clinic_funding")) == {"clinic_funding"}
    assert changed_issues(codebook, with_issue(codebook, NEW_DRAFT)) == {"drug_prices"}


# --- saving ------------------------------------------------------------------------------------


def test_save_then_load_gives_the_same_codebook(tmp_path):
    codebook = with_issue(health_codebook(), NEW_DRAFT)
    path = tmp_path / "codebook.yaml"
    path.write_text("old content", encoding="utf-8")
    save_codebook(codebook, path)
    loaded = load_codebook(path)
    assert as_content(loaded) == as_content(codebook)
    assert loaded.name == codebook.name and loaded.digest == codebook.digest
    assert os.listdir(tmp_path) == ["codebook.yaml"]  # no temp file left behind


def test_a_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "codebook.yaml"
    save_codebook(health_codebook(), path)
    before = path.read_text(encoding="utf-8")

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        save_codebook(with_issue(health_codebook(), NEW_DRAFT), path)
    assert path.read_text(encoding="utf-8") == before
    assert os.listdir(tmp_path) == ["codebook.yaml"]


def test_file_digest_ignores_comments_and_layout(tmp_path):
    path = tmp_path / "codebook.yaml"
    save_codebook(health_codebook(), path)
    first = load_codebook(path).digest
    path.write_text("# a new comment\n" + path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert load_codebook(path).digest == first
