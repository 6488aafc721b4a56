"""The sitemap: Wagtail's pages plus every public catalogue item."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from catalogue.models import Item


class ItemSitemap(Sitemap):
    limit = 5000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        return Item.objects.public().order_by("pk").only("pk", "slug", "locale_id", "updated_at")

    def location(self, item):
        # Sitemap.get_urls() prefixes the domain itself; pass the path only.
        return item.get_url(self.request)

    def lastmod(self, item):
        return item.updated_at


def sitemaps_for(request):
    return {"pages": PageSitemap(request), "items": ItemSitemap(request)}
