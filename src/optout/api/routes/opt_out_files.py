"""CSV export and import of the account's opt-outs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import UploadFile as StarletteUploadFile

from optout.api.deps import AccountDep, Credentials, authenticated
from optout.api.schemas import ImportOut
from optout.exceptions import InvalidInput
from optout.services.ledger_csv import export_opt_outs, import_opt_outs
from optout.store.tables import Account

router = APIRouter(prefix="/v1", tags=["opt-outs"])


@router.get(
    "/opt-outs/export",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "number,source,opted_out_at,…"}},
)
def get_export(account: AccountDep, request: Request) -> StreamingResponse:
    """Download the opt-outs in force as CSV: number, source, time, reason, actor, note."""
    headers = {"Content-Disposition": f'attachment; filename="{account.slug}-opt-outs.csv"'}
    rows = _export(request.app.state.session_factory, account)
    return StreamingResponse(rows, media_type="text/csv", headers=headers)


@dataclass(frozen=True, slots=True)
class Importer:
    """The account an import is for, and how the ledger names whoever sent it."""

    account_id: int
    actor: str


def importer(request: Request, credentials: Credentials) -> Importer:
    """Check the API key in a transaction of its own, over before the import begins."""
    with authenticated(request, credentials.credentials if credentials else None) as (_, account):
        return Importer(account_id=account.id, actor=request.state.actor)


ImporterDep = Annotated[Importer, Depends(importer)]


async def one_file(request: Request, _importer: ImporterDep) -> None:
    """Refuse a request with more than one file: only one would be imported."""
    form = await request.form()  # already read for the route's parameters; not read again
    files = [value for _, value in form.multi_items() if isinstance(value, StarletteUploadFile)]
    if len(files) > 1:
        raise InvalidInput(
            f"file: send one CSV file per import; this request holds {len(files)}", field="file"
        )


@router.post("/opt-outs/import", dependencies=[Depends(one_file)])
def post_import(
    file: Annotated[UploadFile, File(description="CSV with a 'number' column.")],
    caller: ImporterDep,
    request: Request,
) -> ImportOut:
    """Opt out every number of an uploaded CSV (a 'number' column, or the first column).

    The numbers are committed a batch at a time: a long file never keeps replies waiting.
    """
    text = _decode(file.file.read())
    filename = (file.filename or "upload.csv")[:200]
    summary = import_opt_outs(
        request.app.state.session_factory,
        account_id=caller.account_id,
        lines=text.splitlines(),
        filename=filename,
        actor=caller.actor,
    )
    return ImportOut(
        opted_out=summary.opted_out,
        already_opted_out=summary.already_opted_out,
        invalid=summary.invalid,
    )


def _export(session_factory: sessionmaker[Session], account: Account) -> Iterator[str]:
    """Stream from a session of its own: the response outlives the request's dependencies."""
    with session_factory() as session, session.begin():
        yield from export_opt_outs(session, account=account)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = "file: the CSV is not valid UTF-8; save it as UTF-8"
        raise InvalidInput(message, field="file") from error
