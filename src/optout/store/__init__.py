"""Storage: SQLAlchemy tables, the engine and the repositories that read and write them.

Repository functions take a session and never commit: the caller owns the transaction.
"""
