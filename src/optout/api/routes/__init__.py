"""REST routes under ``/v1``: thin handlers that call the services."""
