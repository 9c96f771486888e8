"""Themes, colour and the config file from the command line: precedence, NO_COLOR, --color, --depth, exit 78."""
import os
import re
import subprocess
import tempfile
from tmux_session import TmuxSession

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample-data", "gloucestershire")


def run(binary, *args, env=None, cfg=None):
    e = {k: v for k, v in os.environ.items() if k not in ("CSDASH_DATA", "NO_COLOR", "COLORTERM")}
    e["XDG_CONFIG_HOME"] = cfg or tempfile.mkdtemp(prefix="csdash-cfg-")
    e["TERM"] = "xterm-256color"
    e.update(env or {})
    p = subprocess.run([binary, *args], capture_output=True, text=True, env=e, timeout=60)
    return p.returncode, p.stdout, p.stderr


def config_home(config=None, themes=None):
    home = tempfile.mkdtemp(prefix="csdash-cfg-")
    os.makedirs(os.path.join(home, "csdash", "themes"))
    if config is not None:
        with open(os.path.join(home, "csdash", "config.yaml"), "w") as f:
            f.write(config)
    for name, text in (themes or {}).items():
        with open(os.path.join(home, "csdash", "themes", name), "w") as f:
            f.write(text)
    return home


def setting(out, key):
    for line in out.splitlines():
        if line.startswith(key + " "):
            return re.split(r"\s{2,}", line.strip())
    raise AssertionError(f"no {key} in:\n{out}")


def test_config_file_then_command_line(binary):
    home = config_home("theme: light\ncolor: never\ndepth: 16\nascii: yes\nwall:\n  dwell: 30\n")
    path = os.path.join(home, "csdash", "config.yaml")
    code, out, err = run(binary, "config", cfg=home)
    assert code == 0, err
    assert setting(out, "theme")[1:] == ["light [built in]", f"config {path}:1"], setting(out, "theme")
    assert setting(out, "color")[1:] == ["never", f"config {path}:2"], out
    assert setting(out, "depth")[1:] == ["16", f"config {path}:3"], out
    assert setting(out, "ascii")[1:] == ["true", f"config {path}:4"], out
    assert setting(out, "wall.dwell")[1:] == ["30 s", f"config {path}:6"], out
    assert setting(out, "wall.stale-after")[1:] == ["100 days", "default"], out
    code, out, _ = run(binary, "config", "--theme", "mono", "--color", "always", cfg=home)
    assert setting(out, "theme")[1:] == ["mono [built in]", "command line --theme"], out
    assert setting(out, "color")[1:] == ["always", "command line --color"], out
    code, out, _ = run(binary, "config", "--no-ascii", cfg=home)
    assert setting(out, "ascii")[1:] == ["false", "command line --no-ascii"], out
    # The file's color: never makes snapshots plain; --color always on the command line wins.
    code, out, _ = run(binary, "snapshot", SAMPLE, "--size", "80x24", cfg=home)
    assert code == 0 and "\x1b[" not in out and "x14 ~7 +5" in out, out[:300]
    code, out, _ = run(binary, "snapshot", SAMPLE, "--size", "80x24", "--color", "always", cfg=home)
    assert code == 0 and re.search(r"\x1b\[[0-9;]*38;5;", out), out[:300]
    assert not re.search(r"38;5;(1[6-9]|[2-9]\d|\d{3})m", out), "depth 16 from the file: no colour above 15"


def test_broken_config_named_on_the_command_line_exits_78(binary):
    home = config_home()
    bad = os.path.join(home, "bad.yaml")
    with open(bad, "w") as f:
        f.write("theme: light\ncolor: sometimes\n")
    code, out, err = run(binary, "snapshot", SAMPLE, "--config", bad, cfg=home)
    assert code == 78, (code, err)
    assert f"{bad}:2: error: color 'sometimes' is not one of: auto, always, never" in err, err
    code, _, err = run(binary, "report", SAMPLE, "--config", os.path.join(home, "missing.yaml"), cfg=home)
    assert code == 78 and "missing.yaml: error: no such config file" in err, (code, err)


def test_broken_default_config_falls_back_with_a_notice(binary):
    home = config_home("theme: [light\n")
    code, out, err = run(binary, "snapshot", SAMPLE, "--size", "100x30", cfg=home)
    assert code == 0, err
    assert "config.yaml:2:1: error: YAML syntax" in err and "csdash: warning:" in err, err
    last = out.rstrip("\n").splitlines()[-1]
    assert "has errors, so the defaults are used" in last, last
    code, out, _ = run(binary, "config", cfg=home)
    assert "(has errors: defaults used)" in setting(out, "config file")[1], out


def test_theme_errors(binary):
    code, _, err = run(binary, "snapshot", SAMPLE, "--theme", "nope", "--color", "never")
    assert code == 64, (code, err)
    assert "no theme 'nope' (themes: default, light, high-contrast, colour-blind, mono;" in err, err
    bad = os.path.join(tempfile.mkdtemp(), "bad.yaml")
    with open(bad, "w") as f:
        f.write("name: bad\nroles:\n  wrose: {fg: red}\n  text: {fg: \"#12\"}\n")
    code, _, err = run(binary, "snapshot", SAMPLE, "--theme", bad)
    assert code == 78, (code, err)
    assert f"{bad}:3: error: unknown role 'wrose'" in err and f"{bad}:4: error: text.fg: bad colour '#12'" in err, err
    # A broken theme in the config file is not fatal: default is used, with a warning.
    home = config_home("theme: paper\n", {"paper.yaml": "roles:\n  text: {fg: 999}\n"})
    code, out, err = run(binary, "snapshot", SAMPLE, "--size", "100x30", "--color", "always", cfg=home)
    assert code == 0 and "paper.yaml:2: error: text.fg: bad colour '999'" in err, err


def test_no_color_and_color_modes(binary):
    args = ["snapshot", SAMPLE, "--size", "80x24"]
    _, out, _ = run(binary, *args, env={"NO_COLOR": "1"})
    assert "\x1b[" not in out
    _, out, _ = run(binary, *args, "--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" in out and "38;5;" in out, "--color always wins over NO_COLOR"
    _, out, _ = run(binary, *args, "--color", "always", env={"NO_COLOR": ""})
    assert "38;5;" in out, "an empty NO_COLOR is not set"
    _, out, _ = run(binary, *args, "--color", "never")
    assert "\x1b[" not in out
    _, out, _ = run(binary, *args, "--color", "auto")
    assert "\x1b[" not in out, "auto into a pipe is plain"


def test_depths(binary):
    args = ["snapshot", SAMPLE, "--size", "100x30", "--color", "always", "--theme", "colour-blind"]
    _, out, _ = run(binary, *args, "--depth", "24bit")
    assert "38;2;86;180;233" in out, "24-bit: the theme's #56B4E9"
    _, out, _ = run(binary, *args, "--depth", "256")
    assert "38;2;" not in out and "38;5;74" in out
    _, out, _ = run(binary, *args, "--depth", "8")
    nums = [int(n) for n in re.findall(r"[34]8;5;(\d+)", out)]
    assert nums and max(nums) < 8, sorted(set(nums))
    _, out, _ = run(binary, *args, "--depth", "mono")
    assert "\x1b[" in out and not re.search(r"[34]8;", out), "mono: attributes only"
    _, out, _ = run(binary, *args, env={"COLORTERM": "truecolor"})
    assert "38;2;86;180;233" in out, "COLORTERM=truecolor means 24-bit"
    code, _, err = run(binary, *args, "--depth", "12")
    assert code == 64 and "--depth must be auto, 24bit, 256, 16, 8 or mono" in err, (code, err)


def test_user_theme_folder_overrides_a_shipped_theme(binary):
    home = config_home(None, {"light.yaml": "name: light\nroles:\n  worse: {fg: \"#ff00ff\"}\n"})
    _, out, _ = run(binary, "snapshot", SAMPLE, "--theme", "light", "--color", "always", "--depth", "24bit", cfg=home)
    assert "38;2;255;0;255" in out
    _, out, _ = run(binary, "config", cfg=home)
    assert os.path.join(home, "csdash", "themes", "light.yaml") not in setting(out, "theme")[1]
    _, out, _ = run(binary, "config", "--theme", "light", cfg=home)
    assert os.path.join(home, "csdash", "themes", "light.yaml") in setting(out, "theme")[1], out


def test_completion_scripts(binary):
    for shell, marker in [("bash", "complete"), ("zsh", "#compdef csdash"), ("fish", "complete -c 'csdash'")]:
        code, out, err = run(binary, "--generate-completion-script", shell)
        assert code == 0 and marker in out and "colour-blind" in out, (shell, err)


def test_example_config_is_valid(binary):
    home = config_home()
    code, example, _ = run(binary, "config", "--example", cfg=home)
    path = os.path.join(home, "example.yaml")
    with open(path, "w") as f:
        f.write(example)
    code, out, err = run(binary, "config", "--config", path, env={"HOME": home}, cfg=home)
    assert code == 0, err
    assert setting(out, "data")[1:] == [os.path.join(home, "performance/gloucestershire"), f"config {path}:3"], out


class Term(TmuxSession):
    """The dashboard in tmux (an isolated server) with a chosen environment."""

    def __init__(self, binary, env, w=100, h=30):
        envs = " ".join(f"{k}={v}" for k, v in env.items())
        super().__init__(f"env {envs} {binary} {SAMPLE}; echo CSDASH-EXITED $?; sleep 60", w=w, h=h,
                         env={"TERM": None, "LANG": None, "LC_ALL": None}, name="csdash-e2e-cfg")


COLOUR = re.compile(r"\x1b\[[0-9;]*?(?:(?<![0-9])(?:3[0-7]|4[0-7]|9[0-7]|10[0-7])(?:[;m])|38;|48;)")


def test_dashboard_depths_no_color_and_t(binary):
    cfg = config_home()
    base = {"XDG_CONFIG_HOME": cfg, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    t = Term(binary, {**base, "TERM": "xterm"})
    try:
        s = t.wait("Social care", escapes=True)
        nums = [int(n) for n in re.findall(r"[34]8;5;(\d+)", s)]
        assert "38;2;" not in s and all(n < 8 for n in nums), f"TERM=xterm: 8 colours only, got {sorted(set(nums))}"
        assert COLOUR.search(s), "TERM=xterm: some colour"
        t.tmux("send-keys", "t")
        assert " theme: light (2 of 5; t for the next)" in t.wait("theme: light (2 of 5")
        t.tmux("send-keys", "j")
        t.wait_gone("theme: light (2 of 5")  # any key clears the notice
        t.tmux("send-keys", "q")
        t.wait("CSDASH-EXITED 0")
    finally:
        t.close()
    t = Term(binary, {**base, "TERM": "xterm-256color", "NO_COLOR": "1"})
    try:
        s = t.wait("Social care", escapes=True)
        assert not COLOUR.search(s), "NO_COLOR: no colour at all"
        selected = [line for line in s.splitlines() if "Contacts" in line and "8,900" in line][0]
        assert "\x1b[" in selected and not re.search(r"\x1b\[[0-9;]*\b7m", selected), \
            f"the selected row is marked, but not in reverse video: {selected!r}"
        t.tmux("send-keys", "q")
        t.wait("CSDASH-EXITED 0")
    finally:
        t.close()


def test_dashboard_truecolor_through_direct_terminfo(binary):
    """COLORTERM=truecolor under a 256-colour TERM: the dashboard opens the family's -direct terminfo entry
    (ncurses-term, installed by make deps) and sends 24-bit colours; without COLORTERM it sends 256."""
    cfg = config_home()
    base = {"XDG_CONFIG_HOME": cfg, "LANG": "C.UTF-8", "TERM": "tmux-256color"}
    for colorterm, want_rgb in [("truecolor", True), ("", False)]:
        t = Term(binary, {**base, "COLORTERM": colorterm}, w=100, h=30)
        try:
            t.tmux("send-keys", "t", "t", "t")  # the colour-blind theme (fourth)
            s = t.wait("theme: colour-blind (", escapes=True)
            if want_rgb:
                assert "38;2;86;180;233" in s, "COLORTERM=truecolor: the theme's #56B4E9 as 24-bit"
            else:
                assert "38;2;" not in s and "38;5;74" in s, "256 colours: #56B4E9 as 74"
            t.tmux("send-keys", "q")
            t.wait("CSDASH-EXITED 0")
        finally:
            t.close()
