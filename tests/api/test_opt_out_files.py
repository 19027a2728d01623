"""CSV export and import of opt-outs."""

from __future__ import annotations

import csv
import io


def _import(client, tenant, text: str, name: str = "list.csv"):
    files = {"file": (name, text.encode(), "text/csv")}
    return client.post("/v1/opt-outs/import", files=files, headers=tenant.headers)


def test_import_then_export_round_trip(client, tenant, inbound):
    inbound("STOP", number="+12025550123")
    text = "name,number\nAnn,(202) 555-0140\nBob,2025550141\nEve,not a number\nSam,+12025550123\n"
    response = _import(client, tenant, text)
    assert response.status_code == 200
    assert response.json() == {
        "opted_out": 2,
        "already_opted_out": 1,
        "invalid": ["line 4: not a number"],
    }
    export = client.get("/v1/opt-outs/export", headers=tenant.headers)
    assert export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert {(row["number"], row["source"]) for row in rows} == {
        ("+12025550123", "keyword"),
        ("+12025550140", "import"),
        ("+12025550141", "import"),
    }
    history = client.get("/v1/contacts/+12025550140", headers=tenant.headers).json()
    prefix = tenant.key.split("_")[1]
    event = history["events"][0]
    assert event["actor"].startswith("api-key:") and prefix in event["actor"]
    assert event["note"] == "imported from list.csv"


def test_import_without_a_header_reads_the_first_column(client, tenant):
    response = _import(client, tenant, "+12025550140\n+12025550141\n")
    assert response.json()["opted_out"] == 2


def test_import_refuses_a_file_that_is_not_utf8(client, tenant):
    files = {"file": ("list.csv", b"number\n\xff\xfe\n", "text/csv")}
    response = client.post("/v1/opt-outs/import", files=files, headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "file"


def test_import_needs_a_file(client, tenant):
    response = client.post("/v1/opt-outs/import", headers=tenant.headers)
    assert response.status_code == 422


def test_import_counts_a_repeated_number_once(client, tenant):
    response = _import(client, tenant, "number\n2025550140\n+12025550140\n(202) 555-0140\n")
    assert response.json() == {"opted_out": 1, "already_opted_out": 2, "invalid": []}
    history = client.get("/v1/contacts/+12025550140", headers=tenant.headers).json()
    assert [event["type"] for event in history["events"]] == ["opt_out"]


def test_an_imported_opt_out_can_be_undone_by_the_account(client, tenant):
    _import(client, tenant, "+12025550140\n")
    back = client.post(
        "/v1/opt-ins", json={"number": "+12025550140", "confirm": True}, headers=tenant.headers
    )
    assert back.json()["status"] == "active"


def test_a_stray_quote_costs_only_its_own_line(client, tenant):
    text = (
        "name,number\n"
        'Ann,"+12025550140\n'  # a quote left open: the number is still read
        "Bob,+12025550141\n"
        'Eve,"not a number\n'
        "Sam,+12025550142\n"
        "Kim,also not a number\n"
        "Lee,+12025550143\n"
    )
    response = _import(client, tenant, text)
    assert response.json() == {
        "opted_out": 4,
        "already_opted_out": 0,
        "invalid": ["line 4: not a number", "line 6: also not a number"],
    }


def test_an_import_of_two_files_at_once_is_refused(client, tenant):
    files = [
        ("file", ("a.csv", b"+12025550140\n", "text/csv")),
        ("file", ("b.csv", b"+12025550141\n", "text/csv")),
    ]
    response = client.post("/v1/opt-outs/import", files=files, headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "file"
    export = client.get("/v1/opt-outs/export", headers=tenant.headers)
    assert export.text.splitlines()[1:] == []


def test_the_export_opens_in_a_spreadsheet_as_text(client, tenant):
    notes = [" =1+1", "\u00a0=1+1", "\u200b=1+1", "\ufeff=1+1", "\uff1d1+1", "x;=1+1"]
    for index, note in enumerate(notes):
        number = f"+1202555014{index}"
        body = {"number": number, "note": note}
        assert client.post("/v1/opt-outs", json=body, headers=tenant.headers).status_code == 201
    lines = client.get("/v1/opt-outs/export", headers=tenant.headers).text.splitlines()
    assert all(line.startswith('"') and line.endswith('"') for line in lines)
    written = {row["number"]: row["note"] for row in csv.DictReader(io.StringIO("\n".join(lines)))}
    for index, note in enumerate(notes):
        cell = written[f"+1202555014{index}"]
        assert "'" in cell and cell.replace("'", "") == note
