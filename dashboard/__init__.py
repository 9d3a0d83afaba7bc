"""Streamlit glue shared by every page (core/ never imports Streamlit; this package is where the
two meet). Pages and ``app.py`` use the names re-exported here (``dashboard.get_analysis()``, ...).

Modules, one job each:

* ``dashboard.config``: where the corpus, codebook and seed articles live (environment, else
  Streamlit secrets); messages fit for any viewer (one line, no server path).
* ``dashboard.state``: the only module that caches: store, pipeline, worker, codebook, the corpus
  tables per store revision, articles, networks, uncoded groups, the accuracy report.
* ``dashboard.access``: who is viewing (core.corpus.access decides) and the sign-in widgets.
* ``dashboard.worker``: the analysis queue as a page sees it (progress bar, seeding).
* ``dashboard.corpus``: the analysis every page shows, and the editors' writes.
* ``dashboard.sidebar``: the sidebar filters and the URL state.
* ``dashboard.suggestions``: where the rows' confidences come from, and the rows below the
  minimum confidence offered as suggestions (Review and Article pages).
* ``dashboard.widgets``: widgets several pages share (article picker and list, issue picker, ...).

Where the corpus lives: ``$STANCE_DB``, else ``STANCE_DB`` in ``.streamlit/secrets.toml``, else
``data/stance_tracker.sqlite3``. On the first start of an empty corpus the articles in
``$STANCE_TRACKER_ARTICLES`` (default ``seeds/``) are imported.

Tests swap the heavy steps by monkeypatching ``dashboard.analyze_articles`` and
``dashboard.build_pipeline``, and the stance scorer the pages describe by monkeypatching
``dashboard.configured_scorer``: ``dashboard.state`` looks them up on this package at call time.
"""

from __future__ import annotations

from core.extraction.nlp import build_pipeline
from core.extraction.pipeline import analyze_articles, configured_scorer
from dashboard.access import (
    SIGN_IN_FAILURES,
    current_viewer,
    show_editor_notice,
    sidebar_access,
)
from dashboard.config import codebook_file, db_location, safe_message, setting, user_message
from dashboard.corpus import (
    corpus_backup,
    delete_articles,
    deleted_articles,
    get_analysis,
    import_articles,
    restore_articles,
    restore_corpus,
    storage_note,
    update_articles,
)
from dashboard.sidebar import (
    current_filters,
    filtered_tables,
    seed_widget_from_url,
    set_url_param,
    sidebar_filters,
    suggested_stances,
)
from dashboard.state import (
    Analysis,
    accuracy_report,
    article_text,
    current_codebook,
    default_min_confidence,
    network_view,
    open_corpus,
    sign_in_failures,
    stance_scorer,
    uncoded_groups,
)
from dashboard.suggestions import scorer_summary, suggestions_panel
from dashboard.widgets import (
    article_list,
    article_picker,
    entity_toggle,
    issue_picker,
    show_empty_state,
)

__all__ = [
    "SIGN_IN_FAILURES",
    "Analysis",
    "accuracy_report",
    "analyze_articles",
    "article_list",
    "article_picker",
    "article_text",
    "codebook_file",
    "configured_scorer",
    "corpus_backup",
    "storage_note",
    "current_codebook",
    "current_filters",
    "current_viewer",
    "default_min_confidence",
    "db_location",
    "delete_articles",
    "deleted_articles",
    "entity_toggle",
    "filtered_tables",
    "get_analysis",
    "import_articles",
    "issue_picker",
    "build_pipeline",
    "network_view",
    "open_corpus",
    "restore_articles",
    "restore_corpus",
    "safe_message",
    "scorer_summary",
    "seed_widget_from_url",
    "set_url_param",
    "setting",
    "show_editor_notice",
    "show_empty_state",
    "sidebar_access",
    "sidebar_filters",
    "sign_in_failures",
    "stance_scorer",
    "suggested_stances",
    "suggestions_panel",
    "uncoded_groups",
    "update_articles",
    "user_message",
]
