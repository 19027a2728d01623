"""The one exception tree of optout.

Every error a user can cause is an :class:`OptoutError` with a stable ``code`` (used in
the API's ``{"error": {"code", "message"}}`` answers) and a message that says what was
wrong and what to do. The web layer maps each class to an HTTP status in one handler::

    OptoutError
    ├── InvalidInput              422  a field is malformed; ``field`` names it
    │   └── InvalidPhoneNumber    422  not a number phonenumbers can read as a valid one
    ├── NotFound                  404  unknown, or another account's
    │   ├── UnknownAccount
    │   ├── UnknownProvider       a webhook path names no provider optout speaks
    │   └── ContactNotFound
    ├── AuthenticationFailed      401  missing or wrong API key / password
    ├── PermissionDenied          403  a forged signature or CSRF token
    ├── Conflict                  409
    │   ├── OptedOut              409  outbound send to an opted-out number
    │   └── OptInNotAllowed       409  only the contact can reverse this opt-out
    ├── ConfirmationRequired      400  ``confirm: true`` is needed
    ├── PayloadTooLarge           413
    ├── RequestTimeout            408  a streamed body stalled
    └── ProviderError             502  the SMS provider refused or failed
"""

from __future__ import annotations


class OptoutError(Exception):
    """Base of every error optout raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(OptoutError):
    """A value supplied by the caller is malformed."""

    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidPhoneNumber(InvalidInput):
    """A phone number cannot be read as a valid number."""

    code = "invalid_phone_number"


class NotFound(OptoutError):
    """The thing asked for does not exist for this account."""

    code = "not_found"


class UnknownAccount(NotFound):
    """No account has this slug or id."""

    code = "unknown_account"


class UnknownProvider(NotFound):
    """No SMS provider plug-in has this name."""

    code = "unknown_provider"


class ContactNotFound(NotFound):
    """The account has never seen this number."""

    code = "contact_not_found"


class AuthenticationFailed(OptoutError):
    """Credentials are missing or wrong."""

    code = "unauthorized"


class PermissionDenied(OptoutError):
    """The request is authenticated but not allowed (bad signature, bad CSRF token)."""

    code = "forbidden"


class Conflict(OptoutError):
    """The request conflicts with the current state."""

    code = "conflict"


class OptedOut(Conflict):
    """An outbound message was refused because the number is opted out."""

    code = "opted_out"


class OptInNotAllowed(Conflict):
    """The opt-out was the contact's own (keyword or request); only they can reverse it."""

    code = "opt_in_not_allowed"


class ConfirmationRequired(OptoutError):
    """An irreversible-looking change needs ``confirm: true``."""

    code = "confirmation_required"


class PayloadTooLarge(OptoutError):
    """The request body is larger than the configured limit."""

    code = "payload_too_large"


class RequestTimeout(OptoutError):
    """A request body a route reads as it streams in stopped arriving."""

    code = "request_timeout"


class ProviderError(OptoutError):
    """The SMS provider refused or failed to send a message."""

    code = "provider_error"
