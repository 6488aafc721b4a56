from django.urls import path

from oai.views import endpoint

urlpatterns = [path("", endpoint, name="oai")]
