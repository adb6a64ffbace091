"""Building blocks of the REST API shared by both apps; each app's `api/` holds its resources.

- `views`: the base viewset (`ApiViewSet`), the API root, the JSON 404;
- `visibility`: published records for the public, drafts for the Secretariat;
- `pagination`: `?page=` and `?page_size=`;
- `serializers` (`ApiModelSerializer`) and `fields` (`BriefRelatedField` ...);
- `filters`: `ApiFilterSet`, ordering and search;
- `renderers`: JSON and CSV;
- `schema`: the OpenAPI schema (drf-spectacular);
- `urls`: /api/v1/<resource>/, the schema and its Swagger UI.
"""
