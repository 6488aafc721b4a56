"""Dashboard panels for the editorial staff: their own unpublished work and what went live lately.

Wagtail's dashboard already shows "Awaiting your review", "Your pages in a workflow" and
"Your most recent edits" (pages only); these two add the catalogue's items beside pages.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from catalogue.models import Item

PANEL_SIZE = 10


class MyDraftsPanel(Component):
    """Pages and items whose latest revision is the user's and not yet published."""

    name = "my_drafts"
    order = 140
    template_name = "home/admin/my_drafts_panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        pages = (
            Page.objects.filter(latest_revision__user=user, has_unpublished_changes=True)
            .select_related("latest_revision")
            .order_by("-latest_revision__created_at")[:PANEL_SIZE]
        )
        items = (
            Item.objects.filter(latest_revision__user=user, has_unpublished_changes=True)
            .select_related("latest_revision")
            .order_by("-latest_revision__created_at")[:PANEL_SIZE]
        )
        drafts = [
            {
                "title": page.get_admin_display_title(),
                "kind": "page",
                "object": page,
                "live": page.live,
                "edited": page.latest_revision.created_at,
            }
            for page in pages
        ] + [
            {
                "title": item.title,
                "kind": "item",
                "object": item,
                "live": item.live,
                "edited": item.latest_revision.created_at,
            }
            for item in items
        ]
        drafts.sort(key=lambda d: d["edited"], reverse=True)
        return {"drafts": drafts[:PANEL_SIZE]}


class RecentlyPublishedPanel(Component):
    """The last pages and items published, by whom and when, from Wagtail's audit log."""

    name = "recently_published"
    order = 150
    template_name = "home/admin/recently_published_panel.html"

    def get_context_data(self, parent_context):
        page_logs = (
            PageLogEntry.objects.filter(action="wagtail.publish", page__live=True)
            .select_related("page", "user")
            .order_by("-timestamp")[:PANEL_SIZE]
        )
        item_type = ContentType.objects.get_for_model(Item)
        item_logs = list(
            ModelLogEntry.objects.filter(action="wagtail.publish", content_type=item_type)
            .select_related("user")
            .order_by("-timestamp")[:PANEL_SIZE]
        )
        items = Item.objects.filter(live=True).in_bulk([int(log.object_id) for log in item_logs])
        published = [
            {
                "title": log.page.get_admin_display_title(),
                "kind": "page",
                "object": log.page,
                "user": log.user,
                "at": log.timestamp,
            }
            for log in page_logs
        ] + [
            {
                "title": items[int(log.object_id)].title,
                "kind": "item",
                "object": items[int(log.object_id)],
                "user": log.user,
                "at": log.timestamp,
            }
            for log in item_logs
            if int(log.object_id) in items
        ]
        published.sort(key=lambda p: p["at"], reverse=True)
        return {"published": published[:PANEL_SIZE]}


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(MyDraftsPanel())
    panels.append(RecentlyPublishedPanel())
