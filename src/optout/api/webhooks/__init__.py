"""Provider webhooks under ``/webhooks``."""
