"""The default mapping of Plone content to Kutubxona (docs/migrating-from-plone.md), and loading a
mapping file (JSON) that overrides any of its keys."""

import json
from pathlib import Path

DEFAULTS = {
    # Plone paths (relative to the old site root) whose subtree is the catalogue's collections area:
    # Folders there become collection pages, Documents and News Items catalogue items.
    "collections_paths": ["/fonds"],
    # Plone group id → Wagtail group name (the staff roles of catalogue/roles.py where they correspond).
    # A Plone group not listed becomes a Wagtail group of the same name.
    "groups": {"Reviewers": "Reviewers", "Site Administrators": "Curators", "Administrators": None},
    # Plone local role → Wagtail page permissions on the mapped page and its subtree.
    "local_roles": {
        "Contributor": ["add"],
        "Editor": ["add", "change"],
        "Reviewer": ["change", "publish"],
        "Site Administrator": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "Manager": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
    },
    # Plone language → Wagtail locale.
    "languages": {"uz": "uz", "uz-latn": "uz", "uz-cyrl": "uz-cyrl", "ru": "ru", "en": "en"},
    # Name of the Wagtail collection that holds the imported images and documents.
    "media_collection": "Plone",
}


def load(path=None):
    mapping = json.loads(json.dumps(DEFAULTS))
    if path:
        try:
            overrides = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"mapping file {path}: {exc}") from exc
        unknown = set(overrides) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"mapping file {path}: unknown keys {', '.join(sorted(unknown))}")
        mapping.update(overrides)
    mapping["collections_paths"] = ["/" + p.strip("/") for p in mapping["collections_paths"]]
    return mapping
