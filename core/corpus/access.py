"""Who may change the corpus: roles for a dashboard that may sit on a public URL.

Reading is open to every viewer. Adding and deleting articles, reviewing statements and editing
the codebook need the *editor* role, which a viewer gets in one of these ways (checked in order):

1. ``STANCE_OPEN_EDITING=1`` (environment or Streamlit secrets): everyone edits. Only for a private
   deployment whose viewers Streamlit already restricts.
2. Signed in with Streamlit's built-in authentication (``st.login``, an OIDC provider configured
   in the ``[auth]`` section of secrets) with an e-mail address on the ``STANCE_EDITORS`` list.
3. The editor passphrase (``STANCE_EDITOR_PASSPHRASE``) typed in the sidebar.
4. Neither sign-in configured, and the browser on the same machine as the server (the one user
   of a local installation). A deployment that configures nothing is therefore read-only.

The identity recorded with a review is the signed-in e-mail, the name given with the passphrase
(marked as such), or "local user": never a name typed by whoever is looking.
This module decides; ``dashboard.access`` reads the settings, the session and the request.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Role = Literal["viewer", "editor"]
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True)
class AccessConfig:
    """The editor settings of a deployment."""

    passphrase: str = ""
    editors: frozenset[str] = frozenset()
    login: bool = False  # an [auth] section is configured for st.login
    open_editing: bool = False
    local_editing: bool = True  # STANCE_LOCAL_EDITING=0 turns the local user's editing off

    @property
    def any_sign_in(self) -> bool:
        return self.login or bool(self.passphrase)


@dataclass(frozen=True)
class Viewer:
    role: Role
    identity: str  # what reviews record; '' for an anonymous viewer
    how: str  # open | login | passphrase | local | anonymous

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"


def parse_editors(value: object) -> frozenset[str]:
    """E-mail addresses from a list or a comma/space separated string, lower-cased."""
    items: Iterable[object] = value if isinstance(value, list | tuple | set | frozenset) else str(value or "").replace(",", " ").split()
    return frozenset(str(item).strip().lower() for item in items if str(item).strip())


def truthy(value: object) -> bool:
    return str(value or "").strip().lower() in {"1", "true", "yes", "on"}


def host_name(host_header: str | None) -> str:
    """The host of a Host header, without the port ("localhost:8501" -> "localhost")."""
    host = (host_header or "").strip().lower()
    if host.startswith("["):  # [::1]:8501
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


PROXY_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded", "x-real-ip", "via")


def is_local_request(ip_address: str | None, host_header: str | None, headers: dict[str, str] | None = None) -> bool:
    """Whether the browser is on the server's machine: a loopback connection (Streamlit reports no
    IP address then), a Host header naming this machine, no header a proxy adds, and (when the
    browser sends one) an Origin on this machine. A reverse proxy on the same machine that adds none
    of these headers and rewrites Host would still look local: such a deployment sets
    STANCE_LOCAL_EDITING=0 or configures a sign-in (SECURITY.md)."""
    headers = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    if any(name in headers for name in PROXY_HEADERS):
        return False
    origin = headers.get("origin", "")
    if origin and host_name(origin.split("://", 1)[-1].split("/", 1)[0]) not in LOCAL_HOSTS:
        return False
    if ip_address:
        try:
            if not ipaddress.ip_address(ip_address).is_loopback:
                return False
        except ValueError:
            return False
    return host_name(host_header) in LOCAL_HOSTS


MIN_PASSPHRASE_CHARS = 12


def passphrase_matches(given: str, expected: str) -> bool:
    """Constant-time comparison; an unset passphrase matches nothing."""
    if len(expected) < MIN_PASSPHRASE_CHARS or not given:  # a short passphrase is never accepted
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def decide(config: AccessConfig, *, local: bool, email: str | None = None, passphrase_name: str | None = None) -> Viewer:
    """The viewer's role and identity. ``email`` is the signed-in address (login), and
    ``passphrase_name`` is set once the passphrase was given (the name typed with it, or '')."""
    email = (email or "").strip().lower()
    if config.open_editing:
        return Viewer("editor", email or ("local user" if local else "anyone (open editing)"), "open")
    if config.login and email:
        if email in config.editors:
            return Viewer("editor", email, "login")
        return Viewer("viewer", email, "login")
    if config.passphrase and passphrase_name is not None:
        name = " ".join(passphrase_name.split())[:60]
        return Viewer("editor", f"{name} (passphrase)" if name else "editor (passphrase)", "passphrase")
    if local and config.local_editing and not config.any_sign_in:
        return Viewer("editor", "local user", "local")
    return Viewer("viewer", "", "anonymous")
