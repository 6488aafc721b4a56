"""RSS and Atom feeds of new catalogue items and new exhibits, one per language of the site.

/feeds/items.rss (Uzbek), /ru/feeds/items.atom, … (cms/urls.py, inside i18n_patterns): the
feed of a language lists what that language's catalogue lists (home.i18n.in_locale: its own
records and the Uzbek ones not translated into it). Only public items and pages appear; the
newest first, by the date they were first published.
"""

from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale

FEED_LENGTH = 50


def _site_name(request):
    from home.models import LibrarySettings
    from home.templatetags.language_tags import in_interface_script

    return in_interface_script(LibrarySettings.for_request(request).library_name)


def _summary(html, words=60):
    return Truncator(" ".join(strip_tags(html or "").split())).words(words)


class NewItemsFeed(Feed):
    """The newest public catalogue records."""

    def get_object(self, request, *args, **kwargs):
        self._request = request  # one feed object per request: see feed_view()
        return request

    def title(self, request):
        return _("New in the catalogue · %(library)s") % {"library": _site_name(request)}

    def link(self, request):
        from catalogue.models import ItemIndexPage

        page = ItemIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        return page.get_url(request) if page else "/"

    def description(self, request):
        return _("Records newly published in the library's catalogue.")

    def items(self, request):
        from catalogue.models import Item, ItemAgent, ItemSubject
        from home.i18n import in_locale

        items = in_locale(Item.objects.public(), Locale.get_active().pk)
        return (
            items.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
            .prefetch_related(
                Prefetch(
                    "agent_links",
                    queryset=ItemAgent.objects.filter(dc_element=ItemAgent.DCElement.CREATOR)
                    .select_related("agent")
                    .order_by("sort_order"),
                    to_attr="creator_links",
                ),
                Prefetch(
                    "subject_links",
                    queryset=ItemSubject.objects.select_related("subject").order_by("sort_order"),
                    to_attr="ordered_subject_links",
                ),
            )
            .select_related("locale")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        parts = [item.date, item.publisher, _summary(item.description)]
        return " · ".join(part for part in parts if part)

    def item_link(self, item):
        return item.get_url(self._request)

    def item_guid(self, item):
        return self._request.build_absolute_uri(item.get_canonical_url(self._request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.first_published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return "; ".join(link.agent.name for link in item.creator_links) or None

    def item_categories(self, item):
        return [link.subject.label for link in item.ordered_subject_links]


class NewItemsAtomFeed(NewItemsFeed):
    feed_type = Atom1Feed
    subtitle = NewItemsFeed.description


class NewExhibitsFeed(Feed):
    """The newest published exhibits."""

    def get_object(self, request, *args, **kwargs):
        self._request = request  # one feed object per request: see feed_view()
        return request

    def title(self, request):
        return _("New exhibits · %(library)s") % {"library": _site_name(request)}

    def link(self, request):
        from exhibits.models import ExhibitIndexPage

        page = ExhibitIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
        return page.get_url(request) if page else "/"

    def description(self, request):
        return _("Exhibits newly opened by the library.")

    def items(self, request):
        from exhibits.models import ExhibitPage

        return (
            ExhibitPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .defer_streamfields()
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.get_description() or ""

    def item_link(self, page):
        return page.get_url(self._request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class NewExhibitsAtomFeed(NewExhibitsFeed):
    feed_type = Atom1Feed
    subtitle = NewExhibitsFeed.description


def feed_view(feed_class):
    """A view making a new feed object per request (the feed keeps the request for its links)."""

    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    view.__name__ = view.__qualname__ = feed_class.__name__
    return view
