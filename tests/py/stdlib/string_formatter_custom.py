# A custom string.Formatter subclass and Template with custom delimiter.
import string
class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f'<{key}?>'
        return super().get_value(key, args, kwargs)
f = Upper()
print(f.format('{0!u} {name!u} {missing} {0:>5}', 'abc', name='bob'))
class Pct(string.Template):
    delimiter = '%'
print(Pct('%who owes %amount').substitute(who='ann', amount='$5'))
print(string.Template('${a}b $c').safe_substitute({'a': 'A'}), string.Template('$x').substitute(x=1).__class__.__name__)
