"""module_utils.host_files: entry checks and attribute comparison, without a filesystem."""

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.host_files import (
    attribute_changes, attributes_diff, entry_errors)


def test_good_entries_have_no_errors():
    assert entry_errors([{"path": "/etc/a", "content": "x", "mode": "0644"},
                         {"path": "/etc/d", "state": "directory", "mode": "755"},
                         {"path": "/etc/old", "state": "absent"}]) == []


def test_each_bad_entry_is_named():
    errors = entry_errors([
        {"path": "/etc/../a", "content": "x"},
        {"path": "/etc/b/", "content": "x"},
        {"path": "/etc/c"},
        {"path": "/etc/d", "state": "directory", "content": "x"},
        {"path": "/etc/e", "content": "x", "mode": "644x"},
        {"path": "/etc/f", "state": "absent", "mode": "0644"},
        {"path": "/etc/g", "content": "x", "mode": 644},
    ])
    assert errors == [
        "files[0] (/etc/../a): path must be absolute and normalised (no '..', '.', '//' or trailing '/')",
        "files[1] (/etc/b/): path must be absolute and normalised (no '..', '.', '//' or trailing '/')",
        "files[2] (/etc/c): a file needs content",
        "files[3] (/etc/d): content is only for state=file",
        "files[4] (/etc/e): mode must be an octal string such as '0644', not '644x'",
        "files[5] (/etc/f): mode, owner and group are not for state=absent",
    ]


def test_only_the_attributes_set_are_compared():
    current = {"mode": 0o600, "uid": 0, "gid": 0, "owner": "root", "group": "root"}
    ids = {"root": 0, "nobody": 65534}.get
    assert attribute_changes({"path": "/a"}, current, ids, ids) == {}
    assert attribute_changes({"mode": "0600", "owner": "root"}, current, ids, ids) == {}
    changes = attribute_changes({"mode": "0644", "owner": "nobody", "group": "root"}, current, ids, ids)
    assert changes == {"mode": ("0600", "0644"), "owner": ("root", "nobody")}
    assert attributes_diff("/a", changes)["after"] == "mode: 0644\nowner: nobody\n"
