"""The read-only guarantee: no command writes into the data directory or beside it. Every command runs against
a read-only copy (chmod -R a-w) of clean, hostile and broken data; afterwards every file and directory there
has the same size, mode and modification time, and nothing was added. Run as the invoking user (root, to
whom chmod is no barrier, so that a write would happen and be seen) and, when root, as nobody too (so
that a command that needed to write would fail)."""
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Corpus"))
SAMPLE = os.path.join(ROOT, "sample-data", "gloucestershire")
HOSTILE = os.path.join(ROOT, "Tests", "Corpus", "extreme", "hostile-text")
BROKEN = os.path.join(ROOT, "Tests", "Corpus", "bad", "csv-non-numeric")


def tree(path):
    out = {}
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            p = os.path.join(root, name)
            st = os.lstat(p)
            out[p] = (st.st_size, st.st_mtime_ns, stat.S_IMODE(st.st_mode))
    st = os.lstat(path)
    out[path] = (st.st_mtime_ns, stat.S_IMODE(st.st_mode))
    return out


def commands(d):
    """Every command and format csdash has, on directory d."""
    out = [["check", d], ["--help"], ["--version"], ["check", "--help"], ["report", "--help"], ["snapshot", "--help"]]
    out += [["report", d, "--format", f] for f in ("text", "markdown", "csv", "json")]
    out += [["snapshot", d, "--size", s, "--view", v, "--color", "always"]
            for s in ("80x24", "200x60") for v in ("overview", "risks", "help")]
    return out


def dashboard(binary, d, user, keys=("j", "Enter", "!", "Escape", "r", "q")):
    sock = f"csdash-e2e-ro-{os.getpid()}-{time.monotonic_ns()}"
    tm = lambda *a: subprocess.run(["tmux", "-L", sock, *a], capture_output=True, text=True, timeout=20).stdout
    tm("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-c", os.path.dirname(d),
       "-e", "TERM=xterm-256color", "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8",
       f"{' '.join(user)} {binary} {d}; echo RO-EXITED $?; sleep 30")
    try:
        end = time.time() + 10
        while "›" not in tm("capture-pane", "-p") and time.time() < end:
            time.sleep(0.05)
        for k in keys:
            tm("send-keys", k)
            time.sleep(0.15)
        end = time.time() + 10
        while "RO-EXITED" not in tm("capture-pane", "-p") and time.time() < end:
            time.sleep(0.05)
        s = tm("capture-pane", "-p")
        assert "RO-EXITED 0" in s, s
    finally:
        tm("kill-server")


def test_no_command_writes_into_or_beside_the_data(binary):
    base = tempfile.mkdtemp(prefix="csdash-readonly-")
    try:
        dirs = []
        for src in (SAMPLE, HOSTILE, BROKEN):
            dst = os.path.join(base, os.path.basename(src))
            shutil.copytree(src, dst, symlinks=True)
            dirs.append(dst)
        os.chmod(base, 0o755)
        subprocess.run(["chmod", "-R", "a-w", base], check=True)
        users = [[]]
        if os.geteuid() == 0 and shutil.which("setpriv"):
            users.append(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        before = tree(base)
        time.sleep(0.01)  # an mtime written now would differ from the one recorded
        env = {k: v for k, v in os.environ.items() if k != "CSDASH_DATA"}
        ran = 0
        for user in users:
            for d in dirs:
                for args in commands(d):
                    p = subprocess.run(user + [binary, *args], capture_output=True, text=True, cwd=base, env=env,
                                       timeout=60, errors="replace")
                    expected = (65,) if d.endswith("csv-non-numeric") and d in args else (0,)
                    assert p.returncode in expected, (user, args, p.returncode, p.stderr[-400:])
                    ran += 1
            dashboard(binary, dirs[0], user)
            dashboard(binary, dirs[2], user, keys=("!", "j", "Enter", "Escape", "Escape", "q"))  # partial data
            ran += 2
        after = tree(base)
        assert after == before, "changed: " + ", ".join(
            sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p)))
        assert ran >= 50, ran
    finally:
        subprocess.run(["chmod", "-R", "u+w", base])
        shutil.rmtree(base, ignore_errors=True)
