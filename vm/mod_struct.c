/* vm/mod_struct.c — the _struct module: pack/unpack/calcsize/pack_into/unpack_from/
 * iter_unpack, Struct and error, with native (@, aligned) and standard (=<>!) sizes and
 * CPython's messages.  Written in Python source run at import; the C helpers convert
 * floats to and from their IEEE bytes.  Not yet: 'e' (half floats). */
#include <math.h>
#include <string.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static vm_value st_pack_float(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    double x;
    if (!vm_as_double(args[1], &x))
        return VM_NULL;
    bool little = vm_truth(args[2]) == 1;
    uint8_t b[8];
    size_t n;
    if (vm_str_eq_c(args[0], "f")) {
        float f = (float)x;
        if (isinf(f) && !isinf(x)) {
            vm_raise(VM_TYPE(OverflowError), "float too large to pack with f format");
            return VM_NULL;
        }
        memcpy(b, &f, 4);
        n = 4;
    } else {
        memcpy(b, &x, 8);
        n = 8;
    }
    if (!little)
        for (size_t i = 0; i < n / 2; i++) {
            uint8_t t = b[i];
            b[i] = b[n - 1 - i];
            b[n - 1 - i] = t;
        }
    return vm_bytes_new(b, n);
}

static vm_value st_unpack_float(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    if (!vm_is_type(args[1], VM_T_BYTES))
        return vm_raise_nomem();
    const vm_bytes *bs = vm_obj(args[1]);
    bool little = vm_truth(args[2]) == 1;
    uint8_t b[8];
    size_t n = vm_str_eq_c(args[0], "f") ? 4 : 8;
    if ((size_t)bs->length != n) {
        vm_raise(VM_TYPE(ValueError), "bad float buffer");
        return VM_NULL;
    }
    for (size_t i = 0; i < n; i++)
        b[i] = little ? bs->data[i] : bs->data[n - 1 - i];
    if (n == 4) {
        float f;
        memcpy(&f, b, 4);
        return vm_float_new((double)f);
    }
    double d;
    memcpy(&d, b, 8);
    return vm_float_new(d);
}

static vm_value st_index(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return vm_index_value(args[0]);
}

static const vm_method_def struct_functions[] = {
    {"_pack_float", st_pack_float, 3, 3, VM_METH_NOKW, NULL},
    {"_unpack_float", st_unpack_float, 3, 3, VM_METH_NOKW, NULL},
    {"_index", st_index, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

static const char struct_py[] =
    "class error(Exception):\n"
    "    pass\n"
    "error.__module__ = 'struct'\n"
    "\n"
    "_NATIVE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8,\n"
    "           'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}\n"
    "_STD = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4,\n"
    "        'L': 4, 'q': 8, 'Q': 8, 'f': 4, 'd': 8, 's': 1, 'p': 1}\n"
    "_INTNAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}\n"
    "_cache = {}\n"
    "\n"
    "def _parse(fmt):\n"
    "    if isinstance(fmt, bytes):\n"
    "        fmt = fmt.decode('latin-1')\n"
    "    elif not isinstance(fmt, str):\n"
    "        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s' % type(fmt).__name__)\n"
    "    r = _cache.get(fmt)\n"
    "    if r is not None:\n"
    "        return r\n"
    "    i = 0\n"
    "    native = True\n"
    "    little = _little\n"
    "    if fmt and fmt[0] in '@=<>!':\n"
    "        c = fmt[0]\n"
    "        native = c == '@'\n"
    "        little = _little if c in '@=' else c == '<'\n"
    "        i = 1\n"
    "    table = _NATIVE if native else _STD\n"
    "    items = []\n"
    "    size = 0\n"
    "    n = len(fmt)\n"
    "    while i < n:\n"
    "        c = fmt[i]\n"
    "        if c.isspace():\n"
    "            i += 1\n"
    "            continue\n"
    "        count = None\n"
    "        if c.isdigit():\n"
    "            j = i\n"
    "            while j < n and fmt[j].isdigit():\n"
    "                j += 1\n"
    "            count = int(fmt[i:j])\n"
    "            if j >= n:\n"
    "                raise error('repeat count given without format specifier')\n"
    "            i = j\n"
    "            c = fmt[i]\n"
    "        if c not in table:\n"
    "            raise error('bad char in struct format')\n"
    "        sz = table[c]\n"
    "        if native and c not in 'xcbB?sp':\n"
    "            size = (size + sz - 1) // sz * sz\n"
    "        if count is None:\n"
    "            count = 1\n"
    "        if c in 'sp':\n"
    "            items.append((c, count, size))\n"
    "            size += count\n"
    "        else:\n"
    "            for _ in range(count):\n"
    "                items.append((c, 1, size))\n"
    "                size += sz\n"
    "        i += 1\n"
    "    r = (items, size, little, native)\n"
    "    _cache[fmt] = r\n"
    "    return r\n"
    "\n"
    "def calcsize(format, /):\n"
    "    return _parse(format)[1]\n"
    "\n"
    "def _int_bytes(c, v, size, little, native):\n"
    "    if not isinstance(v, int):\n"
    "        try:\n"
    "            v = _index(v)\n"
    "        except TypeError:\n"
    "            raise error('required argument is not an integer') from None\n"
    "    signed = c in 'bhilqn'\n"
    "    bits = 8 * size\n"
    "    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)\n"
    "    if not lo <= v <= hi:\n"
    "        if c in _INTNAMES:\n"
    "            raise error('%s format requires %d <= number <= %d' % (_INTNAMES[c], lo, hi))\n"
    "        if c in 'qQnN' or (native and c in 'lL'):\n"
    "            if not signed and v < 0:\n"
    "                raise error(\"argument out of range\")\n"
    "            raise error(\"argument out of range\")\n"
    "        raise error(\"'%s' format requires %d <= number <= %d\" % (c, lo, hi))\n"
    "    if v < 0:\n"
    "        v += 1 << bits\n"
    "    b = bytes((v >> (8 * k)) & 0xff for k in range(size))\n"
    "    return b if little else b[::-1]\n"
    "\n"
    "def _pack(st, args):\n"
    "    items, size, little, native = st\n"
    "    nitems = sum(1 for c, _, _ in items if c != 'x')\n"
    "    if len(args) != nitems:\n"
    "        raise error('pack expected %d items for packing (got %d)' % (nitems, len(args)))\n"
    "    out = bytearray(size)\n"
    "    ai = 0\n"
    "    for c, count, off in items:\n"
    "        if c == 'x':\n"
    "            continue\n"
    "        v = args[ai]\n"
    "        ai += 1\n"
    "        if c in 'sp':\n"
    "            if not isinstance(v, (bytes, bytearray)):\n"
    "                raise error(\"argument for '%s' must be a bytes object\" % c)\n"
    "            if c == 's':\n"
    "                data = bytes(v[:count])\n"
    "            else:\n"
    "                if count == 0:\n"
    "                    continue\n"
    "                n = min(len(v), count - 1, 255)\n"
    "                data = bytes([n]) + bytes(v[:n])\n"
    "            out[off:off + len(data)] = data\n"
    "        elif c == 'c':\n"
    "            if not isinstance(v, (bytes, bytearray)) or len(v) != 1:\n"
    "                raise error('char format requires a bytes object of length 1')\n"
    "            out[off] = v[0]\n"
    "        elif c == '?':\n"
    "            out[off] = 1 if v else 0\n"
    "        elif c in 'fd':\n"
    "            if not isinstance(v, (int, float)):\n"
    "                try:\n"
    "                    v = v.__float__()\n"
    "                except AttributeError:\n"
    "                    raise error('required argument is not a float') from None\n"
    "            out[off:off + (4 if c == 'f' else 8)] = _pack_float(c, v, little)\n"
    "        else:\n"
    "            sz = (_NATIVE if native else _STD)[c]\n"
    "            out[off:off + sz] = _int_bytes(c, v, sz, little, native)\n"
    "    return bytes(out)\n"
    "\n"
    "def _unpack(st, buf):\n"
    "    items, size, little, native = st\n"
    "    buf = bytes(buf)\n"
    "    if len(buf) != size:\n"
    "        raise error('unpack requires a buffer of %d bytes' % size)\n"
    "    res = []\n"
    "    for c, count, off in items:\n"
    "        if c == 'x':\n"
    "            continue\n"
    "        if c == 's':\n"
    "            res.append(buf[off:off + count])\n"
    "        elif c == 'p':\n"
    "            n = min(buf[off], count - 1) if count else 0\n"
    "            res.append(buf[off + 1:off + 1 + n])\n"
    "        elif c == 'c':\n"
    "            res.append(buf[off:off + 1])\n"
    "        elif c == '?':\n"
    "            res.append(buf[off] != 0)\n"
    "        elif c in 'fd':\n"
    "            res.append(_unpack_float(c, buf[off:off + (4 if c == 'f' else 8)], little))\n"
    "        else:\n"
    "            sz = (_NATIVE if native else _STD)[c]\n"
    "            b = buf[off:off + sz]\n"
    "            v = int.from_bytes(b, 'little' if little else 'big')\n"
    "            if c in 'bhilqn' and v >= 1 << (8 * sz - 1):\n"
    "                v -= 1 << (8 * sz)\n"
    "            res.append(v)\n"
    "    return tuple(res)\n"
    "\n"
    "class Struct:\n"
    "    def __init__(self, format):\n"
    "        self._st = _parse(format)\n"
    "        self.format = format.decode('latin-1') if isinstance(format, bytes) else format\n"
    "        self.size = self._st[1]\n"
    "    def pack(self, *args):\n"
    "        return _pack(self._st, args)\n"
    "    def unpack(self, buffer, /):\n"
    "        return _unpack(self._st, buffer)\n"
    "    def pack_into(self, buffer, offset, /, *args):\n"
    "        data = _pack(self._st, args)\n"
    "        if offset < 0:\n"
    "            offset += len(buffer)\n"
    "        buffer[offset:offset + len(data)] = data\n"
    "    def unpack_from(self, buffer, offset=0):\n"
    "        size = self.size\n"
    "        if offset < 0:\n"
    "            offset += len(buffer)\n"
    "        if len(buffer) - offset < size:\n"
    "            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)' % (size + offset, size, offset, len(buffer)))\n"
    "        return _unpack(self._st, bytes(buffer[offset:offset + size]))\n"
    "    def iter_unpack(self, buffer, /):\n"
    "        size = self.size\n"
    "        if size == 0:\n"
    "            raise error('cannot iteratively unpack with a struct of length 0')\n"
    "        if len(buffer) % size:\n"
    "            raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)\n"
    "        return (_unpack(self._st, bytes(buffer[i:i + size])) for i in range(0, len(buffer), size))\n"
    "    def __repr__(self):\n"
    "        return 'Struct(%r)' % (self.format,)\n"
    "Struct.__module__ = 'struct'\n"
    "\n"
    "def pack(format, /, *args):\n"
    "    return _pack(_parse(format), args)\n"
    "\n"
    "def unpack(format, buffer, /):\n"
    "    return _unpack(_parse(format), buffer)\n"
    "\n"
    "def pack_into(format, buffer, offset, /, *args):\n"
    "    Struct(format).pack_into(buffer, offset, *args)\n"
    "\n"
    "def unpack_from(format, /, buffer, offset=0):\n"
    "    return Struct(format).unpack_from(buffer, offset)\n"
    "\n"
    "def iter_unpack(format, buffer, /):\n"
    "    return Struct(format).iter_unpack(buffer)\n"
    "\n"
    "def _clearcache():\n"
    "    _cache.clear()\n"
    "\n";

static vm_value struct_init(void)
{
    vm_value m = vm_module_new(vm_str_c("_struct"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, struct_functions) < 0)
        return VM_NULL;
    uint16_t probe = 1;
    vm_value d = vm_module_dict(m);
    if (vm_dict_setitem_c(d, "_little", *(uint8_t *)&probe ? VM_TRUE : VM_FALSE) < 0
        || vm_dict_setitem_c(d, "__doc__", vm_str_c("Functions to convert between Python values and C structs.")) < 0)
        return VM_NULL;
    if (vm_mod_exec(m, struct_py, "<frozen _struct>") < 0)
        return VM_NULL;
    return m;
}

void vm_mod_struct_register(void)
{
    vm_register_c_module("_struct", struct_init);
}
