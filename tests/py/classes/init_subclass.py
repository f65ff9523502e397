# __init_subclass__ and __class_getitem__.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class CSV(Plugin, name='csv'): pass
class Json(Plugin): pass
class Sub(Json): pass
print(Plugin.registry, CSV.plugin_name, Sub.plugin_name)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print('TypeError', e)
class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'
print(Box[int], Box['x'], Box[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__, list[int].__origin__ is list, list[int].__args__)
print(list[int]([1, 2]), isinstance([], list))
