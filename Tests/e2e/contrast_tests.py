"""Every text cell of every view in every shipped theme reaches WCAG AA contrast (4.5:1) against what it is
drawn on, measured on 24-bit snapshots (contrast_check.py). The light theme sets its own background, so it is
measured on a dark terminal as well as a light one."""
import subprocess

import contrast_check
from cli_tests import SAMPLE

THEMES = ["default", "light", "high-contrast", "colour-blind", "mono"]
VIEWS = ["overview", "help", "risks", "risk:CS-01", "risk:CS-03", "indicator:initial-decisions",
         "indicator:re-referrals", "indicator:re-referrals-month", "indicator:cla-rate", "indicator:audits-ri",
         "indicator:short-stability", "wall:1", "wall:2", "wall:3"]


def frame(binary, theme, view, cols, rows):
    args = [binary, "snapshot", SAMPLE, "--size", f"{cols}x{rows}", "--view", view, "--theme", theme,
            "--color", "always", "--depth", "24bit"]
    if view.startswith("wall"):
        args += ["--now", "2021-11-15 09:30"]
    p = subprocess.run(args, capture_output=True, timeout=60)
    assert p.returncode == 0, (theme, view, p.stderr)
    return p.stdout


def check(binary, cols, rows, views):
    failures, measured = [], 0
    for theme in THEMES:
        for view in views:
            out = frame(binary, theme, view, cols, rows)
            terminals = [False, True] if theme == "light" else [False]
            for light_terminal in terminals:
                n, low = contrast_check.measure(out, cols, rows, light=light_terminal)
                measured += n
                for r, fg, bg, y, text in low[:3]:
                    failures.append(f"{theme} {view} {cols}x{rows}{' (light terminal)' if light_terminal else ''}: "
                                    f"{r}:1 #{fg} on #{bg} in row {y}: {text.strip()[:60]}")
    assert measured > 1000 * len(views), measured
    assert not failures, "\n".join(failures)


def test_every_text_cell_reaches_4_5_to_1_at_160x48(binary):
    check(binary, 160, 48, VIEWS)


def test_every_text_cell_reaches_4_5_to_1_at_80x24(binary):
    check(binary, 80, 24, ["overview", "help", "risks", "risk:CS-03", "indicator:initial-decisions", "wall:1"])


def test_the_measure_finds_low_contrast(_binary):
    # Dim grey on the old selection grey, and the light theme's old teal on white: both below 4.5:1.
    assert round(contrast_check.ratio("8a8a8a", "3a3a3a"), 2) == 3.29
    assert round(contrast_check.ratio("008787", "ffffff"), 2) == 4.36
    frame = b"\x1b[38;2;138;138;138;48;2;58;58;58mdim\x1b[0m \xe2\x94\x80\xe2\xa0\x81 ok\n"
    n, low = contrast_check.measure(frame, 20, 2)
    assert n == 5 and len(low) == 3, (n, low)
