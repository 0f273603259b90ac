#!/usr/bin/env python3
"""Opens a .keras or .weights.h5 file the way Python Keras does (zipfile, json, h5py, i.e. the
reference HDF5 library) and lists its parts, so a file written by jkeras can be checked on a
machine without Keras. Usage: tools/inspect-keras-file.py FILE [FILE ...]"""
import io
import json
import sys
import zipfile

import h5py


def check_vars_groups(h5):
    """Keras reads each saveable's datasets as vars/0 .. vars/n-1: report any gap."""
    problems = []

    def visit(name, obj):
        if isinstance(obj, h5py.Group) and name.split("/")[-1] == "vars":
            keys = sorted(obj.keys(), key=lambda k: int(k) if k.isdigit() else -1)
            if keys != [str(i) for i in range(len(keys))]:
                problems.append(f"{name}: datasets {keys}, expected 0..{len(keys) - 1}")

    h5.visititems(visit)
    return problems


def show_h5(h5):
    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            print(f"  {name} {obj.shape} {obj.dtype}")
    h5.visititems(visit)
    problems = check_vars_groups(h5)
    for p in problems:
        print("  PROBLEM:", p)
    return not problems


def inspect(path):
    print(path)
    if path.endswith(".keras"):
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            print("  entries:", names)
            config = json.loads(z.read("config.json"))
            print("  model:", config["class_name"], config["config"].get("name"))
            print("  compiled:", config.get("compile_config") is not None)
            print("  metadata:", json.loads(z.read("metadata.json")))
            with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as h5:
                return show_h5(h5)
    with h5py.File(path, "r") as h5:
        return show_h5(h5)


if __name__ == "__main__":
    ok = all([inspect(p) for p in sys.argv[1:]])
    sys.exit(0 if ok else 1)
