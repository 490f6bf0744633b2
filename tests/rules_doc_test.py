#!/usr/bin/env python3
"""rules/README.md and schemas/rules.schema.json cannot drift apart.

Every key the schema names must be documented in the README (written in backquotes, alone,
dotted as `answers.separator`, or as `key: value`), and every key the README defines (a bullet
that opens with a backquoted key, or a backquoted key followed by its default in parentheses,
`min_chars` (4)) must be a key of the schema. Usage: rules_doc_test.py README SCHEMA; with
--self-test, checks on small inputs that both kinds of drift are reported.
"""
import json
import re
import sys

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def schema_keys(schema):
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                keys.update(props)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return keys


def readme_mentions(text):
    """Every identifier written in backquotes, split at dots, colons and spaces."""
    mentions = set()
    for quoted in re.findall(r"`([^`\n]+)`", text):
        for part in re.split(r"[.:\s]+", quoted):
            if IDENT.fullmatch(part):
                mentions.add(part)
    return mentions


def readme_definitions(text):
    """Keys the README defines: `- `key`...` bullets and `key` (default) entries."""
    defined = {}
    for number, line in enumerate(text.splitlines(), 1):
        for key in re.findall(r"^\s*- `([A-Za-z_][A-Za-z0-9_]*)`", line):
            defined.setdefault(key, number)
        for key in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)` \(-?\d[\d.]*\)", line):
            defined.setdefault(key, number)
    return defined


def drift(readme_name, readme, schema):
    keys = schema_keys(schema)
    errors = []
    mentions = readme_mentions(readme)
    for key in sorted(keys - mentions):
        errors.append(f"{readme_name}: schema key '{key}' is not documented")
    for key, number in sorted(readme_definitions(readme).items(), key=lambda kv: kv[1]):
        if key not in keys:
            errors.append(f"{readme_name}:{number}: '{key}' is documented but no schema key")
    return errors


def self_test():
    schema = {"properties": {"lines": {"items": {"properties": {"id": {}, "max_chars": {}}}},
                             "gone": {}}}
    readme = "- `lines`: `id`, `max_chars` (200).\n- `stale`: a key the loader dropped.\n" \
             "`min_chars` (4) too.\n"
    got = drift("R.md", readme, schema)
    want = ["R.md: schema key 'gone' is not documented",
            "R.md:2: 'stale' is documented but no schema key",
            "R.md:3: 'min_chars' is documented but no schema key"]
    assert got == want, got
    assert drift("R.md", "- `lines`: `id`, `max_chars` (200), `gone`.\n", schema) == []
    print("self-test: both kinds of drift are reported")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    readme_path, schema_path = sys.argv[1:3]
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    errors = drift(readme_path, readme, schema)
    for error in errors:
        print(error)
    if not errors:
        print(f"{len(schema_keys(schema))} schema keys, all documented; "
              f"{len(readme_definitions(readme))} README entries, all schema keys")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
