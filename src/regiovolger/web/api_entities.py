"""REST API of the resolved entities: people, organisations and municipalities, as the pages show them.

An entity is listed for a visitor when at least one fact the visitor may see names it (``entities.visible_refs``).
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from ..store.models import Entity
from . import entities as E
from .api import BAD, NOT_FOUND, StrictLimitOffsetPagination

KINDS = (Entity.PERSON, Entity.ORGANISATION, Entity.MUNICIPALITY)


class EntitySerializer(serializers.ModelSerializer):
    page = serializers.SerializerMethodField()

    class Meta:
        model = Entity
        fields = ["kind", "key", "name", "type", "aliases", "page"]

    def get_page(self, obj) -> str:
        return E.url(obj)


kind_param = OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=list(KINDS),
                              description="person, organisation of municipality")
key_param = OpenApiParameter("key", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=r"^[\w-]+:[\w-]+$",
                             description="soort:sleutel, bv. person:jan-jansen / kind:key")


@extend_schema_view(
    list=extend_schema(summary="Personen, organisaties en gemeenten / people, organisations and municipalities",
                       parameters=[kind_param], responses={200: EntitySerializer(many=True), 400: BAD}),
    retrieve=extend_schema(summary="Eén entiteit / one entity", parameters=[key_param],
                           responses={200: EntitySerializer, 404: NOT_FOUND}),
)
class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EntitySerializer
    pagination_class = StrictLimitOffsetPagination
    lookup_field = "key"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        kind = self.request.query_params.get("kind")
        if kind is not None and kind not in KINDS:
            raise ValidationError({"kind": f"een van / one of {', '.join(KINDS)}"})
        visible = E.visible_refs(self.request.user).values("entity_id")
        qs = Entity.objects.filter(id__in=visible).order_by("kind", "name", "id")
        return qs.filter(kind=kind) if kind else qs

    def get_object(self):
        kind, _sep, key = self.kwargs["key"].partition(":")
        entity = E.find(self.request.user, kind, key) if kind in KINDS else None
        if entity is None:
            raise Http404
        return entity
