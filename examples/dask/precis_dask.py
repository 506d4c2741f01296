#!/usr/bin/python3
"""Run `precis batch` over a corpus on a Dask distributed cluster.

The work is split by file: the client asks precis which files a local run
would summarise, in which order (`precis batch --list`), cuts that list into
chunks, and each task runs `precis batch -j1 --files-from -` on one chunk on
some worker. The records come back and are written in chunk order, so the
output is the same, record for record and in the same order, as one local

    precis batch [SUMMARY OPTIONS] PATH...

(only the "elapsed_ms" timings differ). A document that fails is an error
record like in a local run; a task fails only if precis itself does.

Usage:
    precis_dask.py --scheduler tcp://HOST:PORT [-o OUT] [--precis BIN]
                   [--files-per-task N] [--include GLOB] [--exclude GLOB]
                   PATH... [-- SUMMARY OPTIONS]

Only what a local run would summarise is sent to the cluster: a special
file or an unreadable folder met in a walk is reported by `precis batch
--list` on this machine's standard error, where a local run would write a
record for it.

Every worker needs the precis binary at the same path (--precis) and the
corpus at the same paths as the client (a shared file system, or the same
checkout on each machine); relative PATHs are resolved from the client's
current folder on the workers too. Exit status as for precis batch: 0 all
ok, 7 some documents failed; 1 when a task failed.

Needs Debian's python3-distributed (run with /usr/bin/python3).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def run_chunk(precis, cwd, options, paths):
    """Runs on a worker: summarise `paths` with one precis process.

    -j1: Dask already runs one task per worker thread; more threads per
    task would only compete for the same cores."""
    proc = subprocess.run(
        [precis, "batch", "-j1", "--quiet", "--files-from", "-", *options],
        input=b"".join(os.fsencode(p) + b"\n" for p in paths),
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    # 0: all ok; 7: some documents failed, each with its error record.
    if proc.returncode not in (0, 7):
        raise RuntimeError(f"precis batch exited with {proc.returncode} on a chunk starting "
                           f"at {paths[0]!r}: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout


def list_inputs(precis, paths, include, exclude, options):
    """The files a local `precis batch PATH...` would read, in its order."""
    cmd = [precis, "batch", "--list"]
    cmd += [a for g in include for a in ("--include", g)]
    cmd += [a for g in exclude for a in ("--exclude", g)]
    proc = subprocess.run(cmd + options + ["--"] + paths, stdout=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 7):
        sys.exit(proc.returncode)
    # Paths are bytes to the OS; keep them so (surrogateescape round trip).
    return [os.fsdecode(p) for p in proc.stdout.split(b"\n") if p]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler", required=True, help="scheduler address, tcp://HOST:PORT")
    ap.add_argument("-o", "--output", help="write the records here (default: stdout)")
    ap.add_argument("--precis", default=shutil.which("precis") or "precis",
                    help="the precis binary, same path on every worker")
    ap.add_argument("--files-per-task", type=int, default=200,
                    help="documents per task (default 200)")
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("paths", nargs="+", metavar="PATH")
    argv = sys.argv[1:]
    options = []
    if "--" in argv:
        options = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = ap.parse_args(argv)
    precis = os.path.abspath(args.precis) if os.sep in args.precis else args.precis

    from distributed import Client  # imported late: --help works without it

    files = list_inputs(precis, args.paths, args.include, args.exclude, options)
    n = max(1, args.files_per_task)
    chunks = [files[i:i + n] for i in range(0, len(files), n)]
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    counts = {"ok": 0, "error": 0, "skipped": 0}
    workers = set()
    with Client(args.scheduler) as client:
        # pure=False: two identical chunks (the same files twice) are still
        # two tasks, as they would be two runs.
        futures = client.map(run_chunk, [precis] * len(chunks), [os.getcwd()] * len(chunks),
                             [options] * len(chunks), chunks, pure=False)
        # In chunk order, so the output is in input order; the later chunks
        # keep running on the cluster while the first ones are written.
        for fut in futures:
            data = fut.result()
            workers.update(*client.who_has(fut).values())
            out.write(data)
            for line in data.splitlines():
                counts[json.loads(line)["status"]] += 1
            fut.release()
    out.flush()
    if args.output:
        out.close()
    print(f"precis_dask: {counts['ok']} ok, {counts['error']} failed, {counts['skipped']} "
          f"skipped in {len(chunks)} tasks on {len(workers)} workers", file=sys.stderr)
    return 7 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
