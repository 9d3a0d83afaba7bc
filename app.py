"""Stance Tracker dashboard: who holds which position on which issue, with the quote behind it.

Run with ``streamlit run app.py``. This entry point is the frame around every page: it loads the
(cached) analysis, draws the shared sidebar filters and hands over to the selected page.
"""

from pathlib import Path

import streamlit as st

import dashboard

ASSETS = Path(__file__).resolve().parent / "assets"

# The icon and the logo are shipped SVG files, sent inline (data: URLs): a ":material/…:" icon
# would make every browser fetch the favicon from fonts.gstatic.com, which fails offline.
st.set_page_config(page_title="Stance Tracker", page_icon=str(ASSETS / "favicon.svg"), layout="wide")
# The app's name at the top of the sidebar (and of the page while the sidebar is closed).
st.logo(str(ASSETS / "logo.svg"), size="large")

# The page scripts live in app_pages/, not pages/: when a folder named pages/ sits beside the
# entry point, Streamlit 1.67 treats it as an old-style multipage app until st.navigation has run
# once, so a shared deep link (…/positions?country=Russia) opened first after a server start runs
# the page file alone, without this frame and its filters (AppTest does so on every run).
PAGES = {
    "Analysis": [
        st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("app_pages/positions.py", title="Positions", icon=":material/compare_arrows:"),
        st.Page("app_pages/network.py", title="Network", icon=":material/hub:"),
        st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:"),
        st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
        st.Page("app_pages/article.py", title="Article", icon=":material/article:"),
        st.Page("app_pages/data.py", title="Data", icon=":material/table:"),
    ],
    "Corpus": [
        st.Page("app_pages/articles.py", title="Articles", icon=":material/library_add:"),
        st.Page("app_pages/review.py", title="Review", icon=":material/rate_review:"),
        st.Page("app_pages/codebook.py", title="Codebook", icon=":material/menu_book:"),
    ],
    "Method": [
        st.Page("app_pages/accuracy.py", title="Accuracy", icon=":material/verified:"),
    ],
}

page = st.navigation(PAGES)
analysis = dashboard.get_analysis()
dashboard.sidebar_access()  # first: who you are, and how an editor signs in
dashboard.sidebar_filters(analysis)
page.run()
