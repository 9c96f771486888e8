#!/usr/bin/env python3
"""The bad-input corpus and the valid-but-extreme corpus.

Small cases are committed under Tests/Corpus/bad/ and Tests/Corpus/extreme/; this script wrote them
(`python3 Tests/Corpus/corpus.py write`) and documents how each was made. Large or special cases (a 200 MB
file, a 10 MB line, an unreadable file, a FIFO, a missing directory) cannot live in git: `generated(tmp)`
builds them in a temporary directory at test time, once per run.

Every bad case lists what `csdash check` must say: its exit status (65 data errors, 66 no usable input) and a
fragment of the message that names the file (and the line, where there is one).
"""
import os
import shutil
import stat
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
EXTREME = os.path.join(HERE, "extreme")

BASE_INDICATORS = """title: Corpus
organisation: Test Council
panels:
  - id: p
    title: Panel
indicators:
  - id: a
    panel: p
    title: Indicator A
    unit: percent
    polarity: higher
    frequency: quarterly
    targets:
      - {from: "2020/21 Q1", value: 90, tolerance: 2}
      - {from: "2021/22 Q1", value: 92, tolerance: 2}
    risks: [R1]
  - id: b
    panel: p
    title: Indicator B
    unit: count
    polarity: lower
    frequency: monthly
"""
BASE_HISTORY = """indicator,period,value,England
a,2020/21 Q1,88.5,90
a,2020/21 Q2,91.0,90.5
b,2020-04,12,
b,2020-05,14,
"""
BASE_RISKS = """risks:
  - id: R1
    title: Risk one
    owner: Director
    target: 8
    history:
      - {period: "2020/21 Q1", likelihood: 3, impact: 4}
    indicators: [a]
"""


def base(**over):
    files = {"indicators.yaml": BASE_INDICATORS, "history/h.csv": BASE_HISTORY, "risks.yaml": BASE_RISKS}
    files.update(over)
    return {k: v for k, v in files.items() if v is not None}


def replace(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
) + "title: *i\npanels: *i\nindicators: *i\n"

# name -> (files, exit status, fragment of the expected message)
CASES = {
    "yaml-syntax": (base(**{"indicators.yaml": BASE_INDICATORS.replace("  - id: b\n", "  - id: b\n   panel: [p\n")}),
                    65, "indicators.yaml:18:4: error: YAML syntax"),
    "yaml-tab-indent": (base(**{"indicators.yaml": BASE_INDICATORS.replace("    title: Indicator A", "\ttitle: Indicator A")}),
                        65, "indicators.yaml:9:1: error: YAML syntax"),
    "yaml-not-a-mapping": (base(**{"indicators.yaml": "- just\n- a list\n"}), 65,
                           "indicators.yaml:1: error: indicators.yaml must be a mapping"),
    "wrong-type-panels": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "  - id: p\n    title: Panel\n", "  p: Panel\n")}),
                          65, "indicators.yaml:4: error: panels must be a list"),
    "wrong-type-decimals": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "    unit: percent\n", "    unit: percent\n    decimals: [1]\n")}),
                            65, "indicators.yaml:11: error: decimals must be a single value"),
    "wrong-type-unit": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "unit: percent", "unit: furlongs")}),
                        65, "indicators.yaml:10: error: indicator 'a': unit 'furlongs' is not one of"),
    "duplicate-yaml-key": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "    title: Indicator A\n", "    title: Indicator A\n    title: Indicator A again\n")}),
                           65, "indicators.yaml:9:5: error: YAML syntax: duplicate key 'title'"),
    "duplicate-indicator-id": (base(**{"indicators.yaml": BASE_INDICATORS.replace("  - id: b\n", "  - id: a\n")}),
                               65, "indicators.yaml:17: error: duplicate indicator id 'a'"),
    "missing-required-field": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "    polarity: higher\n", "")}),
                               65, "indicators.yaml:7: error: indicator 'a' has no 'polarity'"),
    "yaml-alias-bomb": (base(**{"indicators.yaml": ALIAS_BOMB}), 65, "indicators.yaml"),
    "csv-unterminated-quote": (base(**{"history/h.csv": BASE_HISTORY + 'a,2021/22 Q1,"92.0,90\nb,2020-06,15,\n'}),
                               65, "history/h.csv:6: error: quoted field is never closed"),
    "csv-ragged-rows": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q1,92\nb,2020-06,15,1,2\n"}),
                        65, "history/h.csv:6: error: row has 3 fields, the header has 4"),
    "csv-non-numeric": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q1,ninety,\n"}),
                        65, "history/h.csv:6: error: non-numeric value 'ninety' (column 'value')"),
    "csv-nan": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q1,NaN,\n"}),
                65, "history/h.csv:6: error: non-numeric value 'NaN'"),
    "csv-inf": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q1,inf,-Infinity\n"}),
                65, "history/h.csv:6: error: non-numeric value 'inf'"),
    "csv-overflow": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q1,1e999,\n"}),
                     65, "history/h.csv:6: error: non-numeric value '1e999'"),
    "csv-header-missing-columns": (base(**{"history/h.csv": "id,when,amount\na,2020/21 Q1,1\n"}),
                                   65, "history/h.csv:1: error: header lacks required columns 'indicator', 'period', 'value'"),
    "csv-empty": (base(**{"history/h.csv": ""}), 65, "history/h.csv:1: error: the file is empty"),
    "csv-binary": (base(**{"history/h.csv": bytes(range(256)) * 8}), 65, "history/h.csv"),
    "yaml-empty": (base(**{"indicators.yaml": ""}), 65, "indicators.yaml:1: error: the file is empty"),
    "yaml-binary": (base(**{"indicators.yaml": b"\x00\x01\x02\xff\xfe" * 50}), 65, "indicators.yaml:1:1: error: YAML syntax: control characters are not allowed (U+0000)"),
    "missing-indicators": (base(**{"indicators.yaml": None}), 66, "indicators.yaml is missing"),
    "dangling-indicator-to-risk": (base(**{"indicators.yaml": replace(BASE_INDICATORS, "risks: [R1]", "risks: [R1, R9]")}),
                                   65, "indicators.yaml:16: error: indicator 'a' links to unknown risk 'R9'"),
    "dangling-risk-to-indicator": (base(**{"risks.yaml": replace(BASE_RISKS, "indicators: [a]", "indicators: [a, zz]")}),
                                   65, "risks.yaml:8: error: risk 'R1' links to unknown indicator 'zz'"),
    "unknown-indicator-in-history": (base(**{"history/h.csv": BASE_HISTORY + "zz,2020/21 Q1,1,\n"}),
                                     65, "history/h.csv:6: error: unknown indicator 'zz'"),
    "impossible-quarter": (base(**{"history/h.csv": BASE_HISTORY + "a,2021/22 Q5,1,\n"}),
                           65, "history/h.csv:6: error: unreadable period '2021/22 Q5'"),
    "impossible-month": (base(**{"history/h.csv": BASE_HISTORY + "b,2020-13,1,\n"}),
                         65, "history/h.csv:6: error: unreadable period '2020-13'"),
    "impossible-year-span": (base(**{"indicators.yaml": replace(BASE_INDICATORS, '{from: "2021/22 Q1"', '{from: "2021/23 Q1"')}),
                             65, "indicators.yaml:15: error: target from: unreadable period '2021/23 Q1'"),
    "period-frequency-mismatch": (base(**{"history/h.csv": BASE_HISTORY + "a,2021-04,1,\n"}),
                                  65, "history/h.csv:6: error: period '2021-04' is a month"),
    "targets-out-of-order": (base(**{"indicators.yaml": replace(BASE_INDICATORS, '{from: "2021/22 Q1"', '{from: "2019/20 Q1"')}),
                             65, "indicators.yaml:15: error: indicator 'a': targets not in period order"),
    "duplicate-history-rows": (base(**{"history/h2.csv": "indicator,period,value\na,Q2 2020/21,1\n"}),
                               65, "history/h2.csv:2: error: duplicate row for indicator 'a' and period 2020/21 Q2"),
    "risk-score-out-of-range": (base(**{"risks.yaml": replace(BASE_RISKS, "likelihood: 3", "likelihood: 7")}),
                                65, "risks.yaml:7: error: risk 'R1': likelihood 7 is outside 1-5"),
    "risks-wrong-type": (base(**{"risks.yaml": "risks: 12\nbands: nope\n"}), 65, "risks.yaml:"),
    "history-is-a-file": (base(**{"history/h.csv": None, "history": BASE_HISTORY}), 65, "history: error: history must be a directory"),
}
# Cases git can hold but that need a symlink or a directory: made by `special(dir)`.
SPECIAL = {
    "csv-symlink-loop": (65, "history/loop.csv: error: cannot read: Too many levels of symbolic links"),
    "csv-is-a-directory": (65, "history/dir.csv: error: cannot read: it is a directory"),
    "indicators-is-a-directory": (66, "indicators.yaml: error: cannot read: it is a directory"),
    "indicators-symlink-loop": (66, "indicators.yaml: error: cannot read: Too many levels of symbolic links"),
}
# Made at test time in a temporary directory (too big for git, or not storable in it).
GENERATED = {
    "csv-200mb-file": (65, "history/big.csv: error: the file is 200 MiB, more than the 128 MiB"),
    "csv-10mb-line": (65, "history/line.csv:2: error: line 2 is 10 MiB long"),
    "yaml-10mb-line": (65, "indicators.yaml: error: the file is 10 MiB, more than the 8 MiB"),
    "csv-fifo": (65, "history/fifo.csv: error: cannot read: not a regular file"),
    "csv-unreadable": (65, "history/h.csv: error: cannot read: Permission denied"),
    "missing-directory": (66, "error: no such data directory"),
}


def quarters(first_year, n):
    """n quarters from first_year/first_year+1 Q1 on."""
    out = []
    for k in range(n):
        y = first_year + k // 4
        out.append(f"{y}/{(y + 1) % 100:02d} Q{k % 4 + 1}")
    return out


def months(first_year, n):
    return [f"{first_year + (3 + k) // 12}-{(3 + k) % 12 + 1:02d}" for k in range(n)]


def indicator(iid, panel="p", title=None, unit="percent", polarity="higher", frequency="quarterly",
              target=None, extra=""):
    t = f'    targets:\n      - {{from: "2000/01 Q1", value: {target}, tolerance: 1}}\n' if target is not None else ""
    return (f"  - id: {iid}\n    panel: {panel}\n    title: \"{title or iid}\"\n    unit: {unit}\n"
            f"    polarity: {polarity}\n    frequency: {frequency}\n{t}{extra}")


def extreme_cases():
    """Valid but extreme data: every view must render it, and `check` must pass it."""
    head = "title: Extreme\norganisation: Test Council\npanels:\n  - id: p\n    title: Panel\n  - id: q\n    title: Other\nindicators:\n"
    cases = {}
    qs = quarters(2019, 8)
    # Values of +-1e308 (the largest doubles), and targets as large.
    rows = ["indicator,period,value,England"]
    for i, v in enumerate(["1e308", "-1e308", "1.7976931348623157e308", "-1.7976931348623157e308"]):
        rows += [f"big{i},{q},{v if k % 2 else '-' + v.lstrip('-')},{v}" for k, q in enumerate(qs)]
    cases["huge-values"] = {
        "indicators.yaml": head + "".join(indicator(f"big{i}", target=t, extra="    comparators: [England]\n")
                                          for i, t in enumerate(["1e308", "-1e308", "0", None])),
        "history/h.csv": "\n".join(rows) + "\n"}
    # A constant history of 1e17 (no spread for a scale), and one of 0.
    rows = ["indicator,period,value"] + [f"const,{q},100000000000000000" for q in qs] + [f"zero,{q},0" for q in qs]
    cases["constant-1e17"] = {"indicators.yaml": head + indicator("const", unit="count", target="1e17")
                              + indicator("zero", unit="number", target="0"),
                              "history/h.csv": "\n".join(rows) + "\n"}
    # One value per indicator.
    rows = ["indicator,period,value"] + [f"one{i},2020/21 Q{i % 4 + 1},{i * 7.5}" for i in range(6)]
    cases["one-value-each"] = {"indicators.yaml": head + "".join(indicator(f"one{i}", panel="pq"[i % 2], target=50) for i in range(6)),
                               "history/h.csv": "\n".join(rows) + "\n"}
    # 40 years of monthly history.
    ms = months(1981, 480)
    rows = ["indicator,period,value,England"] + [f"m{i},{m},{50 + 40 * ((k * (i + 3)) % 17) / 17:.1f},{50 + k % 9}"
                                                   for i in range(6) for k, m in enumerate(ms)]
    cases["forty-years-monthly"] = {"indicators.yaml": head + "".join(
        indicator(f"m{i}", panel="pq"[i % 2], frequency="monthly", target=60, extra="    comparators: [England]\n") for i in range(6)),
        "history/h.csv": "\n".join(rows) + "\n"}
    # 500 indicators in one panel.
    rows = ["indicator,period,value"] + [f"n{i:03d},{q},{(i * 37 + k * 11) % 100}" for i in range(500) for k, q in enumerate(qs[-2:])]
    cases["500-indicators-one-panel"] = {"indicators.yaml": head + "".join(
        indicator(f"n{i:03d}", title=f"Indicator number {i}", target=50) for i in range(500)),
        "history/h.csv": "\n".join(rows) + "\n"}
    # 30 risks, all linked to one indicator, several in the same heat-map cell.
    risks = "risks:\n" + "".join(
        f"  - id: R{i:02d}\n    title: Risk number {i} with a reasonably long title\n    owner: Owner {i}\n    target: 4\n"
        f"    history:\n      - {{period: \"2020/21 Q1\", likelihood: {i % 5 + 1}, impact: {(i // 5) % 5 + 1}}}\n"
        f"      - {{period: \"2020/21 Q2\", likelihood: {(i + 1) % 5 + 1}, impact: {(i // 5) % 5 + 1}}}\n"
        f"    indicators: [r]\n" for i in range(30))
    cases["30-risks"] = {"indicators.yaml": head + indicator("r", target=50),
                         "history/h.csv": "indicator,period,value\nr,2020/21 Q1,40\nr,2020/21 Q2,55\n", "risks.yaml": risks}
    # Titles of 300 characters (short titles at their 24-character limit), and long commentary.
    long_t = ("Proportion of children and young people " * 10)[:300]
    cases["long-titles"] = {"indicators.yaml": head.replace("title: Panel", "title: " + "Long panel title " * 12)
                            .replace("title: Extreme", "title: " + "Extreme " * 40) + "".join(
        indicator(f"t{i}", title=long_t, target=50,
                  extra=f"    short: \"{'S' * 24}\"\n    definition: \"{long_t}\"\n    commentary:\n      \"2020/21 Q2\": \"{long_t * 3}\"\n")
        for i in range(3)),
        "history/h.csv": "indicator,period,value\n" + "".join(f"t{i},2020/21 Q{k},{40 + k}\n" for i in range(3) for k in (1, 2))}
    # Every value suppressed.
    codes = ["c", "x", "z", "u", "low", ":", "..", "-", "n/a", "na", ""]
    rows = ["indicator,period,value,England"] + [f"s{i},{q},{codes[(i + k) % len(codes)]},{codes[k % len(codes)]}"
                                                  for i in range(4) for k, q in enumerate(qs)]
    cases["all-suppressed"] = {"indicators.yaml": head + "".join(
        indicator(f"s{i}", target=50, extra="    comparators: [England]\n") for i in range(4)),
        "history/h.csv": "\n".join(rows) + "\n"}
    return cases


def write_files(root, files):
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    for rel, content in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(p, mode) as f:
            f.write(content)
    if not os.path.exists(os.path.join(root, "history")):
        os.makedirs(os.path.join(root, "history"))


def special(root, name):
    write_files(root, base())
    if name == "csv-symlink-loop":
        os.symlink("loop.csv", os.path.join(root, "history", "loop.csv"))
    elif name == "csv-is-a-directory":
        os.makedirs(os.path.join(root, "history", "dir.csv"))
        open(os.path.join(root, "history", "dir.csv", ".keep"), "w").close()
    elif name == "indicators-is-a-directory":
        os.remove(os.path.join(root, "indicators.yaml"))
        os.makedirs(os.path.join(root, "indicators.yaml"))
        open(os.path.join(root, "indicators.yaml", ".keep"), "w").close()
    elif name == "indicators-symlink-loop":
        os.remove(os.path.join(root, "indicators.yaml"))
        os.symlink("indicators.yaml", os.path.join(root, "indicators.yaml"))


def generated(tmp):
    """Builds the generated cases under tmp; returns {name: path}. Sparse where the content does not matter."""
    out = {}
    for name in GENERATED:
        root = os.path.join(tmp, name)
        out[name] = root
        if name == "missing-directory":
            continue
        write_files(root, base())
        hist = os.path.join(root, "history")
        if name == "csv-200mb-file":
            with open(os.path.join(hist, "big.csv"), "wb") as f:
                f.write(BASE_HISTORY.encode())
                f.truncate(200 << 20)  # sparse: 200 MB on paper, no disk used
        elif name == "csv-10mb-line":
            with open(os.path.join(hist, "line.csv"), "w") as f:
                f.write("indicator,period,value\n" + "a," + "9" * (10 << 20) + ",1\n")
        elif name == "yaml-10mb-line":
            with open(os.path.join(root, "indicators.yaml"), "w") as f:
                f.write("title: " + "x" * (10 << 20) + "\n")
        elif name == "csv-fifo":
            os.mkfifo(os.path.join(hist, "fifo.csv"))
        elif name == "csv-unreadable":
            os.chmod(os.path.join(hist, "h.csv"), 0)
    return out


def write():
    if os.path.exists(BAD):
        shutil.rmtree(BAD)
    for name, (files, _, _) in CASES.items():
        write_files(os.path.join(BAD, name), files)
    for name in SPECIAL:
        special(os.path.join(BAD, name), name)
    for name, files in extreme_cases().items():
        write_files(os.path.join(EXTREME, name), files)


if __name__ == "__main__":
    if sys.argv[1:] == ["write"]:
        write()
        print(f"wrote {len(CASES) + len(SPECIAL)} cases under {BAD} and {len(extreme_cases())} under {EXTREME}")
    else:
        print(__doc__)
