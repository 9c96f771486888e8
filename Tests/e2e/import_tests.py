"""csdash import dfe, run as an analyst would: it writes only --out (and --authorities), and every error names a file."""
import os
import shutil
import tempfile

from cli_tests import ROOT, SAMPLE, run, snapshot_tree

DFE = os.path.join(ROOT, "sample-data", "dfe")
MAP = os.path.join(DFE, "gloucestershire.yaml")


def test_import_writes_only_out_and_matches_the_sample(binary):
    d = tempfile.mkdtemp(prefix="csdash-e2e-import-")
    before = snapshot_tree(DFE)
    out, every = os.path.join(d, "dfe.csv"), os.path.join(d, "all.csv")
    code, o, err = run(binary, "import", "dfe", "--la", "Gloucestershire", "--map", MAP, "--out", out, "--authorities", every)
    assert code == 0, (code, o, err)
    assert sorted(os.listdir(d)) == ["all.csv", "dfe.csv"], os.listdir(d)
    assert snapshot_tree(DFE) == before, "the input folder was written to"
    assert open(out).read() == open(os.path.join(SAMPLE, "history", "dfe.csv")).read()
    assert "re-referrals-dfe,2021/22,24.5,21.5,22.6,20.06,10,126,150,4,9,11" in open(out).read()
    assert "77 rows for 9 indicators" in err, err
    shutil.rmtree(d)


def test_import_errors_name_the_file_and_write_nothing(binary):
    d = tempfile.mkdtemp(prefix="csdash-e2e-import-")
    out = os.path.join(d, "dfe.csv")
    code, o, err = run(binary, "import", "dfe", "--la", "Gloucester", "--map", MAP, "--out", out)
    assert code == 65, (code, o, err)
    assert "no local authority 'Gloucester'" in err and "Gloucestershire (916, E10000013)" in err, err
    assert not os.path.exists(out)
    bad = os.path.join(d, "map.yaml")
    with open(bad, "w") as f:
        f.write("indicators:\n  - id: x\n    file: c1_*.csv\n    measure: rereferal_percent\n    polarity: lower\n")
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", bad, "--out", out,
                       os.path.join(DFE, "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"))
    assert code == 65, (code, o, err)
    assert f"{bad}:2: error: mapping for 'x': no measure column 'rereferal_percent'" in err, err
    assert "rereferral_percent" in err, err
    assert not os.path.exists(out)
    shutil.rmtree(d)


def test_import_refuses_to_write_over_an_input(binary):
    d = tempfile.mkdtemp(prefix="csdash-e2e-import-")
    for f in os.listdir(DFE):
        shutil.copy(os.path.join(DFE, f), d)
    victim = os.path.join(d, "la_cla_placement_stability.csv")
    size = os.path.getsize(victim)
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", os.path.join(d, "gloucestershire.yaml"), "--out", victim)
    assert code == 64 and "it is one of the input files" in err, (code, err)
    assert os.path.getsize(victim) == size
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", os.path.join(d, "gloucestershire.yaml"),
                       "--out", os.path.join(d, "no-such-dir", "x.csv"))
    assert code == 73 and "does not exist" in err, (code, err)
    shutil.rmtree(d)


def test_report_carries_rank_and_quartile(binary):
    # At the latest quarter (Q2 21/22) the benchmark is the last full year, 2020/21.
    code, out, err = run(binary, "report", SAMPLE, "--format", "text")
    assert code == 0, (code, err)
    assert "20/21 30.2%: rank 141/149, Q4, SN 10/11" in out, out


def copy_dfe():
    d = tempfile.mkdtemp(prefix="csdash-e2e-import-")
    for f in os.listdir(DFE):
        shutil.copy(os.path.join(DFE, f), d)
    return d, os.path.join(d, "gloucestershire.yaml")


def test_damaged_dfe_files_are_errors_with_file_and_line(binary):
    d, mapping = copy_dfe()
    c1 = os.path.join(d, "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv")
    original = open(c1, encoding="utf-8").read()
    out = os.path.join(d, "out", "dfe.csv")
    os.mkdir(os.path.dirname(out))
    lines = original.split("\n")
    lines[1401] = ",".join(lines[1401].split(",")[:12])
    open(c1, "w", encoding="utf-8").write("\n".join(lines))
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", mapping, "--out", out)
    assert code == 65, (code, o, err)
    assert f"{c1}:1402: error: row has 12 fields, the header has 21" in err, err
    assert not os.path.exists(out)
    # Cut short in the middle of line 1000.
    open(c1, "w", encoding="utf-8").write("\n".join(original.split("\n")[:999]) + "\n" + original.split("\n")[999][:40])
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", mapping, "--out", out)
    assert code == 65 and f"{c1}:1000: error: " in err, (code, o, err)
    assert os.listdir(os.path.dirname(out)) == [], "nothing written"
    shutil.rmtree(d)


def test_import_writes_both_files_or_neither_and_keeps_modes(binary):
    d, mapping = copy_dfe()
    out = os.path.join(d, "out", "dfe.csv")
    os.mkdir(os.path.dirname(out))
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", mapping, "--out", out,
                       "--authorities", os.path.join(d, "no-such-dir", "all.csv"))
    assert code == 73 and "does not exist" in err, (code, err)
    assert os.listdir(os.path.dirname(out)) == [], "--out must not be written when --authorities cannot be"
    # A read-only --out is replaced (its folder is writable) and stays read-only.
    with open(out, "w") as f:
        f.write("old\n")
    os.chmod(out, 0o444)
    every = os.path.join(d, "out", "all.csv")
    code, o, err = run(binary, "import", "dfe", "--la", "916", "--map", mapping, "--out", out, "--authorities", every)
    assert code == 0, (code, err)
    assert open(out).read() == open(os.path.join(SAMPLE, "history", "dfe.csv")).read()
    assert os.stat(out).st_mode & 0o777 == 0o444, oct(os.stat(out).st_mode)
    assert sorted(os.listdir(os.path.dirname(out))) == ["all.csv", "dfe.csv"], "no temporary file is left"
    shutil.rmtree(d)
