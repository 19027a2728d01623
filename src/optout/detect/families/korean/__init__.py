"""The Korean opt-out families, their guards and shared words. The canonical text keeps
Hangul as syllables; Korean texting often drops the spaces between words and joins particles
to them ("문자보내지마"), so the patterns hold no word boundaries and spaces are optional."""
