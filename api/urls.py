from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from api import views

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", views.PublicPagesAPIViewSet)
router.register_endpoint("images", views.PublicImagesAPIViewSet)
router.register_endpoint("documents", views.PublicDocumentsAPIViewSet)
router.register_endpoint("items", views.ItemsAPIViewSet)

urlpatterns = [
    path("openapi.json", views.openapi, name="api_openapi"),
    path("", router.urls),
]
