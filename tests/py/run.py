#!/usr/bin/python3.11
"""Run the tests/py scripts on stmpy and compare with CPython 3.11, the oracle.

Usage: run.py STMPY [--list FILE] [--update-list] [--jobs N] [--timeout S]
              [--no-cache] [-v] [PATH...]

Each script runs twice with the same argv, working directory (the script's own
folder), stdin and environment: once under /usr/bin/python3.11 and once under
STMPY.  stdout, stderr and the exit status must match exactly.  CPython's results
are cached in build-py-expected/ at the repository root, keyed by a hash of
everything that can change them (the script, its directives, its area's helper
files, its path and the oracle binary), so a rerun only runs STMPY.

With --list FILE (the ratchet, tests/py/passing.txt) only the scripts named in
FILE count as failures; the others are run too, and the runner says how many of
them now pass (--update-list adds them to FILE).  See tests/py/README.md.
"""

import argparse
import base64
import concurrent.futures
import difflib
import hashlib
import json
import os
import shlex
import signal
import subprocess
import sys
import time

ORACLE = "/usr/bin/python3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE_DIR = os.path.join(ROOT, "build-py-expected")
# Both interpreters get exactly this environment on top of the caller's.
ENV_FIXED = {
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
}
# Variables that would make the two runs differ for reasons unrelated to stmpy.
ENV_DROPPED = ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS",
               "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONSAFEPATH",
               "PYTHONNOUSERSITE", "PYTHONOPTIMIZE", "PYTHONDEVMODE")
DIFF_LINES = 24


def is_script(path):
    """A test script is tests/py/<area>/<name>.py, <name> not starting with '_'."""
    rel = os.path.relpath(os.path.abspath(path), HERE)
    parts = rel.split(os.sep)
    return (len(parts) == 2 and parts[1].endswith(".py")
            and not parts[1].startswith("_") and not parts[0].startswith("."))


def discover(paths):
    found = []
    for p in paths or [HERE]:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames
                                     if d != "__pycache__" and not d.startswith("."))
                for f in sorted(filenames):
                    full = os.path.join(dirpath, f)
                    if is_script(full):
                        found.append(full)
        elif os.path.isfile(p) and is_script(p):
            found.append(p)
        else:
            sys.exit(f"run.py: not a test script or folder: {p}")
    return sorted(set(found))


def directives(path):
    """Read '# args: ...', '# stdin: ...' and '# timeout: S' from the leading comment lines."""
    args, stdin, timeout = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if body.startswith("args:"):
                args = shlex.split(body[5:])
            elif body.startswith("stdin:"):
                text = line.split("stdin:", 1)[1]
                text = text[1:] if text.startswith(" ") else text
                # Python escapes (\n, \t, \x20, \u00e9...) are decoded.
                text = text.rstrip("\n").encode("latin-1", "backslashreplace").decode("unicode_escape")
                stdin = (stdin or "") + text + "\n"
            elif body.startswith("timeout:"):
                timeout = float(body[8:])
    return args, stdin, timeout


def hash_dependent(path):
    """A '# hash-dependent' line among the leading comments exempts a script from the seed check."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                return False
            if line[1:].strip() == "hash-dependent":
                return True
    return False


def helper_files(area_dir):
    """Files of an area that are not test scripts: packages, _helpers, data."""
    out = []
    for dirpath, dirnames, filenames in os.walk(area_dir):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for f in sorted(filenames):
            full = os.path.join(dirpath, f)
            if not is_script(full) and not f.endswith((".pyc", ".pyo")):
                out.append(full)
    return out


def cache_key(path, args, stdin):
    h = hashlib.sha256()
    st = os.stat(ORACLE)
    h.update(f"v3\0{ORACLE}\0{st.st_size}\0{st.st_mtime_ns}\0{path}\0".encode())
    h.update(json.dumps([args, stdin, ENV_FIXED]).encode())
    with open(path, "rb") as f:
        h.update(hashlib.sha256(f.read()).digest())
    for helper in helper_files(os.path.dirname(path)):
        h.update(os.path.relpath(helper, HERE).encode() + b"\0")
        with open(helper, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def run_one(exe, path, args, stdin, timeout, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ENV_DROPPED}
    env.update(ENV_FIXED)
    env.update(env_extra or {})
    start = time.monotonic()
    try:
        # A session of its own, so that a timeout kills whatever the program started too.
        p = subprocess.Popen([exe, os.path.basename(path)] + args,
                             cwd=os.path.dirname(path), env=env, start_new_session=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    except OSError as e:
        return {"stdout": b"", "stderr": b"", "rc": f"cannot run: {e}", "secs": 0.0}
    data = stdin.encode("utf-8") if stdin is not None else b""
    try:
        out, err = p.communicate(data, timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = p.communicate()
        rc = f"timeout after {timeout}s"
    return {"stdout": out, "stderr": err, "rc": rc, "secs": time.monotonic() - start}


def expected(path, args, stdin, timeout, use_cache):
    key = cache_key(path, args, stdin)
    cfile = os.path.join(CACHE_DIR, key + ".json")
    if use_cache and os.path.exists(cfile):
        with open(cfile) as f:
            d = json.load(f)
        return {"stdout": base64.b64decode(d["stdout"]),
                "stderr": base64.b64decode(d["stderr"]), "rc": d["rc"]}
    r = run_one(ORACLE, path, args, stdin, timeout)
    if isinstance(r["rc"], int):
        os.makedirs(CACHE_DIR, exist_ok=True)
        tmp = f"{cfile}.{os.getpid()}.tmp"
        with open(tmp, "w") as f:
            json.dump({"script": os.path.relpath(path, ROOT), "rc": r["rc"],
                       "stdout": base64.b64encode(r["stdout"]).decode(),
                       "stderr": base64.b64encode(r["stderr"]).decode()}, f)
        os.replace(tmp, cfile)
    return r


def stream_diff(name, want, got):
    a = want.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    b = got.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, f"{name} (python3.11)", f"{name} (stmpy)", n=2))
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)\n"]
    return "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n"
                   for l in lines)


def check(stmpy, path, timeout, use_cache):
    args, stdin, own_timeout = directives(path)
    t = own_timeout or timeout
    want = expected(path, args, stdin, t, use_cache)
    if not isinstance(want["rc"], int):
        return False, f"  the oracle itself failed: {want['rc']}\n", 0.0
    got = run_one(stmpy, path, args, stdin, t)
    report = ""
    for name in ("stdout", "stderr"):
        if want[name] != got[name]:
            report += stream_diff(name, want[name], got[name])
    if want["rc"] != got["rc"]:
        report += f"  exit status: python3.11 {want['rc']}, stmpy {got['rc']}\n"
    return report == "", report, got["secs"]


def check_oracle(path, timeout):
    """Run the oracle three times: twice as the runner does, once with another hash seed."""
    args, stdin, own_timeout = directives(path)
    t = own_timeout or timeout
    runs = [run_one(ORACLE, path, args, stdin, t) for _ in range(2)]
    runs.append(run_one(ORACLE, path, args, stdin, t, {"PYTHONHASHSEED": "12345"}))
    key = lambda r: (r["stdout"], r["stderr"], r["rc"])
    problems = []
    if not all(isinstance(r["rc"], int) for r in runs):
        problems.append(f"the oracle failed: {[r['rc'] for r in runs]}")
    elif key(runs[0]) != key(runs[1]):
        problems.append("NONDETERMINISTIC: two identical runs differ")
    elif key(runs[0]) != key(runs[2]) and not hash_dependent(path):
        problems.append("HASH-DEPENDENT: output changes with PYTHONHASHSEED")
    if max(r["secs"] for r in runs) > 1.0:
        problems.append(f"SLOW: {max(r['secs'] for r in runs):.2f}s on CPython")
    return problems


def read_list(path):
    names = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    names.append(line)
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stmpy", help="the interpreter under test")
    ap.add_argument("paths", nargs="*", help="scripts or folders (default: all of tests/py)")
    ap.add_argument("--list", help="ratchet file: only its scripts count as failures")
    ap.add_argument("--update-list", action="store_true",
                    help="add the unlisted scripts that now pass to the --list file")
    ap.add_argument("--listed-only", action="store_true",
                    help="with --list, run only the listed scripts (what make test does)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per script run")
    ap.add_argument("--no-cache", action="store_true",
                    help="rerun CPython instead of reading build-py-expected/")
    ap.add_argument("--check-oracle", action="store_true",
                    help="check the scripts themselves (STMPY unused): CPython's output must be "
                         "identical over two runs and another hash seed, in under a second")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print every script's result, and unlisted failures' diffs")
    opts = ap.parse_intermixed_args()
    if opts.update_list and not opts.list:
        ap.error("--update-list needs --list")

    stmpy = opts.stmpy
    if os.sep in stmpy:
        stmpy = os.path.abspath(stmpy)
    scripts = discover(opts.paths)
    if opts.check_oracle:
        bad = 0
        with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
            for s, problems in zip(scripts, pool.map(lambda p: check_oracle(p, opts.timeout), scripts)):
                if problems:
                    bad += 1
                    print(f"{os.path.relpath(s, HERE)}: " + "; ".join(problems))
        print(f"{len(scripts) - bad} passed, {bad} failed")
        return 1 if bad else 0
    listed = None
    if opts.list:
        listed = set(read_list(opts.list))
        for name in sorted(listed):
            if not os.path.exists(os.path.join(HERE, name)):
                print(f"warning: {opts.list} names a missing script: {name}")
        if opts.listed_only:
            scripts = [s for s in scripts if os.path.relpath(s, HERE) in listed]

    passed, failed, newly = 0, 0, []
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        futs = [pool.submit(check, stmpy, s, opts.timeout, not opts.no_cache) for s in scripts]
        for s, fut in zip(scripts, futs):
            ok, report, secs = fut.result()
            rel = os.path.relpath(s, HERE)
            counts = listed is None or rel in listed
            if ok:
                passed += 1
                if not counts:
                    newly.append(rel)
                if opts.verbose:
                    print(f"ok   {rel} ({secs:.2f}s)")
            elif counts:
                failed += 1
                print(f"FAIL {rel}\n{report}", end="", flush=True)
            elif opts.verbose:
                print(f"fail {rel} (not listed)\n{report}", end="", flush=True)
    if listed is not None:
        print(f"{len(newly)} unlisted scripts now pass"
              + ("" if opts.update_list or not newly else " (--update-list adds them)"))
        if opts.update_list and newly:
            with open(opts.list, "a") as f:
                for rel in newly:
                    f.write(rel + "\n")
            print(f"added {len(newly)} scripts to {opts.list}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
