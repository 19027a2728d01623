"""The English opt-out families (one module each), their guards and shared words."""
