"""Bad inputs: each gives one line naming it and why, is skipped and counted, or stops --strict."""

from __future__ import annotations

import json
import os
import struct
import zlib

import pytest

from extract.inputs.readers import Fields, InputError, ReadReport, read_documents

GOOD = "Le Maroc et le Qatar renforcent leur coopération sécuritaire.\n"


def png_bytes() -> bytes:
    """Return a real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
CONTROLS = bytes(range(1, 9)) * 4 + b"Le Maroc." * 2  # 32 controls in 50 characters


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\n", "is empty (white space only)"),
        ("rapport.pdf.txt", PDF, "is a PDF document, not text"),
        ("photo.txt", png_bytes(), "is a PNG image, not text"),
        ("lettre.txt", b"PK\x03\x04\x14\x00\x06\x00", "is a ZIP archive (as .docx, .odt and .epub "
                                                       "files are), not text"),
        ("nul.txt", b"Le Maroc\x00\x00 et le Qatar", "is binary (it contains NUL bytes), not text"),
        ("controls.txt", CONTROLS, "is binary (64% control characters), not text"),
        ("page.html", PDF, "is a PDF document, not text"),
        ("script.html", b"<html><head><title>Vide</title></head><body><script>var a = 1;"
                        b"</script></body></html>",
         "has no article text that could be extracted"),
        ("export.jsonl", png_bytes(), "is a PNG image, not text"),
        ("notes.jsonl", b"Le Maroc et le Qatar.\n{\"text\": \"ok\"}\n",
         "is not JSON Lines (line 1: not valid JSON (Expecting value at column 1))"),
        ("export.csv", b"id,body\n1,Le Maroc.\n", "has no 'text' column (its columns: id, body)"),
        ("vide.csv", b"\n\n", "is empty (no header line)"),
    ],
)
def test_a_bad_file_is_one_line_skipped_and_the_run_goes_on(tmp_path, caplog, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z_good.txt").write_text(GOOD)
    report = ReadReport()
    documents = list(read_documents([tmp_path], report=report))
    assert [d.id for d in documents] == ["z_good.txt"]
    assert [str(e) for e in report.skipped] == [f"{tmp_path / name}: {reason}"]
    assert report.summary() == ["1 of 2 inputs skipped:", f"  {tmp_path / name}: {reason}"]
    assert caplog.messages == [f"{tmp_path / name}: {reason}; skipped"]


def test_bad_records_are_skipped_one_by_one_with_their_line(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"id": "a", "text": "Le Maroc."}\n'
        '{"id": "b", "text": "Le Qatar."\n'  # cut short
        '{"id": "c", "body": "Israël."}\n'
        '["not", "an", "object"]\n'
        '{"id": "e", "text": ""}\n'
        '{"id": "f", "text": 12}\n'
        '{"id": "g", "text": "La DGSN.", "url": {"href": "x"}}\n'
        '{"id": "h", "text": "Israël."}\n',
        encoding="utf-8",
    )
    report = ReadReport()
    assert [d.id for d in read_documents([path], report=report)] == ["a", "h"]
    assert [str(e) for e in report.skipped] == [
        f"{path}:2: not valid JSON (Expecting ',' delimiter at column 32)",
        f"{path}:3: no 'text' field",
        f"{path}:4: not a JSON object but list",
        f"{path}:5: field 'text' is empty",
        f"{path}:6: field 'text' is not text but int",
        f"{path}:7: field 'url' is not text but dict",
    ]
    assert report.summary()[0] == "6 of 8 inputs skipped:"


def test_a_csv_row_without_text_is_skipped_with_its_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,text\na,Le Maroc.\nb,\nc,Le Qatar.\n", encoding="utf-8")
    report = ReadReport()
    assert [d.id for d in read_documents([path], report=report)] == ["a", "c"]
    assert [str(e) for e in report.skipped] == [f"{path}:3: field 'text' is empty"]


def test_a_file_over_the_size_limit_is_rejected_unread(tmp_path, monkeypatch):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"a" * 1500)
    monkeypatch.setattr("pathlib.Path.open", lambda *a, **k: pytest.fail("read a large file"))
    report = ReadReport()
    assert list(read_documents([path], max_size=1000, report=report)) == []
    assert [str(e) for e in report.skipped] == [
        f"{path}: is too large (1.5 KB; the limit is 1 KB)"
    ]


def test_a_record_over_the_size_limit_is_rejected(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text('{"id": "a", "text": "' + "é" * 600 + '"}\n{"id": "b", "text": "Le Maroc."}\n')
    report = ReadReport()
    assert [d.id for d in read_documents([path], max_size=1000, report=report)] == ["b"]
    assert [str(e) for e in report.skipped] == [
        f"{path}:1: is too large (1.2 KB; the limit is 1 KB)"
    ]


def test_unreadable_inputs_are_named_with_the_system_reason(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "locked.txt").write_text(GOOD)
    os.mkfifo(corpus / "pipe.txt")
    real_open = type(corpus).open

    def deny(self, *args, **kwargs):
        if self.name == "locked.txt":  # root reads a chmod 000 file: deny it this way instead
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(corpus), "open", deny)
    report = ReadReport()
    documents = list(read_documents([corpus, tmp_path / "missing", tmp_path / "notes.md"],
                                    report=report))
    assert documents == []
    assert [str(e) for e in report.skipped] == [
        f"{corpus / 'broken.txt'}: cannot be read (No such file or directory)",
        f"{corpus / 'locked.txt'}: cannot be read (Permission denied)",
        f"{corpus / 'pipe.txt'}: is not a regular file",
        f"{tmp_path / 'missing'}: no such file or folder",
        f"{tmp_path / 'notes.md'}: no such file or folder",
    ]


def test_a_file_named_directly_with_an_unknown_suffix_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text(GOOD)
    report = ReadReport()
    assert list(read_documents([tmp_path / "notes.md"], report=report)) == []
    assert [str(e) for e in report.skipped] == [
        f"{tmp_path / 'notes.md'}: cannot tell its format from its suffix '.md'; name a file "
        "ending in .csv, .htm, .html, .jsonl, .ndjson, .txt, or give the input format"
    ]


def test_strict_raises_the_first_bad_input(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(PDF)
    documents = read_documents([tmp_path], errors="strict")
    assert next(documents).id == "a.txt"
    with pytest.raises(InputError, match=r"b\.txt: is empty$"):
        next(documents)


def test_strict_raises_a_bad_record(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,body\na,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"export\.csv:2: field 'body' is empty$"):
        list(read_documents([path], fields=Fields(text="body"), errors="strict"))


def test_a_second_document_with_a_taken_id_is_skipped_and_named(tmp_path):
    path = tmp_path / "fil.jsonl"
    records = [
        {"id": "a1", "text": "Le Maroc et le Qatar ont signé un accord de coopération."},
        {"id": "a1", "text": "La France et l’Allemagne renforcent leur coopération militaire."},
        {"id": "a2", "text": "L’Espagne coopère avec le Portugal."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    report = ReadReport()
    documents = list(read_documents([path], report=report))
    assert [(d.id, d.text[:9]) for d in documents] == [("a1", "Le Maroc "), ("a2", "L’Espagne")]
    assert report.summary() == [
        "1 of 3 inputs skipped:",
        f"  {path}: document id 'a1' already taken by an earlier input",
    ]
    with pytest.raises(InputError, match=r"fil\.jsonl: document id 'a1' already taken"):
        list(read_documents([path], errors="strict"))


def test_a_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    report = ReadReport()
    documents = list(read_documents([tmp_path, tmp_path / "a.txt"], report=report))
    assert [d.id for d in documents] == [f"{tmp_path.as_posix()}/a.txt"]
    assert len(report.skipped) == 1
    assert "already taken by an earlier input" in str(report.skipped[0])
