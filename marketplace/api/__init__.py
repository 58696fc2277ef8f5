"""The read-only JSON API (``/api/v1/``): views, query-parameter parsing, queries and serializers."""
