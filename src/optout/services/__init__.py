"""Use cases of the service: receive a reply, keep the ledger, check and send outbound texts.

Service functions take keyword-only arguments and a session; the caller owns the
transaction (``with session.begin():``) and nothing here commits.
"""
