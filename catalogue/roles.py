"""The library's staff roles and review workflows, as data (applied by `manage.py setup_roles`).

Every permission is Wagtail's own mechanism:

- `permissions`: model permissions on the group (`app_label.codename`), as the Groups admin shows them
  under "Object permissions" (snippets, vocabularies, Processing).
- `collection_permissions`: Wagtail `GroupCollectionPermission`s on the root collection (so on every
  collection). Images, documents and audio/video check these. To limit a role to one collection,
  remove the root row in Settings → Groups and add the same rows on a sub-collection (docs/roles.md).
- `page_permissions`: Wagtail `GroupPagePermission`s (add, change, publish, lock, unlock, bulk_delete)
  on every page of the listed types ("site_root" is the default site's home page).

Image, document and media permissions belong to Wagtail's base models (`wagtailimages.Image`,
`wagtaildocs.Document`, `wagtailmedia.Media`): those are the `auth_model`s of their permission
policies, even with the custom models of media_library.

Choosing an item in a chooser needs no item permission (Wagtail's snippet chooser is open to anyone
with admin access); creating one from the chooser needs `catalogue.add_item`.
"""

ACCESS_ADMIN = "wagtailadmin.access_admin"

ALL_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]

MEDIA_EDIT = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
]
MEDIA_ALL = MEDIA_EDIT + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
    "wagtailmedia.delete_media",
]

VOCABULARIES = ["agent", "subject", "place", "language", "rightsstatement"]

CATALOGUERS = "Cataloguers"
DIGITISATION = "Digitisation"
CURATORS = "Curators"
EDUCATORS = "Educators"
REVIEWERS = "Reviewers"

ROLES = {
    CATALOGUERS: {
        "permissions": [
            ACCESS_ADMIN,
            "catalogue.add_item",
            "catalogue.change_item",
            "catalogue.view_item",
            # Lock an item while describing it; only curators unlock what someone else locked.
            "catalogue.lock_item",
        ],
        "collection_permissions": MEDIA_EDIT,
        "page_permissions": {},
    },
    DIGITISATION: {
        "permissions": [
            ACCESS_ADMIN,
            "catalogue.view_item",
            "media_library.view_derivative",
            "media_library.change_derivative",
        ],
        "collection_permissions": MEDIA_EDIT,
        "page_permissions": {},
    },
    CURATORS: {
        "permissions": [
            ACCESS_ADMIN,
            *(
                f"catalogue.{action}_item"
                for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
            ),
            *(
                f"catalogue.{action}_{model}"
                for model in VOCABULARIES
                for action in ("add", "change", "delete", "view")
            ),
            "media_library.view_derivative",
            "media_library.change_derivative",
            # OAI-PMH sources the library harvests, and the reports of their runs (docs/harvesting.md).
            *(f"harvest.{action}_harvestsource" for action in ("add", "change", "delete", "view")),
            "harvest.view_harvestrun",
        ],
        "collection_permissions": MEDIA_ALL,
        "page_permissions": {
            "site_root": ALL_PAGE_PERMISSIONS,
            "catalogue.CollectionIndexPage": ALL_PAGE_PERMISSIONS,
            "exhibits.ExhibitIndexPage": ALL_PAGE_PERMISSIONS,
            "reading_lists.ReadingListIndexPage": ALL_PAGE_PERMISSIONS,
        },
    },
    EDUCATORS: {
        # "add" alone: create reading lists and edit the ones they own, not other educators' lists.
        "permissions": [ACCESS_ADMIN],
        "collection_permissions": [],
        "page_permissions": {"reading_lists.ReadingListIndexPage": ["add"]},
    },
    REVIEWERS: {
        # Members of a GroupApprovalTask's groups may open, approve and reject what is in that task
        # without any edit permission of their own.
        "permissions": [ACCESS_ADMIN],
        "collection_permissions": [],
        "page_permissions": {},
    },
}

# Tasks are GroupApprovalTasks, shared by name between workflows.
TASKS = {
    "Curator approval": [CURATORS],
    "Reviewer approval": [REVIEWERS],
}

WORKFLOWS = [
    {"name": "Catalogue review", "tasks": ["Curator approval"], "models": ["catalogue.Item"], "pages": []},
    {
        "name": "Exhibit review",
        "tasks": ["Reviewer approval", "Curator approval"],
        "models": [],
        "pages": ["exhibits.ExhibitIndexPage"],
    },
    {
        "name": "Reading list review",
        "tasks": ["Curator approval"],
        "models": [],
        "pages": ["reading_lists.ReadingListIndexPage"],
    },
]
