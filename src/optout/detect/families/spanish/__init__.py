"""The Spanish opt-out families (one module each), their guards and shared words."""
