"""Times the installed Layerwise kernel as a notebook user meets it, with a real Jupyter client:
how long a kernel takes to start (until it answers kernel_info), and the round trip of a trivial cell
(`1 + 1`: execute_request sent until execute_reply and the idle status are back). Medians, because the
machine may be busy. Run through `./layerwise bench --kernel`, which installs the kernel first.

usage: bench.py KERNEL_NAME [STARTS] [CELLS]
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def start(name):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    return km, kc, time.perf_counter() - t0


def round_trip(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = None
    idle = False
    while reply is None or not idle:
        if reply is None:
            msg = kc.get_shell_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        if not idle:
            msg = kc.get_iopub_msg(timeout=60)
            idle = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle")
    assert reply["content"]["status"] == "ok", reply["content"]
    return time.perf_counter() - t0


def cpu_seconds(km):
    """User + system CPU time the kernel process has used: what a cell costs, however busy the machine."""
    pid = km.provisioner.process.pid
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    name = sys.argv[1]
    starts = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    cells = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    start_times = []
    for _ in range(starts):
        km, kc, seconds = start(name)
        start_times.append(seconds)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km, kc, _ = start(name)
    try:
        first = round_trip(kc, "1 + 1")
        for _ in range(20):
            round_trip(kc, "1 + 1")
        cpu0 = cpu_seconds(km)
        trips = [round_trip(kc, "1 + 1") for _ in range(cells)]
        cpu = (cpu_seconds(km) - cpu0) / cells
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("kernel start:     median %.2f s (of %d: %s)" % (statistics.median(start_times), starts,
                                                           ", ".join("%.2f" % s for s in start_times)))
    print("first cell 1 + 1: %.0f ms" % (first * 1000))
    print("cell 1 + 1:       median %.1f ms, fastest %.1f ms, 90th percentile %.1f ms (of %d, after 20 warm-up)"
          % (statistics.median(trips) * 1000, min(trips) * 1000, sorted(trips)[int(len(trips) * 0.9)] * 1000, cells))
    print("kernel CPU time per cell 1 + 1: %.1f ms" % (cpu * 1000))


if __name__ == "__main__":
    main()
