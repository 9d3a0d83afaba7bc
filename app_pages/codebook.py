"""Codebook: view, add, edit and delete issues and their terms and patterns, save the codebook (in the corpus
or to the codebook file) so the articles are re-analysed, and turn uncoded statements into issues."""

import pandas as pd
import streamlit as st

import dashboard
from core.analysis.uncoded import example_text, issue_draft_from_group, key_phrases, known_names
from core.corpus.corpus import store_codebook, stored_codebook_text
from core.corpus.review import reviewed_rows_of_issue
from core.corpus.store import StoreError
from core.knowledge.codebook import (
    Codebook,
    CodebookError,
    IssueDraft,
    changed_issues,
    codebook_to_yaml,
    save_codebook,
    validate_issue,
    with_issue,
    without_issue,
)
from core.knowledge.pattern_trial import try_patterns
from core.views.render import escape_markdown
from dashboard.config import APP_DIR

NEW = ""  # the "Issue to edit" option for a new issue
SELECT = "codebook_issue"
FIELDS = {"id": "codebook_id", "label": "codebook_label", "description": "codebook_description",
          "patterns": "codebook_patterns", "terms": "codebook_terms",
          "opposite_terms": "codebook_opposite_terms", "opposite_patterns": "codebook_opposite_patterns",
          "problem_terms": "codebook_problem_terms", "problem_patterns": "codebook_problem_patterns"}
PENDING = "codebook_pending"  # the edited codebook, not saved yet (None: no changes)
NEW_DRAFT = "codebook_new_draft"  # an IssueDraft for "New issue" (from the uncoded panel)
FORM_FOR = "codebook_form_for"  # what the form was last filled from: (selection, codebook digest)
PROBLEMS = "codebook_problems"
NOTICE = "codebook_notice"  # one-time message after an action (shown on the next run)
RENAMED = "codebook_renamed"  # one-time warning after renaming an issue that has reviewed statements
FLASH = "codebook_flash"  # the message after a save, shown once the re-analysis has run
MAX_GROUPS = 20
MAX_UNGROUPED = 50  # ungrouped statements listed
EXAMPLE_CHARS = 200

analysis = dashboard.get_analysis()
corpus = dashboard.open_corpus()
store = corpus.store


def _base() -> Codebook:
    """The codebook the analysis uses: saved in the corpus, else the codebook file."""
    return dashboard.current_codebook()


def _working() -> Codebook:
    """The codebook being edited: the pending draft, else the saved one."""
    return st.session_state.get(PENDING) or _base()


def _keep_pending(codebook: Codebook) -> None:
    st.session_state[PENDING] = None if codebook.digest == _base().digest else codebook


def _file_name() -> str:
    path = dashboard.codebook_file().resolve()
    try:
        return str(path.relative_to(APP_DIR))
    except ValueError:
        return path.name  # outside the app folder: the name only, never a server path


def _fill_form(draft: IssueDraft) -> None:
    st.session_state[FIELDS["id"]] = draft.id
    st.session_state[FIELDS["label"]] = draft.label
    st.session_state[FIELDS["description"]] = draft.description
    st.session_state[FIELDS["patterns"]] = "\n".join(draft.patterns)
    st.session_state[FIELDS["terms"]] = "\n".join(draft.terms)
    st.session_state[FIELDS["opposite_terms"]] = "\n".join(draft.opposite_terms)
    st.session_state[FIELDS["opposite_patterns"]] = "\n".join(draft.opposite_patterns)
    st.session_state[FIELDS["problem_terms"]] = "\n".join(draft.problem_terms)
    st.session_state[FIELDS["problem_patterns"]] = "\n".join(draft.problem_patterns)


def _form_draft() -> IssueDraft:
    return IssueDraft(
        id=st.session_state.get(FIELDS["id"], ""),
        label=st.session_state.get(FIELDS["label"], ""),
        description=st.session_state.get(FIELDS["description"], ""),
        patterns=str(st.session_state.get(FIELDS["patterns"], "")).splitlines(),
        terms=str(st.session_state.get(FIELDS["terms"], "")).splitlines(),
        opposite_patterns=str(st.session_state.get(FIELDS["opposite_patterns"], "")).splitlines(),
        opposite_terms=str(st.session_state.get(FIELDS["opposite_terms"], "")).splitlines(),
        problem_patterns=str(st.session_state.get(FIELDS["problem_patterns"], "")).splitlines(),
        problem_terms=str(st.session_state.get(FIELDS["problem_terms"], "")).splitlines(),
    )


def _apply() -> None:
    """The form's submit callback: the edited issue into the pending codebook, or its problems."""
    working = _working()
    editing = st.session_state.get(SELECT) or None
    draft = _form_draft()
    problems = validate_issue(draft, working, editing=editing)
    if not problems:
        try:
            _keep_pending(with_issue(working, draft, replace=editing))
        except CodebookError as exc:
            problems = [str(exc)]
    if problems:
        st.session_state[PROBLEMS] = problems
        return
    st.session_state[NEW_DRAFT] = None
    st.session_state[SELECT] = draft.cleaned().id
    if editing and draft.cleaned().id != editing and reviewed_count(editing):
        st.session_state[RENAMED] = rename_warning(editing, reviewed_count(editing))
    st.session_state[NOTICE] = f"Issue '{draft.cleaned().label}' is in the draft codebook. Save it below."


def _delete(issue_id: str) -> None:
    try:
        _keep_pending(without_issue(_working(), issue_id))
    except CodebookError as exc:
        st.session_state[PROBLEMS] = [str(exc)]
        return
    st.session_state[SELECT] = NEW
    st.session_state[NOTICE] = f"Issue '{issue_id}' is removed from the draft codebook. Save it below."


def _draft_from_group(phrase: str) -> None:
    st.session_state[NEW_DRAFT] = issue_draft_from_group(phrase, _working())
    st.session_state[SELECT] = NEW
    st.session_state.pop(FORM_FOR, None)  # refill the form even when "New issue" was chosen already
    st.session_state[NOTICE] = f"A new issue from “{phrase}” is in the editor: check it, then add it."


def _discard() -> None:
    st.session_state[PENDING] = None
    st.session_state.pop(FORM_FOR, None)


def _saved(message: str) -> None:
    st.session_state[PENDING] = None
    st.session_state.pop(FORM_FOR, None)
    st.session_state[FLASH] = (f"{message} {REANALYSIS}")
    st.rerun()


def reviewed_count(issue_id: str) -> int:
    """How many reviewed stance rows carry ``issue_id``."""
    return reviewed_rows_of_issue(analysis.tables.stances, issue_id)


def rename_warning(old_id: str, count: int) -> str:
    return (f"{count} reviewed statement(s) use the id '{old_id}'; after renaming, their reviews no longer match "
            "and rejected rows may come back. Keep the id and change the label instead.")


@st.dialog("Delete issue?")
def confirm_delete(issue_id: str, label: str) -> None:
    st.markdown(f"This removes the issue **{escape_markdown(label)}** (`{issue_id}`) from the "
                "draft codebook; once saved, its statements disappear from every page.")
    yes, no = st.columns(2)
    yes.button("Delete", type="primary", icon=":material/delete:", key="confirm_delete_issue",
               on_click=_delete, args=(issue_id,))
    no.button("Cancel", key="cancel_delete_issue")


# A save changes the codebook's hash; the next run re-analyses what the change can affect
# (core.corpus.corpus.Corpus._carry_over) before the pages show anything.
REANALYSIS = ("Articles in which a changed issue's terms or patterns match are analysed again with it; "
              "the others keep their results.")

st.title("Codebook")
st.caption("The issues stances are taken on, and the terms and patterns that find them in the text. "
           "Saving a change re-analyses the articles it can affect.")

flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(escape_markdown(flash), icon=":material/check_circle:")

base = _base()
working = _working()
pending = st.session_state.get(PENDING)
stored = bool(stored_codebook_text(store).strip())

# --- 1. the issues ---------------------------------------------------------------------------

source = f"saved in the corpus ({store.name})" if stored else f"the file {_file_name()}"
st.markdown(f"**{escape_markdown(working.name)}**, from {escape_markdown(source)}"
            + (" — with unsaved changes" if pending else "") + ".")
counts = analysis.tables.stances["issue"].value_counts() if not analysis.tables.stances.empty else pd.Series(dtype=int)
st.dataframe(
    pd.DataFrame(
        {
            "label": [issue.label for issue in working.issues],
            "id": working.ids,
            "description": [issue.description for issue in working.issues],
            "terms": [len(issue.terms) for issue in working.issues],
            "patterns": [len(issue.patterns) for issue in working.issues],
            "opposite": [len(issue.opposite_terms) + len(issue.opposite_patterns) for issue in working.issues],
            "problem": [len(issue.problem_terms) + len(issue.problem_patterns) for issue in working.issues],
            "statements": [int(counts.get(issue.id, 0)) for issue in working.issues],
        }
    ),
    hide_index=True,
    width="stretch",
    # The counts before the long description, so they are never scrolled out of view.
    column_order=["label", "statements", "terms", "patterns", "opposite", "problem", "id", "description"],
    column_config={
        "label": st.column_config.TextColumn("Label", width="medium"),
        "id": st.column_config.TextColumn("Id", width="medium"),
        "description": st.column_config.TextColumn("Description", width=380),
        "terms": st.column_config.NumberColumn("Terms", format="%d", width="small"),
        "patterns": st.column_config.NumberColumn("Patterns", format="%d", width="small"),
        "opposite": st.column_config.NumberColumn("Opposite", format="%d", width="small",
                                                  help="Terms and patterns for things whose support is opposition to the issue"),
        "problem": st.column_config.NumberColumn("Problem", format="%d", width="small",
                                                 help="Terms and patterns for the problem the issue acts against"),
        "statements": st.column_config.NumberColumn("Statements", format="%d", width="small",
                                                    help="Stance rows found with the saved codebook"),
    },
)

# --- 4. uncoded statements -------------------------------------------------------------------


def uncoded_section(editable: bool) -> None:
    """Statements no issue covers, grouped; editors can turn a group into a draft issue."""
    st.subheader("Uncoded statements")
    st.caption("Attributed statements that match no issue of the codebook, grouped by a key phrase they share: "
               "where the codebook may be missing an issue.")
    uncoded_count, groups, ungrouped = (
        dashboard.uncoded_groups(analysis.tables.quotes, codebook_to_yaml(working), MAX_GROUPS, corpus.knowledge.digest)
        if not analysis.tables.quotes.empty else (0, pd.DataFrame(), pd.DataFrame()))
    if analysis.tables.quotes.empty:
        st.info("No attributed statements yet: add articles on the Articles page.", icon=":material/library_add:")
    elif not uncoded_count:
        st.info("Every attributed statement matches an issue.", icon=":material/task_alt:")
    else:
        st.caption(f"{uncoded_count} uncoded statement(s) in {len(groups)} group(s); "
                   f"{len(ungrouped)} share no key phrase with another (listed below the groups). Key phrases "
                   "leave out names the knowledge files know (people, organisations, countries, demonyms, roles), "
                   "the speakers and generic words (the lexicon's generic_words).")
        for number, group in enumerate(groups.itertuples(index=False)):
            with st.expander(f"{escape_markdown(group.phrase)} — {group.statements} statements"):
                if group.speakers:
                    st.markdown(f"**Speakers:** {escape_markdown(group.speakers)}")
                for example in group.examples:
                    st.markdown(f"> {escape_markdown(example)}")
                if editable:
                    st.button("Create an issue from this", key=f"codebook_uncoded_{number}", icon=":material/add:",
                              on_click=_draft_from_group, args=(group.phrase,))
        if len(ungrouped):
            ungrouped_section(ungrouped, editable, expanded=groups.empty)


def ungrouped_section(ungrouped: pd.DataFrame, editable: bool, expanded: bool) -> None:
    """The uncoded statements no group took, each with its own key phrases; editors can turn one
    of those phrases into a draft issue."""
    names = known_names().with_speakers(dict.fromkeys(ungrouped["speaker"].fillna("").astype(str)))
    shown = ungrouped.head(MAX_UNGROUPED)
    phrases = [key_phrases(str(text), max_phrases=3, names=names) for text in shown["text"]]
    with st.expander(f"Not grouped — {len(ungrouped)} statement(s)", expanded=expanded, icon=":material/list:"):
        for (speaker, text, article_id), found in zip(
                shown[["speaker", "text", "article_id"]].itertuples(index=False, name=None), phrases):
            st.markdown(f"> {escape_markdown(example_text(text, EXAMPLE_CHARS))}")
            about = [str(speaker or "unknown speaker"), analysis.title_of(str(article_id)),
                     f"key phrases: {', '.join(found)}" if found else "no key phrase"]
            st.caption(escape_markdown(" · ".join(about)))
        if len(ungrouped) > MAX_UNGROUPED:
            st.caption(f"The first {MAX_UNGROUPED} of {len(ungrouped)}.")
        choices = list(dict.fromkeys(p for found in phrases for p in found))
        if editable and choices:
            left, right = st.columns([3, 2], vertical_alignment="bottom")
            phrase = left.selectbox("Key phrase", choices, key="codebook_ungrouped_phrase")
            right.button("Create an issue from this phrase", key="codebook_ungrouped_create", icon=":material/add:",
                         on_click=_draft_from_group, args=(phrase,))


viewer = dashboard.current_viewer()
if not viewer.is_editor:
    dashboard.show_editor_notice("Editing the codebook")
    uncoded_section(editable=False)
    st.stop()

# --- 2. the editor ---------------------------------------------------------------------------

st.subheader("Edit")
options = [NEW, *working.ids]
if st.session_state.get(SELECT) not in options:
    st.session_state[SELECT] = NEW
choice = st.selectbox("Issue to edit", options, key=SELECT,
                      format_func=lambda i: working.label(i) if i else "(new issue)")
if st.session_state.get(FORM_FOR) != (choice, working.digest) or FIELDS["id"] not in st.session_state:
    if choice:
        _fill_form(IssueDraft.from_issue(next(i for i in working.issues if i.id == choice)))
    else:
        _fill_form(st.session_state.get(NEW_DRAFT) or IssueDraft("", ""))
    st.session_state[FORM_FOR] = (choice, working.digest)

with st.form("codebook_form"):
    left, right = st.columns(2)
    left.text_input("Id", key=FIELDS["id"], help="Lower-case letters, digits and _; it keys the stored statements.")
    right.text_input("Label", key=FIELDS["label"], help="The name shown on every page.")
    st.text_area("Description", key=FIELDS["description"], height=68,
                 help="One line saying what *support* for this issue means.")
    st.text_area("Terms, one word or phrase per line", key=FIELDS["terms"], height=100,
                 help="Each term also finds the other forms of its words, in any case: \"negotiate\" finds "
                      "\"negotiations\" and \"negotiating\", \"ceasefire\" finds \"cease-fire\". "
                      "Test them below before saving.")
    st.text_area("Opposite terms: things whose support is opposition to the issue", key=FIELDS["opposite_terms"], height=68,
                 help="For \"Limits on fossil fuels\": fracking, offshore drilling. A statement backing one of them is "
                      "counted as opposing the issue, and one rejecting it as supporting the issue.")
    st.text_area("Problem terms: the problem the issue acts against", key=FIELDS["problem_terms"], height=68,
                 help="For \"Acting on climate change\": climate change, global warming. Fighting the problem or warning "
                      "of it is counted as supporting the issue; denying it, playing it down or ignoring it as opposing. "
                      "A problem word before another noun (\"climate change legislation\") names the action.")
    with st.expander("Regular expressions (for experts)",
                     expanded=bool(st.session_state.get(FIELDS["patterns"]) or st.session_state.get(FIELDS["opposite_patterns"])
                                   or st.session_state.get(FIELDS["problem_patterns"]))):
        st.text_area("Patterns, one regular expression per line", key=FIELDS["patterns"], height=100,
                     help="Case-insensitive Python regular expressions matched on sentence text, e.g. \\bfishing\\s+quotas?\\b")
        st.text_area("Opposite patterns (one regular expression per line)", key=FIELDS["opposite_patterns"], height=68,
                     help="Regular expressions for things whose support is opposition to the issue, e.g. \\bgun\\s+rights\\b")
        st.text_area("Problem patterns (one regular expression per line)", key=FIELDS["problem_patterns"], height=68,
                     help="Regular expressions for the problem the issue acts against, e.g. \\bglobal\\s+warming\\b")
    apply_col, test_col = st.columns(2)
    apply_col.form_submit_button("Update issue" if choice else "Add issue", type="primary", icon=":material/check:",
                                 key="codebook_apply", on_click=_apply)
    test = test_col.form_submit_button("Test terms and patterns", icon=":material/manage_search:", key="codebook_test")

# Renaming an issue orphans its reviews (they are keyed by the issue id): warn, before applying when
# the form holds a new id (after "Test terms and patterns" or a refused update), and once it is applied.
renamed = st.session_state.pop(RENAMED, None)
draft_id = _form_draft().cleaned().id
if renamed is None and choice and draft_id and draft_id != choice and reviewed_count(choice):
    renamed = rename_warning(choice, reviewed_count(choice))
if renamed:
    st.warning(escape_markdown(renamed), icon=":material/warning:")

for problem in st.session_state.pop(PROBLEMS, None) or []:
    st.error(escape_markdown(problem), icon=":material/error:")
notice = st.session_state.pop(NOTICE, None)
if notice:
    st.info(escape_markdown(notice), icon=":material/info:")

if test:
    texts = analysis.tables.quotes["text"].fillna("").astype(str) if "text" in analysis.tables.quotes else []
    try:
        draft = _form_draft().cleaned()
        trial = try_patterns([*draft.patterns, *draft.opposite_patterns, *draft.problem_patterns], texts,
                             terms=[*draft.terms, *draft.opposite_terms, *draft.problem_terms])
    except CodebookError as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
    else:
        if trial.cut:
            st.info(f"The terms and patterns match {len(trial.hits)} quotes (tested on the first {trial.tested:,} of "
                    f"{trial.distinct:,} quotes).", icon=":material/manage_search:")
        else:
            st.info(f"The terms and patterns match {len(trial.hits)} of {trial.total} quotes in the corpus.",
                    icon=":material/manage_search:")
        for text in trial.hits[:3]:
            st.markdown(f"> {escape_markdown(example_text(text, EXAMPLE_CHARS))}")

if choice and st.button("Delete issue…", icon=":material/delete:", key="codebook_delete"):
    confirm_delete(choice, working.label(choice))

# --- 3. saving -------------------------------------------------------------------------------

if pending is not None:
    changed = sorted(changed_issues(base, pending))
    if changed:
        names = ", ".join(escape_markdown(issue_id) for issue_id in changed)
        st.warning(f"Unsaved changes: issues {names} changed.", icon=":material/edit_note:")
    else:
        st.warning("Unsaved changes: labels or descriptions only.", icon=":material/edit_note:")
    st.caption("Saving re-analyses the articles in which a changed issue's terms or patterns (old or new) match; the "
               "others keep their results. On Streamlit Community Cloud files do not last: save in the corpus there.")
    in_corpus, to_file, discard = st.columns(3)
    if in_corpus.button("Save in the corpus", type="primary", icon=":material/save:", key="codebook_save_corpus"):
        try:
            store_codebook(store, pending)
        except (CodebookError, StoreError, OSError) as exc:
            st.error(escape_markdown(f"Not saved: {exc}"), icon=":material/error:")
        else:
            _saved("Saved in the corpus.")
    # Writing a file on the server is for the one user of a local installation, never for a deployment.
    local = viewer.how == "local"  # the local user: only granted to a request from the server's machine
    if to_file.button("Save to the codebook file", icon=":material/save_as:", key="codebook_save_file", disabled=not local,
                      help=None if local else "Only when the dashboard runs on your own computer; save in the corpus here.") and local:
        try:
            save_codebook(pending, dashboard.codebook_file())
            if stored:
                store_codebook(store, None)
        except (CodebookError, StoreError, OSError) as exc:
            st.error(escape_markdown(f"Not saved to {_file_name()}: {exc}"), icon=":material/error:")
        else:
            _saved(f"Saved to {_file_name()}." + (" The codebook saved in the corpus was dropped, so the file is used."
                                                  if stored else ""))
    discard.button("Discard changes", icon=":material/undo:", key="codebook_discard", on_click=_discard)

if stored and st.button("Use the codebook file again", icon=":material/restore:", key="codebook_use_file",
                        help=f"Forget the codebook saved in the corpus and use {_file_name()}."):
    try:
        store_codebook(store, None)
    except (StoreError, OSError) as exc:
        st.error(escape_markdown(f"Not changed: {exc}"), icon=":material/error:")
    else:
        st.session_state.pop(FORM_FOR, None)
        st.session_state[FLASH] = f"The codebook file {_file_name()} is used again. {REANALYSIS}"
        st.rerun()

uncoded_section(editable=True)
