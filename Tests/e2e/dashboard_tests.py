"""The dashboard in a real terminal: tmux with an isolated server, keys sent, screen read back."""
import os
import subprocess

from tmux_session import SAMPLE, TmuxSession


class Tmux(TmuxSession):
    """The dashboard on the sample data; when it ends the pane says CSDASH-EXITED and its status."""

    def __init__(self, binary, w=120, h=40):
        super().__init__(f"{binary} {SAMPLE}; echo CSDASH-EXITED $?; sleep 60", w=w, h=h)


def test_drill_down_back_resize_quit(binary):
    t = Tmux(binary)
    try:
        # A frame can be read back while tmux is still taking it in: wait for its last panel too.
        s = t.wait_for(lambda s: "Overview › Social care" in s and "4 Education" in s, "the whole first frame")
        assert "✗14 ≈7 ✓5" in s and "1 Social care" in s, s
        t.keys("j", "j", "Enter")
        s = t.wait("Initial decisions made within 24 hours")
        assert "Overview › Social care › Initial decisions 24h" in s, s
        assert "worse than target  target ≥90.0%, within 2.0pp below" in s, s
        t.keys("Enter")
        s = t.wait("Risk CS-01")
        assert "CS-01  Ineffective social care practice and oversight" in s, s
        t.keys("Escape")
        s = t.wait("› Initial decisions 24h\n")
        t.keys("Escape")
        s = t.wait("Overview › Social care\n")
        t.tmux("resize-window", "-x", "90", "-y", "30")
        s = t.wait(" 1 Social care ✗6 ")  # one panel at a time with a tab strip
        assert all(len(line) <= 90 for line in s.splitlines()), s
        t.tmux("resize-window", "-x", "70", "-y", "20")
        t.wait("terminal too small: 70x20, needs 80x24")
        t.tmux("resize-window", "-x", "120", "-y", "40")
        t.wait("2 Children in care")
        t.keys("q")
        s = t.wait("CSDASH-EXITED 0")
        assert "Overview" not in s, "the terminal is restored (alternate screen left): " + s
    finally:
        t.close()


def test_raw_key_sequences_never_misfire(binary):
    t = Tmux(binary)
    try:
        t.wait("Overview › Social care")
        # Unknown CSI, Insert/Delete, a mouse report, F5 and a bracketed paste full of command keys: all ignored.
        # Decoded byte by byte, ESC [ 9 9 ~ would be Esc, '[' (previous quarter), '9', '9', '~'.
        t.raw(b"\x1b[99~\x1b[2~\x1b[3~\x1b[<0;10;5M\x1b[15~")
        t.raw(b"\x1b[200~q[[r/f9\r\x1b[201~")
        # PuTTY's End (ESC [ 4 ~) then Enter: the last indicator of the panel opens.
        t.raw(b"\x1b[4~\r")
        s = t.wait("Overview › Social care › Open to social care")
        assert "Q2 21/22" in s and "viewing" not in s, "the quarter did not move: " + s
        # SS3 arrows and PuTTY's Home (ESC [ 1 ~) on the overview after a lone Esc.
        t.raw(b"\x1b")
        t.wait("Overview › Social care\n")
        t.raw(b"\x1b[1~\x1bOB\x1bOB\r")
        t.wait("Overview › Social care › Initial decisions 24h")
        t.raw(b"\x1b")
        t.wait("Overview › Social care\n")
        # On the "too small" screen only quit works: Enter and r do nothing.
        t.tmux("resize-window", "-x", "70", "-y", "20")
        t.wait("terminal too small")
        t.raw(b"r\rj\x1b[6~")
        t.tmux("resize-window", "-x", "120", "-y", "40")
        s = t.wait("2 Children in care")
        assert "Overview › Social care\n" in s and "Risk register" not in s, s
        t.raw(b"\x1bOP")  # F1 opens the help
        t.wait("any key closes")
        t.raw(b"q")
        t.wait("CSDASH-EXITED 0")
    finally:
        t.close()


def test_sigterm_restores_terminal(binary):
    t = Tmux(binary)
    try:
        t.wait("Overview › Social care")
        pid = subprocess.run(["pgrep", "-n", "-f", f"{binary} {SAMPLE}"], capture_output=True, text=True).stdout.strip()
        assert pid, "the dashboard is running"
        os.kill(int(pid), 15)
        s = t.wait("CSDASH-EXITED")
        assert "Overview" not in s, s
    finally:
        t.close()


def test_not_a_terminal(binary):
    p = subprocess.run([binary, SAMPLE], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    assert p.returncode == 1, p
    assert "needs a terminal" in p.stderr and "csdash report" in p.stderr and "csdash snapshot" in p.stderr, p.stderr
