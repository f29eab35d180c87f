"""Print the dotted value keys of a chart's values.yaml, for plugins/module_utils/chart_keys_data.py.

usage: python scripts/chart_keys.py NAME VERSION VALUES.yaml [PREFIX]

A key whose default is an empty mapping is free-form (NAME.*): charts take any
sub-keys there (annotations, resources, raw configuration). Run by a maintainer
when a pinned chart version changes; the output is the list of key names only.
"""
import sys

import yaml


def walk(node, prefix, out):
    for key, value in node.items():
        path = "%s.%s" % (prefix, key) if prefix else str(key)
        out.add(path)
        if isinstance(value, dict):
            if value:
                walk(value, path, out)
            else:
                out.add(path + ".*")


def main():
    name, version, path = sys.argv[1:4]
    prefix = sys.argv[4] if len(sys.argv) > 4 else ""
    with open(path) as handle:
        values = yaml.safe_load(handle) or {}
    keys = set()
    walk(values, prefix, keys)
    print("    (%r, %r): frozenset(\"\"\"" % (name, version))
    line = "   "
    for key in sorted(keys):
        if len(line) + len(key) + 1 > 110:
            print(line)
            line = "   "
        line += " " + key
    print(line)
    print("\"\"\".split()),")


if __name__ == "__main__":
    main()
