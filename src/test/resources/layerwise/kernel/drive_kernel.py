"""Drives a Jupyter kernel with jupyter_client for the kernel tests: runs cells, optionally interrupts
them, times kernel starts, and writes one JSON transcript to the file named by its argument.

stdin: {"kernel": "layerwise", "starts": 2, "cells": [{"code": "1 + 2", "interrupt_after": 1.0}],
        "complete": ["var m = new Sequ"]}
"""
import json
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel



def start(name, attempts=3):
    # Jupyter picks the ports and the kernel binds them a moment later; on a busy machine another process
    # may take one in between ("Address already in use") and the kernel dies. Then start anew.
    for attempt in range(attempts):
        t0 = time.time()
        try:
            km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
            return km, kc, time.time() - t0
        except RuntimeError:
            if attempt == attempts - 1:
                raise


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def run_cell(km, kc, cell):
    msg_id = kc.execute(cell["code"])
    if cell.get("interrupt_after"):
        threading.Timer(cell["interrupt_after"], km.interrupt_kernel).start()
    outputs, t0 = [], time.time()
    while True:
        msg = kc.get_iopub_msg(timeout=cell.get("timeout", 120))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            break
        if kind == "stream":
            outputs.append({"type": kind, "name": content["name"], "text": content["text"]})
        elif kind in ("execute_result", "display_data", "update_display_data"):
            outputs.append({"type": kind, "data": content["data"],
                            "display_id": content.get("transient", {}).get("display_id")})
        elif kind == "error":
            outputs.append({"type": kind, "ename": content["ename"], "evalue": content["evalue"],
                            "traceback": content["traceback"]})
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id and reply["msg_type"] == "execute_reply":
            break
    return {"status": reply["content"]["status"], "seconds": time.time() - t0, "outputs": outputs}


def main():
    request = json.load(sys.stdin)
    name = request.get("kernel", "layerwise")
    result = {"start_seconds": []}
    # The first start warms the file cache and the JVM's class data; the next ones are what a user waits for.
    for _ in range(request.get("starts", 0)):
        km, kc, seconds = start(name)
        result["start_seconds"].append(seconds)
        stop(km, kc)
    km, kc, seconds = start(name)
    result["start_seconds"].append(seconds)
    try:
        result["cells"] = [run_cell(km, kc, c) for c in request.get("cells", [])]
        result["completions"] = []
        for code in request.get("complete", []):
            reply = kc.complete(code, len(code), reply=True, timeout=60)["content"]
            result["completions"].append(reply["matches"])
        result["alive"] = km.is_alive()
    finally:
        # Never leave a kernel running behind a failed test.
        if km.is_alive():
            stop(km, kc)
    with open(sys.argv[1], "w") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main()
