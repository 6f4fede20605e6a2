"""Reading inputs: text in any encoding, saved web pages, JSONL and CSV exports, folders."""

from __future__ import annotations

import json

import pytest

from extract.inputs.dates import iso_date
from extract.inputs.readers import Fields, ReadReport, parse_size, read_documents
from extract.records import Document

SENTENCE = "Sécurité : la coopération entre le Maroc et Israël, une œuvre « de longue haleine ».\n"

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="{charset}">
<title>Le Maroc et le Qatar renforcent leur coopération | Le Quotidien</title>
<meta property="og:title" content="Le Maroc et le Qatar renforcent leur coopération">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<link rel="canonical" href="https://example.org/maroc-qatar">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde et diplomatie</a></li>
<li><a href="/sport">Sport et loisirs</a></li></ul></nav>
<main><article>
<h1>Le Maroc et le Qatar renforcent leur coopération</h1>
<p>Le directeur général de la DGSN, Abdellatif Hammouchi, a reçu mardi à Rabat une délégation
qatarie conduite par le chef de la sûreté de l’État.</p>
<p>Les deux pays se sont engagés à renforcer leur coopération sécuritaire, notamment dans la lutte
contre le terrorisme et la criminalité transfrontalière.</p>
<p>Selon un communiqué, des experts qataris suivront des formations à l’Institut royal de police
de Kénitra dès le mois prochain.</p>
</article>
<div class="related-articles"><h2>À lire aussi</h2><ul>
<li><a href="/a">L’Algérie et la Tunisie signent un accord gazier</a></li>
<li><a href="/b">La France rappelle son ambassadeur au Mali</a></li>
<li><a href="/c">Le Sénégal et la Mauritanie partagent un champ gazier</a></li></ul></div>
</main>
<footer><p>© 2023 Le Quotidien. Tous droits réservés. Mentions légales.</p></footer>
</body></html>
"""


def read_all(*paths, **options):
    report = ReadReport()
    documents = list(read_documents(list(paths), report=report, **options))
    return documents, report


# Text files in the encodings French text comes in.


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("cp1252.txt", SENTENCE.encode("cp1252"), SENTENCE),
        ("latin1.txt", "Sécurité : coopération à Rabat, «  oui  ».\n".encode("latin-1"),
         "Sécurité : coopération à Rabat, «  oui  ».\n"),
        ("short.txt", "Sécurité".encode("cp1252"), "Sécurité"),
        ("bom.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
        ("utf8.txt", SENTENCE.encode("utf-8"), SENTENCE),
        ("utf16.txt", SENTENCE.encode("utf-16"), SENTENCE),
    ],
)
def test_text_files_decode_to_the_same_french_text(tmp_path, name, data, text):
    (tmp_path / name).write_bytes(data)
    documents, report = read_all(tmp_path / name)
    assert documents == [Document(id=name, text=text)]
    assert report.summary() == []


def test_a_russian_windows_1251_file_is_not_taken_for_french(tmp_path):
    text = "Министр иностранных дел России провёл переговоры в Париже.\n" * 3
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    [document], _ = read_all(tmp_path / "ru.txt")
    assert document.text == text


# Saved web pages.


@pytest.mark.parametrize("charset", ["utf-8", "windows-1252"])
def test_html_keeps_the_article_and_its_metadata_not_the_page(tmp_path, charset):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.format(charset=charset).encode(charset))
    [document], report = read_all(page)
    assert (document.id, document.title, document.date, document.url) == (
        "page.html",
        "Le Maroc et le Qatar renforcent leur coopération",
        "2024-03-05",
        "https://example.org/maroc-qatar",
    )
    assert "Abdellatif Hammouchi, a reçu mardi à Rabat une délégation" in document.text
    assert "à l’Institut royal de police" in document.text
    for furniture in ("Accueil", "Monde et diplomatie", "Sport", "Tous droits réservés",
                      "Mentions légales", "Tunisie", "Mali", "Sénégal", "À lire aussi"):
        assert furniture not in document.text
    assert report.read == 1 and report.skipped == []


def test_html_without_a_date_does_not_take_the_copyright_year(tmp_path):
    page = tmp_path / "page.htm"
    undated = PAGE.replace('<meta property="article:published_time" '
                           'content="2024-03-05T09:30:00+01:00">', "")
    page.write_text(undated.format(charset="utf-8"), encoding="utf-8")
    [document], _ = read_all(page)
    assert document.date == ""
    assert document.title == "Le Maroc et le Qatar renforcent leur coopération"


# JSON Lines and CSV exports.


def test_jsonl_records_become_documents_with_their_metadata(tmp_path):
    lines = [
        {"id": "a1", "text": "Le Maroc et le Qatar coopèrent.", "title": "Accord",
         "date": "2024-03-05T10:00:00Z", "url": "https://example.org/a1"},
        {"text": "Israël et le Maroc signent un accord.", "date": "5 mars 2024", "id": None},
        {"id": 7, "text": "La DGSN forme des experts.", "date": "printemps 2024", "title": None},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n\n",
                    encoding="utf-8")
    documents, report = read_all(path)
    assert documents == [
        Document(id="a1", text="Le Maroc et le Qatar coopèrent.", title="Accord",
                 date="2024-03-05", url="https://example.org/a1"),
        Document(id="export.jsonl#2", text="Israël et le Maroc signent un accord.",
                 date="2024-03-05"),
        Document(id="7", text="La DGSN forme des experts.", date="printemps 2024"),
    ]
    assert report.summary() == []


def test_jsonl_field_names_are_configurable(tmp_path):
    path = tmp_path / "scrape.jsonl"
    path.write_text(json.dumps({"guid": "x", "body": "Le Qatar et le Maroc.", "headline": "T",
                                "published": "05/03/2024", "link": "https://e.org/x"}) + "\n")
    fields = Fields(id="guid", text="body", title="headline", date="published", url="link")
    documents, _ = read_all(path, fields=fields)
    assert documents == [Document(id="x", text="Le Qatar et le Maroc.", title="T",
                                  date="2024-03-05", url="https://e.org/x")]


def test_csv_rows_become_documents_with_their_metadata(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,title,date,url,text\n"
        'a1,Accord,2024-03-05,https://example.org/a1,"Le Maroc et le Qatar coopèrent.\n'
        'Les experts qataris arrivent."\n'
        ",,1er avril 2024,,Israël et le Maroc signent un accord.\n",
        encoding="utf-8",
    )
    documents, report = read_all(path)
    assert documents == [
        Document(id="a1", text="Le Maroc et le Qatar coopèrent.\nLes experts qataris arrivent.",
                 title="Accord", date="2024-03-05", url="https://example.org/a1"),
        Document(id="export.csv#4", text="Israël et le Maroc signent un accord.",
                 date="2024-04-01"),
    ]
    assert report.read == 2


def test_csv_from_a_french_spreadsheet_semicolons_and_windows_1252(tmp_path):
    path = tmp_path / "tableur.csv"
    path.write_bytes(("id;texte;date\nn1;" + SENTENCE.strip() + ";05/03/2024\n").encode("cp1252"))
    documents, _ = read_all(path, fields=Fields(text="texte"))
    assert documents == [Document(id="n1", text=SENTENCE.strip(), date="2024-03-05")]


def test_csv_reads_an_article_longer_than_the_csv_module_default_limit(tmp_path):
    long_text = "Le Maroc et le Qatar coopèrent. " * 5000  # 160 000 characters
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{long_text}"\n', encoding="utf-8")
    [document], _ = read_all(path)
    assert document.text == long_text


# Folders, order, ids, formats.


def test_folders_are_walked_in_a_stable_order_with_relative_ids(tmp_path):
    corpus = tmp_path / "corpus"
    for name in ("b.txt", "a/z.txt", "a/b/y.TXT", "c.htm", "notes.md", "scan.pdf", "x.pdf",
                 ".hidden.txt", ".git/HEAD.txt"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    for name in ("b.txt", "a/z.txt", "a/b/y.TXT", ".hidden.txt", ".git/HEAD.txt"):
        (corpus / name).write_text(f"Texte de {name}.")
    (corpus / "c.htm").write_text(PAGE.format(charset="utf-8"))
    for name in ("notes.md", "scan.pdf", "x.pdf"):
        (corpus / name).write_bytes(b"%PDF-1.4")
    documents, report = read_all(corpus)
    assert [d.id for d in documents] == ["a/b/y.TXT", "a/z.txt", "b.txt", "c.htm"]
    assert report.summary() == [
        "3 file(s) in folders not read, not articles by their suffix: .md (1), .pdf (2)"
    ]


def test_a_name_under_two_inputs_is_identified_by_its_path_in_any_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder, text in (("2023", "Le Maroc et la France."), ("2024", "Le Qatar et Israël.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article-1.txt").write_text(text)
    (tmp_path / "2024" / "article-2.txt").write_text("La Tunisie.")
    (tmp_path / "article-2.txt").write_text("L’Égypte.")
    (tmp_path / "seul.txt").write_text("Le Sénégal.")
    expected = {
        "2023/article-1.txt": "Le Maroc et la France.",
        "2024/article-1.txt": "Le Qatar et Israël.",
        "2024/article-2.txt": "La Tunisie.",
        "article-2.txt": "L’Égypte.",
        "seul.txt": "Le Sénégal.",
    }
    for order in (
        ["2023", "2024/", "article-2.txt", "seul.txt"],
        ["seul.txt", "article-2.txt", "2024", "2023"],
    ):
        documents, _ = read_all(*order)
        assert {d.id: d.text for d in documents} == expected


def test_input_format_overrides_the_suffix(tmp_path):
    (tmp_path / "feed.json").write_text('{"id": "f", "text": "Le Qatar."}\n')
    documents, _ = read_all(tmp_path / "feed.json", input_format="jsonl")
    assert documents == [Document(id="f", text="Le Qatar.")]


def test_reading_is_lazy(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Le Maroc.")
    documents = read_documents([tmp_path])
    assert next(documents).id == "a.txt"
    (tmp_path / "b.txt").write_text("Le Qatar.")  # read only now
    assert next(documents).text == "Le Qatar."


# Small parsers.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T09:30:00+01:00", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("05/03/2024", "2024-03-05"),
        ("5.3.2024", "2024-03-05"),
        ("mardi 5 mars 2024", "2024-03-05"),
        ("1er février 2024", "2024-02-01"),
        ("12 août 2022 à 10h30", "2022-08-12"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05"),
        ("31/02/2024", ""),
        ("mars 2024", ""),
        ("hier", ""),
        ("", ""),
    ],
)
def test_iso_date(text, expected):
    assert iso_date(text) == expected


@pytest.mark.parametrize(
    ("text", "size"),
    [("50MB", 50_000_000), ("500KB", 500_000), ("500 kb", 500_000), ("1.5GB", 1_500_000_000),
     ("10M", 10_000_000), ("2KiB", 2048), ("1MiB", 1_048_576), ("4096", 4096), ("7B", 7)],
)
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5MB", "ten", "10TB", "MB"])
def test_parse_size_rejects_what_is_not_a_size(text):
    with pytest.raises(ValueError, match="is not a positive size"):
        parse_size(text)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"input_format": "pdf"},
         "input format 'pdf' is unknown; use one of: txt, html, jsonl, csv"),
        ({"errors": "ignore"}, "errors='ignore' is unknown; use one of: skip, strict"),
        ({"max_size": 0}, "max_size=0 must be a positive number of bytes"),
    ],
)
def test_bad_options_are_value_errors(tmp_path, option, message):
    with pytest.raises(ValueError, match=message):
        next(read_documents([tmp_path], **option))
