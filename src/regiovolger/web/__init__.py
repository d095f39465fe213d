"""The Django web layer: Dutch portal, dashboards, feeds, exports and the REST API."""
