# json dumps/loads round trips.
import json
data = {'name': 'Ünïcode', 'n': 1, 'f': 2.5, 'list': [1, None, True, False], 'nested': {'a': []}, 'big': 10 ** 20}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, ensure_ascii=False, separators=(',', ':')))
print(json.loads(s) == data, json.loads('[1, 2.0, "x", null, true, {"k": -1e5}]'))
print(json.dumps('quote " and \\ and \n'), json.loads('"\\u00e9\\n"'))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e.msg, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print('TypeError', e)
print(json.dumps(float('inf')), json.dumps({1: 'int key'}), json.dumps((1, 2)))
class Enc(json.JSONEncoder):
    def default(self, o):
        return sorted(o) if isinstance(o, set) else super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
