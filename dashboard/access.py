"""Who is viewing, and the sign-in widgets: reads the settings, the session and the request;
``core.corpus.access`` decides the role.

Every write to the corpus checks the role itself (:func:`require_editor`): a page's disabled
button is not the only guard.
"""

from __future__ import annotations

import time

import streamlit as st

from core import settings
from core.corpus.access import (
    MIN_PASSPHRASE_CHARS,
    AccessConfig,
    Viewer,
    decide,
    is_local_request,
    parse_editors,
    passphrase_matches,
    truthy,
)
from core.corpus.store import StoreError
from core.views.render import escape_markdown
from dashboard.config import setting
from dashboard.state import sign_in_failures

PASSPHRASE_NAME = "access_passphrase_name"  # session: set (to the name given) once the passphrase matched
SIGN_IN_WINDOW_S = 60.0
SIGN_IN_FAILURES = 10  # wrong passphrases per window on the whole server before sign-in pauses


def login_configured() -> bool:
    """Whether Streamlit's built-in authentication has an [auth] section in the secrets."""
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def access_config() -> AccessConfig:
    """The access settings of this server (environment, else Streamlit secrets)."""
    return AccessConfig(
        passphrase=setting(settings.PASSPHRASE_ENV),
        editors=parse_editors(setting(settings.EDITORS_ENV)),
        login=login_configured(),
        open_editing=truthy(setting(settings.OPEN_EDITING_ENV)),
        local_editing=setting(settings.LOCAL_EDITING_ENV).strip() not in ("0", "false", "no", "off"),
    )


def local_request() -> bool:
    """Whether this browser runs on the server's machine (see core.corpus.access.is_local_request)."""
    try:
        headers = dict(st.context.headers.items())
        return is_local_request(st.context.ip_address, st.context.headers.get("Host"), headers)
    except Exception:  # no request context (bare script runs)
        return False


def current_viewer() -> Viewer:
    """This session's role and the identity its reviews record."""
    config = access_config()
    email = None
    if config.login:
        try:  # an address the provider says is unverified counts as none
            given = st.user.get("email") if st.user.is_logged_in and st.user.get("email_verified", True) is not False else None
            email = given if isinstance(given, str) else None
        except Exception:
            email = None
    return decide(config, local=local_request(), email=email, passphrase_name=st.session_state.get(PASSPHRASE_NAME))


def require_editor() -> None:
    """Raise StoreError unless this session may edit (every write calls this first)."""
    if not current_viewer().is_editor:
        raise StoreError("this needs an editor: sign in as an editor in the sidebar; nothing was changed")


def show_editor_notice(what: str) -> None:
    """Tell a viewer that ``what`` needs an editor and where to sign in."""
    st.info(f"{what} needs an editor. Sign in as an editor in the sidebar; reading is open to everyone.",
            icon=":material/lock:")


def _check_passphrase() -> None:
    """The sign-in form's callback: compare the passphrase, slowing guesses server-wide."""
    given = str(st.session_state.get("access_passphrase") or "")
    st.session_state["access_passphrase"] = ""
    failures = sign_in_failures()
    now = time.monotonic()
    failures[:] = [t for t in failures if now - t < SIGN_IN_WINDOW_S]
    if len(failures) >= SIGN_IN_FAILURES:
        st.session_state["access_refused"] = "Too many wrong passphrases on this server; try again in a minute."
        return
    if passphrase_matches(given, access_config().passphrase):
        st.session_state[PASSPHRASE_NAME] = str(st.session_state.get("access_name") or "")
        st.session_state.pop("access_refused", None)
    else:
        failures.append(now)
        time.sleep(1.0)  # slows guessing; the passphrase is never echoed or logged
        st.session_state["access_refused"] = "That passphrase is not right."


def sidebar_access() -> None:
    """Who you are in the sidebar, and a way to sign in or out as an editor."""
    config = access_config()
    viewer = current_viewer()
    with st.sidebar:
        if viewer.is_editor:
            st.caption(f"Editing as {escape_markdown(viewer.identity)}.")
            if viewer.how == "passphrase" and st.button("Sign out", key="access_sign_out", icon=":material/logout:"):
                st.session_state.pop(PASSPHRASE_NAME, None)
                st.rerun()
            if viewer.how == "login" and st.button("Sign out", key="access_logout", icon=":material/logout:"):
                st.logout()
            return
        if viewer.identity:
            st.caption(f"Signed in as {escape_markdown(viewer.identity)}, who is not on the editors' list: read-only.")
        else:
            st.caption("Read-only. Editors sign in to add articles, review statements or edit the codebook.")
        if config.login and not viewer.identity and st.button("Sign in", key="access_login", icon=":material/login:"):
            st.login()
        if config.passphrase:
            with st.expander("Editor passphrase", icon=":material/key:"):
                with st.form("access_form", border=False):
                    st.text_input("Your name (recorded with your reviews)", key="access_name", max_chars=60)
                    st.text_input("Passphrase", type="password", key="access_passphrase", max_chars=200)
                    st.form_submit_button("Sign in as editor", on_click=_check_passphrase, key="access_sign_in")
            refused = st.session_state.pop("access_refused", None)
            if refused:
                st.error(str(refused), icon=":material/error:")
            if len(config.passphrase) < MIN_PASSPHRASE_CHARS:
                st.warning(f"The configured passphrase is shorter than {MIN_PASSPHRASE_CHARS} characters, so it is never "
                           "accepted: set a longer STANCE_EDITOR_PASSPHRASE.", icon=":material/warning:")
