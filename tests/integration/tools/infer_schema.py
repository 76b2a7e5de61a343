"""Infers a JSON Schema from sample values (the answers recorded by the integration tests with
MOTCUA_RECORD_RESPONSES=<file>, see contract_check_test.cpp). Used to derive the first version of
the schemas in docs/api/openapi.json from what the server really sends; the document is then edited
by hand, so this is a starting point, not a generator to run on every change.

    python3 tests/integration/tools/infer_schema.py answers.jsonl 'GET /api/v1/agencies' 200
"""
import json
import sys


def _type_of(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "integer" if v.is_integer() else "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def infer(samples, maps=(), here=""):
    """The narrowest schema every sample fits: a property is required when every object sample has
    it; `maps` lists JSON pointers (with * for array items) whose objects are keyed by data (ids,
    dates), which become additionalProperties instead of named properties."""
    if not samples:
        return {}
    types = []
    for v in samples:
        t = _type_of(v)
        if t not in types:
            types.append(t)
    if "integer" in types and "number" in types:
        types.remove("integer")
    order = ["object", "array", "string", "integer", "number", "boolean", "null"]
    types.sort(key=order.index)
    schema = {"type": types[0] if len(types) == 1 else types}
    objects = [v for v in samples if isinstance(v, dict)]
    arrays = [v for v in samples if isinstance(v, list)]
    if objects:
        if here in maps:
            values = [x for o in objects for x in o.values()]
            schema["additionalProperties"] = infer(values, maps, here + "/*")
        else:
            keys = []
            for o in objects:
                for k in o:
                    if k not in keys:
                        keys.append(k)
            schema["properties"] = {
                k: infer([o[k] for o in objects if k in o], maps, here + "/" + k) for k in keys
            }
            required = [k for k in keys if all(k in o for o in objects)]
            if required:
                schema["required"] = required
    if arrays:
        items = [x for a in arrays for x in a]
        schema["items"] = infer(items, maps, here + "/*")
    return schema


def main():
    path, operation, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
    method, template = operation.split(" ", 1)
    samples = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["method"] == method and r["template"] == template and r["status"] == status:
                samples.append(json.loads(r["body"]))
    print(json.dumps(infer(samples), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
