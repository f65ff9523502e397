# Records through json, dataclasses and sorting.
import json
from dataclasses import dataclass, asdict
@dataclass
class Person:
    name: str
    age: int
    email: str = ''
raw = '[{"name": "Zoe", "age": 31}, {"name": "adam", "age": 25, "email": "a@x"}, {"name": "Bo", "age": 31}]'
people = [Person(**d) for d in json.loads(raw)]
people.sort(key=lambda p: (-p.age, p.name.lower()))
for p in people:
    print(p)
print(json.dumps([asdict(p) for p in people], indent=1))
by_age = {}
for p in people:
    by_age.setdefault(p.age, []).append(p.name)
print(json.dumps(by_age, sort_keys=True))
