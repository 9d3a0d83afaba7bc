"""Articles: add articles to the corpus (paste, upload, URL), check what was detected, manage
the stored ones (edit title, outlet and date; delete after confirming, restore), and back up or
restore the whole corpus. Editors only change anything, and only editors download a backup (it holds
deleted articles and the reviewers' identities); viewers see the list."""

import streamlit as st

import dashboard
from core.corpus.backup import BackupError, default_file_name, describe, read_backup
from core.corpus.corpus import DraftError, changed_metadata, drafts_table, new_articles_from_drafts
from core.corpus.store import StoreError
from core.ingest.sources import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    IngestError,
    extract_file,
    extract_text,
    fetch_url,
)
from core.ingest.text import MAX_ARTICLE_CHARS
from core.views.render import escape_markdown

DRAFTS = "articles_drafts"  # documents read but not stored yet: {"docs": [...], "errors": [...], "batch": n}
MAX_URLS = 20
MAX_UPLOADS = 20  # files read in one go: each is parsed in this session, so a batch is bounded
# A backup upload: the server's own limit (.streamlit/config.toml, maxUploadSize = 10 MB), checked
# here too; a larger backup is restored with ``python -m core restore FILE``.
MAX_BACKUP_UPLOAD_BYTES = 10 * 1024 * 1024
RESTORE_DONE = "backup_restore_done"  # set by the restore's callback: the dialog then closes

analysis = dashboard.get_analysis()

st.title("Articles")
st.caption("Add news articles to the corpus and manage the stored ones. Every article is analysed once; "
           "all pages then show its statements.")


def _read_uploads(files) -> None:
    docs, errors = [], []
    if len(files) > MAX_UPLOADS:
        errors.append(f"{len(files)} files were chosen; at most {MAX_UPLOADS} are read at once, so only the first "
                      f"{MAX_UPLOADS} were read")
    for upload in files[:MAX_UPLOADS]:
        if upload.size > MAX_FILE_BYTES:  # checked before the bytes are touched
            errors.append(f"{upload.name[:80]}: the file is {upload.size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
            continue
        try:
            docs.append(extract_file(upload.getvalue(), upload.name))
        except IngestError as exc:
            errors.append(str(exc))
    _set_drafts(docs, errors)


def _set_drafts(docs: list, errors: list[str]) -> None:
    """New documents to check; a new batch number gives the check table a fresh widget, so edits
    made to an earlier batch never carry over to this one."""
    st.session_state["articles_batch"] = st.session_state.get("articles_batch", 0) + 1
    st.session_state[DRAFTS] = {"docs": docs, "errors": errors, "batch": st.session_state["articles_batch"]}


def _read_urls(text: str) -> None:
    urls = [u.strip() for u in text.splitlines() if u.strip()]
    docs, errors = [], []
    if len(urls) > MAX_URLS:
        errors.append(f"{len(urls)} addresses given; only the first {MAX_URLS} were fetched.")
        urls = urls[:MAX_URLS]
    with st.spinner(f"Fetching {len(urls)} page(s)…"):
        for url in urls:
            try:
                docs.append(fetch_url(url))
            except IngestError as exc:
                errors.append(str(exc))
    _set_drafts(docs, errors)


def _read_paste(text: str) -> None:
    try:
        _set_drafts([extract_text(text)], [])
    except IngestError as exc:
        _set_drafts([], [str(exc)])


viewer = dashboard.current_viewer()
if viewer.is_editor:
    paste_tab, upload_tab, url_tab = st.tabs(["Paste text", "Upload files", "From a web address"])
    with paste_tab:
        with st.form("paste_form", clear_on_submit=False, border=False):
            pasted = st.text_area("Article text", height=220, placeholder="Paste the article here (plain text or HTML).",
                                  max_chars=MAX_ARTICLE_CHARS, key="paste_text")
            if st.form_submit_button("Read the text", icon=":material/text_snippet:"):
                _read_paste(pasted)
    with upload_tab:
        with st.form("upload_form", clear_on_submit=True, border=False):
            # No ``type=``: the browser would refuse other files with a message of its own ("image/png
            # files are not allowed") and then send nothing; every file is checked here instead, and
            # one that cannot be read gets one message naming it and the types that can.
            uploads = st.file_uploader(
                "Article files",
                accept_multiple_files=True,
                help="Plain text, Markdown, HTML, PDF (with a text layer) or Word .docx; several at once.",
            )
            st.caption(f"Accepted: {', '.join(SUPPORTED_SUFFIXES)} (at most {MAX_UPLOADS} files at once).")
            if st.form_submit_button("Read the files", icon=":material/upload_file:"):
                if uploads:
                    _read_uploads(uploads)
                else:
                    _set_drafts([], ["Choose at least one file first."])
    with url_tab:
        with st.form("url_form", border=False):
            urls = st.text_area("Web addresses, one per line", height=100, placeholder="https://www.example.com/news/article",
                                key="url_text")
            st.caption("Only public http(s) pages are fetched (15 s timeout, 5 MB at most); the main text is extracted.")
            if st.form_submit_button("Fetch", icon=":material/link:"):
                _read_urls(urls)

    drafts = st.session_state.get(DRAFTS)
    if drafts:
        for error in drafts["errors"]:
            st.error(escape_markdown(dashboard.safe_message(error)), icon=":material/error:")
        if drafts["docs"]:
            st.subheader("Check before adding")
            st.caption("Title, outlet and date were detected where possible: correct them here. A text without "
                       "a headline gets its first sentence as the title (an emptied title goes back to it); the "
                       "article's id is made from the title. Dates as YYYY-MM-DD; leave empty when unknown. "
                       "Untick a row to skip it.")
            edited = st.data_editor(
                drafts_table(drafts["docs"]),
                key=f"drafts_editor_{drafts.get('batch', 0)}",
                hide_index=True,
                width="stretch",
                disabled=["origin", "words", "notes"],
                column_config={
                    "add": st.column_config.CheckboxColumn("Add", default=True),
                    "title": st.column_config.TextColumn("Title", width="large"),
                    "outlet": st.column_config.TextColumn("Outlet"),
                    "date": st.column_config.TextColumn("Date", help="YYYY-MM-DD", validate=r"^(\d{4}-\d{2}-\d{2})?$"),
                    "words": st.column_config.NumberColumn("Words", format="%d"),
                    "origin": st.column_config.TextColumn("From"),
                    "notes": st.column_config.TextColumn("Notes", help="Warnings from reading the file or page"),
                },
            )
            add_col, drop_col = st.columns([1, 4])
            if add_col.button("Add to the corpus", type="primary", icon=":material/library_add:"):
                try:
                    items = new_articles_from_drafts(drafts["docs"], edited)
                except DraftError as exc:
                    st.error(escape_markdown(dashboard.safe_message(exc)), icon=":material/error:")
                else:
                    report = dashboard.import_articles(items)
                    st.session_state[DRAFTS] = None
                    st.session_state["articles_report"] = report
                    st.rerun()
            if drop_col.button("Discard", icon=":material/close:"):
                st.session_state[DRAFTS] = None
                st.rerun()
else:
    dashboard.show_editor_notice("Adding, editing or deleting articles")
    st.caption("Backing up and restoring the whole corpus needs an editor too: a backup holds deleted articles and "
               "the reviewers' names, which viewers do not see.")


@st.dialog("Restore from a backup?")
def confirm_restore(backup, name: str, replace: bool) -> None:
    if replace:
        st.write(f"This **replaces the whole corpus** ({len(analysis.articles)} article(s), every review and the codebook "
                 f"saved in it) with the backup {escape_markdown(name[:80])}: {describe(backup.counts())}. "
                 "It cannot be undone: download a backup of the corpus first if you may need it.")
    else:
        st.write(f"This adds the backup {escape_markdown(name[:80])} ({describe(backup.counts())}) to the corpus. "
                 "Articles whose text is already stored and reviews already recorded are not added again.")
    yes, no = st.columns(2)
    yes.button("Replace the corpus" if replace else "Restore", type="primary", icon=":material/settings_backup_restore:",
               key="confirm_restore", on_click=_restore_backup, args=(backup, replace))
    # A dialog's button reruns only the dialog: once the callback has restored (or failed), or on
    # Cancel, the whole page reruns, which closes the dialog and shows the outcome.
    if no.button("Cancel", key="cancel_restore") or st.session_state.get(RESTORE_DONE):
        st.session_state.pop(RESTORE_DONE, None)
        st.rerun()


def _restore_backup(backup, replace: bool) -> None:
    try:
        st.session_state["backup_report"] = dashboard.restore_corpus(backup, replace=replace).lines()
    except StoreError as exc:
        st.session_state["articles_failed"] = str(exc)
    st.session_state[RESTORE_DONE] = True


def backup_section() -> None:
    """Download the whole corpus; restore one from a backup (merge or replace, after confirming)."""
    st.subheader("Backup and restore")
    with st.container(border=True):
        st.caption("One file with every article (deleted ones too), its analyses, the whole review history with the "
                   "reviewers' names, and the codebook saved in the corpus. " + dashboard.storage_note())
        st.download_button("Download the whole corpus", data=dashboard.corpus_backup(), file_name=default_file_name(),
                           mime="application/gzip", icon=":material/download:", key="backup_download", on_click="ignore")
        upload = st.file_uploader("Restore from a backup", key="backup_upload",
                                  help=f"A file made by 'Download the whole corpus' or python -m core backup "
                                       f"(at most {MAX_BACKUP_UPLOAD_BYTES // (1024 * 1024)} MB here; "
                                       "larger ones with python -m core restore).")
        mode = st.radio("How", ["Merge into the corpus", "Replace the corpus"], key="backup_mode", horizontal=True,
                        help="Merge keeps what the corpus has and adds what the backup has more; replace empties "
                             "the corpus first.")
        if st.button("Restore…", icon=":material/settings_backup_restore:", key="restore_backup_button"):
            if upload is None:
                st.error("Choose a backup file first.", icon=":material/error:")
            elif upload.size > MAX_BACKUP_UPLOAD_BYTES:  # checked before the bytes are touched
                st.error(f"{escape_markdown(upload.name[:80])}: the file is {upload.size:,} bytes; the limit here is "
                         f"{MAX_BACKUP_UPLOAD_BYTES:,}. Restore it with python -m core restore.", icon=":material/error:")
            else:
                try:
                    backup = read_backup(upload.getvalue(), name=upload.name[:80])
                except BackupError as exc:
                    st.error(escape_markdown(dashboard.safe_message(exc)) + " Nothing was changed.", icon=":material/error:")
                else:
                    confirm_restore(backup, upload.name, mode == "Replace the corpus")


report = st.session_state.pop("articles_report", None)
if report is not None:
    if report.added:
        st.success(f"Added and analysed {len(report.added)} article(s).", icon=":material/check_circle:")
    for line in report.lines()[1 if report.added else 0 :]:
        st.info(escape_markdown(dashboard.safe_message(line)), icon=":material/content_copy:")
    for line in [*report.errors, *report.warnings]:
        st.warning(escape_markdown(dashboard.safe_message(line)), icon=":material/warning:")

deleted = st.session_state.pop("articles_deleted", None)
if deleted is not None:
    st.success(f"Deleted {deleted} article(s).", icon=":material/delete:")
failed = st.session_state.pop("articles_failed", None)
if failed:
    st.error(escape_markdown(dashboard.safe_message(failed)), icon=":material/error:")
st.session_state.pop(RESTORE_DONE, None)  # a full run: a later restore dialog starts afresh
for line in st.session_state.pop("backup_report", None) or []:
    st.success(escape_markdown(line), icon=":material/settings_backup_restore:")
restored_count = st.session_state.pop("articles_restored", None)
if restored_count is not None:
    st.success(f"Restored {restored_count} article(s).", icon=":material/restore_from_trash:")

st.subheader(f"In the corpus ({len(analysis.articles)})")
if analysis.articles.empty:
    st.info("The corpus is empty. Paste, upload or fetch an article above.", icon=":material/library_add:")
    if viewer.is_editor:
        backup_section()
    st.stop()

if not viewer.is_editor:
    dashboard.article_list(analysis, editable=False)
    st.stop()

st.caption("Edit a title, outlet or date in place, then save. "
           "Statements = stance rows found (−1: not analysed yet).")
view, changed = dashboard.article_list(analysis, editable=True, key="corpus_editor")


@st.dialog("Delete articles?")
def confirm_delete(ids: list[str]) -> None:
    st.write(f"This hides {len(ids)} article(s) and their statements from every page. Their reviews are kept, "
             "and 'Recently deleted' below restores them.")
    for article_id in ids[:20]:
        st.markdown(f"- {escape_markdown(analysis.title_of(article_id))}")
    if len(ids) > 20:
        st.caption(f"… and {len(ids) - 20} more.")
    yes, no = st.columns(2)
    # Callbacks run before the page does, so the choice can be reset and the dialog closes.
    yes.button("Delete", type="primary", icon=":material/delete:", key="confirm_delete", on_click=_delete, args=(ids,))
    no.button("Cancel", key="cancel_delete")


def _delete(ids: list[str]) -> None:
    try:
        st.session_state["articles_deleted"] = dashboard.delete_articles(ids, by=viewer.identity)
    except StoreError as exc:
        st.session_state["articles_failed"] = str(exc)
    st.session_state["articles_to_delete"] = []


edits = changed_metadata(view, changed)
if st.button(f"Save {len(edits)} change(s)", disabled=not edits, icon=":material/save:"):
    try:
        dashboard.update_articles(edits)
    except (DraftError, StoreError) as exc:
        st.error(escape_markdown(dashboard.safe_message(exc)), icon=":material/error:")
    else:
        st.rerun()

st.subheader("Delete articles")
to_delete = st.multiselect("Articles to delete", view["article_id"].tolist(), format_func=analysis.title_of,
                           key="articles_to_delete", placeholder="Choose articles")
if st.button(f"Delete {len(to_delete)} article(s)…", disabled=not to_delete, icon=":material/delete:", key="delete_button"):
    confirm_delete(to_delete)

def _restore(ids: list[str]) -> None:
    try:
        st.session_state["articles_restored"] = dashboard.restore_articles(ids)
    except StoreError as exc:
        st.session_state["articles_failed"] = str(exc)
    st.session_state["articles_to_restore"] = []


deleted_table = dashboard.deleted_articles()
if not deleted_table.empty:
    st.subheader(f"Recently deleted ({len(deleted_table)})")
    st.caption("Deleted articles are hidden, not erased: their text, results and reviews are kept. Restore brings "
               "them back on every page.")
    st.dataframe(deleted_table.head(200), hide_index=True, width="stretch",
                 column_config={"title": st.column_config.TextColumn("Title", width="large"),
                                "deleted_at": st.column_config.TextColumn("Deleted"),
                                "deleted_by": st.column_config.TextColumn("By")})
    restore = st.multiselect("Articles to restore", deleted_table["id"].tolist(), key="articles_to_restore",
                             format_func=lambda i: str(deleted_table.set_index("id").loc[i, "title"] or i),
                             placeholder="Choose articles")
    st.button(f"Restore {len(restore)} article(s)", disabled=not restore, icon=":material/restore_from_trash:",
              key="restore_button", on_click=_restore, args=(restore,))

backup_section()  # editors only: a viewer's run stopped after the list
