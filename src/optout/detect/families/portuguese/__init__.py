"""The Portuguese opt-out families (one module each), their guards and shared words."""
