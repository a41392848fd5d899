"""dask-pipe.py OUT SKIP GLOB CMD...: pipe each partition of the JSON Lines
files GLOB through CMD on a Dask distributed cluster of two workers, as
ar-tools(7) shows; write the lines to OUT. SKIP lines are dropped from the
top of each partition's output (1 for a TSV header). Exit 0 or 1 from CMD
is fine (1: nothing found)."""
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster

out_path, skip, glob, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]


def pipe(lines):
    p = subprocess.run(cmd, text=True, capture_output=True,
                       input="\n".join(l.rstrip("\n") for l in lines) + "\n")
    assert p.returncode in (0, 1), p.stderr
    return p.stdout.splitlines()[skip:]


if __name__ == "__main__":
    # threads: worker processes would re-import the main script
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster):
        out = db.read_text(glob).map_partitions(pipe).compute()
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
