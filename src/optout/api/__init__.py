"""The HTTP layer: the REST API under ``/v1`` and provider webhooks under ``/webhooks``."""
