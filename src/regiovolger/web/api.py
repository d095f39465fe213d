"""Read-only REST API (Django REST framework), described by OpenAPI (drf-spectacular).

Every queryset comes from ``visible``: the API shows anonymous users exactly what the pages show them
(no confidential parts, no facts below the publication confidence that nobody accepted, no rejected facts).
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from ..store.models import Part, SourceFile
from . import facts as F
from .visibility import visible

NOT_FOUND = OpenApiResponse(description="Niet gevonden / not found")
BAD = OpenApiResponse(description="Ongeldige parameter / invalid parameter")


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """limit and offset must be non-negative integers given once; anything else is a 400, not silently ignored."""

    max_limit = 500

    def paginate_queryset(self, queryset, request, view=None):
        for name in (self.limit_query_param, self.offset_query_param):
            values = request.query_params.getlist(name)
            if len(values) > 1 or (values and not (values[0].isascii() and values[0].isdigit())):
                raise ValidationError({name: "geen geheel getal ≥ 0 / not an integer ≥ 0"})
        limit = request.query_params.get(self.limit_query_param)
        if limit is not None and not 1 <= int(limit) <= self.max_limit:
            raise ValidationError({self.limit_query_param: f"tussen 1 en {self.max_limit} / between 1 and {self.max_limit}"})
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        for p in params:
            if p["name"] == self.limit_query_param:
                p["schema"].update(minimum=1, maximum=self.max_limit)
            elif p["name"] == self.offset_query_param:
                p["schema"].update(minimum=0)
        return params


class PartSerializer(serializers.ModelSerializer):
    document = serializers.SerializerMethodField()

    class Meta:
        model = Part
        fields = ["id", "document", "key", "type", "title", "date", "organisation", "start", "end"]

    def get_document(self, obj) -> str:
        return F.doc_slug(obj.file.sha256)


class DocumentSerializer(serializers.ModelSerializer):
    slug = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    filename = serializers.SerializerMethodField()

    class Meta:
        model = SourceFile
        fields = ["slug", "sha256", "title", "filename", "media_type", "size", "page_count", "text_quality",
                  "glyph_loss", "ingested_at"]

    def get_slug(self, obj) -> str:
        return F.doc_slug(obj.sha256)

    def get_title(self, obj) -> str:
        return F.doc_title(obj.title, obj.path)

    def get_filename(self, obj) -> str:
        return obj.path.replace("\\", "/").rsplit("/", 1)[-1]


class EvidenceSerializer(serializers.Serializer):
    document = serializers.CharField()
    part = serializers.CharField(allow_null=True)
    page = serializers.IntegerField(allow_null=True)
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField(allow_blank=True)
    confidence = serializers.FloatField(allow_null=True, min_value=0, max_value=1,
                                        help_text="zekerheid van de extractie (0-1) / extraction confidence")


class FactSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    data = serializers.DictField(help_text="het feit volgens het extractiecontract / the fact as in the contract")
    corrected = serializers.BooleanField()
    to_review = serializers.BooleanField(
        help_text="onder de publicatiedrempel en nog niet gecontroleerd (alleen voor medewerkers zichtbaar) / "
                  "below the publication confidence and not yet reviewed (shown to staff only)")
    evidence = EvidenceSerializer()

    def to_representation(self, row):
        return {"key": row.key, "kind": row.kind, "data": row.data, "corrected": row.corrected,
                "to_review": row.to_review, "evidence": row.evidence_json()}


doc_lookup = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, pattern="^[0-9a-f]{16,64}$",
                              description="de eerste 16 (of meer) tekens van de sha256 / sha256 prefix")


@extend_schema_view(
    list=extend_schema(summary="Documenten / documents", responses={200: DocumentSerializer(many=True), 400: BAD}),
    retrieve=extend_schema(summary="Eén document / one document", parameters=[doc_lookup],
                           responses={200: DocumentSerializer, 404: NOT_FOUND}),
)
class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    pagination_class = StrictLimitOffsetPagination
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return visible(SourceFile, self.request.user).order_by("id").only(
            "id", "sha256", "title", "path", "media_type", "size", "page_count", "text_quality", "glyph_loss",
            "ingested_at")

    def get_object(self):
        f = F.files_by_slug(self.request.user, self.kwargs.get("slug", ""))
        if f is None:
            raise Http404
        return f


@extend_schema_view(
    list=extend_schema(summary="Delen van documenten / document parts", responses={200: PartSerializer(many=True), 400: BAD},
                       parameters=[
        OpenApiParameter("type", OpenApiTypes.STR, description="soort deel / part type")]),
    retrieve=extend_schema(summary="Eén deel / one part", responses={200: PartSerializer, 404: NOT_FOUND}),
)
class PartViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PartSerializer
    pagination_class = StrictLimitOffsetPagination

    def get_queryset(self):
        qs = visible(Part, self.request.user).select_related("file").order_by("id")
        t = self.request.query_params.get("type")
        return qs.filter(type=t) if t else qs


class FactViewSet(viewsets.ViewSet):
    pagination_class = StrictLimitOffsetPagination
    lookup_value_regex = "[^/]+"
    serializer_class = FactSerializer

    @extend_schema(summary="Feiten met bewijs / facts with evidence",
                   responses={200: FactSerializer(many=True), 400: BAD},
                   parameters=[
                       OpenApiParameter("kind", OpenApiTypes.STR, enum=F.KINDS, description="soort feit / fact kind")])
    def list(self, request):
        kinds = request.query_params.getlist("kind")
        if len(kinds) > 1 or (kinds and kinds[0] not in F.KINDS):
            raise ValidationError({"kind": "onbekende soort / unknown kind"})
        kind = kinds[0] if kinds else None
        rows = F.load(request.user, [kind] if kind in F.KINDS else F.KINDS)
        pager = self.pagination_class()
        page = pager.paginate_queryset(rows, request, view=self)
        return pager.get_paginated_response(FactSerializer(page, many=True).data)

    @extend_schema(summary="Eén feit / one fact", responses={200: FactSerializer, 404: NOT_FOUND},
                   parameters=[OpenApiParameter("id", OpenApiTypes.STR, OpenApiParameter.PATH,
                                                description="feitsleutel / fact key")])
    def retrieve(self, request, pk=None):
        prefix = (pk or "").split(".", 1)[0]
        for row in F.load(request.user, F.KINDS, key_prefix=prefix) if len(prefix) == 16 else []:
            if row.key == pk:
                return Response(FactSerializer(row).data)
        raise Http404
