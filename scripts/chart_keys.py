"""Write the dotted value keys of a chart's values.yaml to data/chart_keys/<NAME>_<VERSION>.txt.

usage: python scripts/chart_keys.py NAME VERSION VALUES.yaml [PREFIX] [--out DIR]

A key whose default is an empty mapping is free-form (NAME.*): charts take any sub-keys there
(annotations, resources, raw configuration). Run by a maintainer when a pinned chart version changes,
on the chart's values.yaml at that version; the file holds the key names only, sorted, one per line.
plugins/module_utils/chart_keys.py reads the files; tests/unit/test_chart_keys_data.py checks that
there is exactly one file per pinned chart version.
"""
import argparse
import os

import yaml

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "chart_keys")


def walk(node, prefix, out):
    for key, value in node.items():
        path = "%s.%s" % (prefix, key) if prefix else str(key)
        out.add(path)
        if isinstance(value, dict):
            if value:
                walk(value, path, out)
            else:
                out.add(path + ".*")


def keys_text(name, version, values, prefix=""):
    """The file's text for a chart's parsed values.yaml."""
    keys = set()
    walk(values or {}, prefix, keys)
    head = ("# Value keys of the %s chart %s, from its values.yaml (scripts/chart_keys.py).\n"
            "# A key ending in .* is a free-form map. Regenerate when the pin changes; do not edit.\n"
            % (name, version))
    return head + "".join(key + "\n" for key in sorted(keys))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("name")
    parser.add_argument("version")
    parser.add_argument("values")
    parser.add_argument("prefix", nargs="?", default="")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args(argv)
    with open(args.values) as handle:
        values = yaml.safe_load(handle)
    path = os.path.join(args.out, "%s_%s.txt" % (args.name, args.version))
    with open(path, "w") as handle:
        handle.write(keys_text(args.name, args.version, values, args.prefix))
    print(path)


if __name__ == "__main__":
    main()
