"""The china-space-kg web server: SPARQL endpoint, saved queries, resource pages."""

from server.app import create_app

__all__ = ["create_app"]
