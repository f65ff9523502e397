"""A docstring first."""
from __future__ import annotations

def f(a: Annot1, *b: Annot2, c: lambda: Annot3 = 1, **d: Annot4) -> Ret:
    local: LocalAnnot = 1
    return local

class C:
    field: FieldAnnot
    other: [i for i in Comp] = 2

x: ModuleAnnot
y: ModuleAnnot2 = 3
