"""The repository's identity: settings OAI_REPOSITORY_IDENTIFIER, OAI_ADMIN_EMAIL, OAI_REPOSITORY_NAME."""

import re
from urllib.parse import urlsplit

from django.conf import settings

# The oai-identifier scheme's grammar for a repository identifier: a domain name.
DOMAIN = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")
DEFAULT_DOMAIN = "kutubxona.uz"


def repository_identifier():
    """OAI_REPOSITORY_IDENTIFIER, else the site's host name when it is a domain, else kutubxona.uz."""
    configured = getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    host = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname or ""
    return host if DOMAIN.match(host) else DEFAULT_DOMAIN


def admin_emails():
    configured = getattr(settings, "OAI_ADMIN_EMAIL", "") or ""
    emails = [configured] if isinstance(configured, str) else list(configured)
    emails = [e for e in emails if e]
    return emails or [f"library@{repository_identifier()}"]


def repository_name():
    return getattr(settings, "OAI_REPOSITORY_NAME", "") or "Kutubxona"


def oai_identifier(item_id):
    return f"oai:{repository_identifier()}:{item_id}"


def item_id_of(identifier):
    """The item id in `identifier`, or None when it is not one of this repository's identifiers."""
    prefix = f"oai:{repository_identifier()}:"
    if not identifier.startswith(prefix):
        return None
    local = identifier[len(prefix) :]
    if not local.isascii() or not local.isdigit() or len(local) > 18:
        return None
    return int(local)
