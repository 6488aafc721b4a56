"""`{% sitefragment %}`: a part of the page layout rendered once per site generation.

    {% load site_fragments %}
    {% sitefragment "footer" %} … {% endsitefragment %}
    {% sitefragment "nav" menu.state %} … {% endsitefragment %}

The header, menu and footer are the same on every page of a language (the menu varies only in
which entry is marked active, given as an extra key); an exhibit's story changes only when it
is published. Their HTML is kept in the default cache under the name, the extra keys, the
active language, the host and the current generation tokens (home/site_cache.py): publishing or
moving a page, saving the settings, withdrawing an item shown in an exhibit show on the next
request. Inside a preview, or when a visitor is signed in, the content is rendered as usual.

Values the fragment needs can be given to the template as callables (Django calls them when
the template reads them): a fragment read from the cache then costs none of their queries.
"""

from django import template
from django.utils.safestring import mark_safe

from home import site_cache

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, nodelist, name, varies):
        self.nodelist = nodelist
        self.name = name
        self.varies = varies

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or request.user.is_authenticated:
            return self.nodelist.render(context)
        key = site_cache.rendered_key(
            request, "fragment", self.name.resolve(context), *(v.resolve(context) for v in self.varies)
        )
        html = site_cache.cache().get(key)
        if html is None:
            html = self.nodelist.render(context)
            site_cache.cache().set(key, str(html), site_cache.timeout())
        return mark_safe(html)


@register.tag
def sitefragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% sitefragment %} needs a name.")
    nodelist = parser.parse(("endsitefragment",))
    parser.delete_first_token()
    return SiteFragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
