"""The French opt-out families (one module each), their guards and shared words. Patterns read
the canonical text, without accents ("Arrêtez de m'envoyer" reads "arretez de m'envoyer")."""
