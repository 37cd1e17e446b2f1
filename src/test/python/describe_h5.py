"""Prints every group and dataset of an HDF5 file (or of the model.weights.h5 inside a .keras file)
as JSON lines, as h5py sees them: {"path": ..., "kind": "group"|"dataset", "shape": [...], "dtype": ...}.

usage: describe_h5.py FILE
"""
import io
import json
import sys
import zipfile

import h5py

path = sys.argv[1]
source = io.BytesIO(zipfile.ZipFile(path).read("model.weights.h5")) if path.endswith(".keras") else path
with h5py.File(source, "r") as h5:
    print(json.dumps({"path": "", "kind": "group", "attrs": sorted(h5.attrs.keys())}))

    def show(name, obj):
        if isinstance(obj, h5py.Dataset):
            print(json.dumps({"path": name, "kind": "dataset", "shape": list(obj.shape), "dtype": str(obj.dtype)}))
        else:
            print(json.dumps({"path": name, "kind": "group"}))

    h5.visititems(show)
