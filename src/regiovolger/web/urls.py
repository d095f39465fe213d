"""Root URL configuration of the site."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import (api, api_entities, confidentiality, corrections, entity_views, list_views, meeting_views,
               project_views, register_views, views)
from .feeds import DecisionsFeed

router = DefaultRouter()
router.include_root_view = False
router.register("documents", api.DocumentViewSet, basename="api-document")
router.register("parts", api.PartViewSet, basename="api-part")
router.register("facts", api.FactViewSet, basename="api-fact")
router.register("entities", api_entities.EntityViewSet, basename="api-entity")

FMT = r"(?:\.(?P<fmt>json|csv|xlsx))?$"


def page(regex, view, name):
    return re_path(r"^" + regex + FMT, view, name=name)


web = ([
    page(r"", views.home, "home"),
    page(r"zoeken/", views.search, "search"),
    page(r"documenten/", list_views.documents, "documents"),
    re_path(r"^documenten/(?P<slug>[0-9a-f]{16,64})/origineel/$", views.document_original, name="document_original"),
    re_path(r"^documenten/(?P<slug>[0-9a-f]{16,64})/vertrouwelijkheid/$", confidentiality.override,
            name="document_confidentiality"),
    page(r"documenten/(?P<slug>[0-9a-f]{16,64})/", views.document, "document"),
    page(r"vergaderingen/", meeting_views.meetings, "meetings"),
    page(r"vergaderingen/(?P<key>[0-9a-f]{16}\.[0-9a-f]{12})/", meeting_views.meeting, "meeting"),
    page(r"acties/", register_views.actions, "actions"),
    re_path(r"^acties/(?P<key>[0-9a-f]{16}\.[0-9a-f]{12})/bijwerken/$", register_views.action_update, name="action_update"),
    page(r"besluiten/", register_views.decisions, "decisions"),
    path("besluiten/feed.atom", DecisionsFeed(), name="decisions_feed"),
    page(r"toezeggingen/", register_views.commitments, "commitments"),
    page(r"stemmingen/", list_views.votes, "votes"),
    page(r"projecten/", project_views.projects, "projects"),
    page(r"projecten/(?P<key>[0-9a-f]{16}\.[0-9a-f]{12})/", project_views.project, "project"),
    page(r"gemeenten/", entity_views.municipalities, "municipalities"),
    page(r"gemeenten/(?P<key>[\w-]+)/", entity_views.municipality, "municipality"),
    page(r"personen/", entity_views.people, "people"),
    page(r"personen/(?P<key>[\w-]+)/", entity_views.person, "person"),
    page(r"organisaties/", entity_views.organisations, "organisations"),
    page(r"organisaties/(?P<key>[\w-]+)/", entity_views.organisation, "organisation"),
    page(r"kalender/", list_views.calendar, "calendar"),
    path("kalender.ics", views.calendar_ics, name="calendar_ics"),
    page(r"te-controleren/", views.review, "review"),
    re_path(r"^te-controleren/(?P<key>[0-9a-f]{16}\.[0-9a-f]{12})/beoordelen/$", views.review_decide,
            name="review_decide"),
    re_path(r"^feiten/(?P<key>[0-9a-f]{16}\.[0-9a-f]{12})/corrigeren/$", corrections.fact_correct, name="fact_correct"),
    path("toevoegen/", views.upload, name="upload"),
    path("toevoegen/<int:pk>/", views.upload_status, name="upload_status"),
], "web")

urlpatterns = [
    path("", include(web)),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]
