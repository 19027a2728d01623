"""An import in two steps: the preview keeps the numbers, the confirm applies exactly those."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select

from optout.exceptions import NotFound
from optout.services import import_previews
from optout.services.accounts import create_account
from optout.store.engine import make_session_factory
from optout.store.tables import Contact, ImportPreview, OptEvent, User

LINES = ["number", "(202) 555-0161", "+12025550162", "Ana", "", "202-555-0161"]


@pytest.fixture
def people(engine: Engine) -> tuple[int, int, int]:
    """Return an account id and the ids of two of its users."""
    with make_session_factory(engine).begin() as session:
        account, _key = create_account(session, name="Clinic")
        users = [User(account_id=account.id, email=e, password_hash="-") for e in ("a@x", "b@x")]
        session.add_all(users)
        session.flush()
        return account.id, users[0].id, users[1].id


def _stash(engine: Engine, account_id: int, user_id: int) -> import_previews.Preview:
    with make_session_factory(engine).begin() as session:
        preview = import_previews.stash_preview(
            session, account_id=account_id, user_id=user_id, filename="list.csv", lines=LINES
        )
    assert preview is not None
    return preview


def _opted_out(engine: Engine) -> list[str]:
    with make_session_factory(engine)() as session:
        query = select(Contact.number).where(Contact.status == "opted_out").order_by(Contact.number)
        return list(session.scalars(query))


def test_the_confirm_opts_out_exactly_what_the_preview_showed(engine, people):
    account_id, ana, _ben = people
    preview = _stash(engine, account_id, ana)
    assert preview.found == ["+12025550161", "+12025550162"]
    assert [(s.line, s.value) for s in preview.skipped] == [(4, "Ana")]
    assert _opted_out(engine) == []  # the preview opts nothing out

    sessions = make_session_factory(engine)
    shown, summary = import_previews.confirm_preview(
        sessions, account_id=account_id, user_id=ana, token=preview.token, actor="user:ana"
    )
    assert shown.found == preview.found
    assert (summary.opted_out, summary.already_opted_out) == (2, 1)
    assert summary.invalid == ["line 4: Ana"]
    assert _opted_out(engine) == ["+12025550161", "+12025550162"]
    with sessions() as session:
        notes = set(session.scalars(select(OptEvent.note)))
        assert notes == {"imported from list.csv"}
        assert session.scalar(select(func.count()).select_from(ImportPreview)) == 0
    with pytest.raises(NotFound, match="upload the file again"):  # used once
        import_previews.confirm_preview(
            sessions, account_id=account_id, user_id=ana, token=preview.token, actor="user:ana"
        )


def test_only_the_uploader_can_see_or_confirm_a_fresh_preview(engine, people, monkeypatch):
    account_id, ana, ben = people
    preview = _stash(engine, account_id, ana)
    sessions = make_session_factory(engine)
    for user_id, token in [(ben, preview.token), (ana, preview.token[:-1] + "x"), (ana, "t" * 99)]:
        with pytest.raises(NotFound), sessions() as session:
            import_previews.get_preview(
                session, account_id=account_id, user_id=user_id, token=token
            )
    monkeypatch.setattr(import_previews, "PREVIEW_LIFETIME", timedelta(seconds=-1))
    with pytest.raises(NotFound):
        import_previews.confirm_preview(
            sessions, account_id=account_id, user_id=ana, token=preview.token, actor="user:ana"
        )
    assert _opted_out(engine) == []


def test_a_file_with_nothing_in_it_keeps_nothing(engine, people):
    account_id, ana, _ben = people
    with make_session_factory(engine).begin() as session:
        kept = import_previews.stash_preview(
            session, account_id=account_id, user_id=ana, filename="e.csv", lines=["number", ""]
        )
        assert kept is None
        assert session.scalar(select(func.count()).select_from(ImportPreview)) == 0
