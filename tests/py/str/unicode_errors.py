# UnicodeEncodeError/UnicodeDecodeError messages and attributes across codecs and error handlers; escape and 8-bit codecs.
cases = [lambda: 'aé'.encode('ascii'), lambda: 'aéè'.encode('ascii'), lambda: 'a\ud800'.encode('utf-8'), lambda: '\ud800\udc00x'.encode('utf-8'),
         lambda: b'a\xff'.decode('utf-8'), lambda: b'a\xc3'.decode('utf-8'), lambda: b'\xe2\x82'.decode(), lambda: b'\x80abc'.decode('ascii'),
         lambda: '世界'.encode('latin-1'), lambda: 'x世'.encode('cp1252'), lambda: b'\x81'.decode('cp1252'), lambda: 'a\ud800'.encode('utf-16'),
         lambda: b'a'.decode('utf-16'), lambda: b'\x00\xdc'.decode('utf-16-le'), lambda: b'\\x4'.decode('unicode_escape'), lambda: b'abc\\'.decode('unicode_escape'),
         lambda: 'é'.encode('ascii', 'bogus'), lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace'), lambda: b'\xff'.decode('utf-8', 'bogus'),
         lambda: b'\xed\xa0\x80'.decode('utf-8'), lambda: b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass'), lambda: '\ud800'.encode('utf-8', 'surrogatepass'),
         lambda: 'é\n\t\\'.encode('unicode_escape'), lambda: 'é😀'.encode('raw_unicode_escape'), lambda: b'\\u00e9\\n\\x41\\101'.decode('unicode_escape'),
         lambda: b'\\u00e9\\n'.decode('raw_unicode_escape'), lambda: 'abc'.encode('utf-8-sig'), lambda: b'\xef\xbb\xbfabc'.decode('utf-8-sig'),
         lambda: 'Grüße'.encode('cp1252'), lambda: b'Gr\xfc\xdfe'.decode('cp1252'), lambda: 'x'.encode('UTF8'), lambda: 'x'.encode('Latin_1'),
         lambda: 'abc'.encode('utf-32'), lambda: b'\xff\xfe\x00\x00a\x00\x00\x00'.decode('utf-32'), lambda: 'a😀'.encode('utf-16-be'),
         lambda: b'\xd8\x3d\xde\x00'.decode('utf-16-be'), lambda: 'é'.encode('koi8-r', 'replace'), lambda: 'é'.encode('ascii', 'namereplace')]
for c in cases:
    try:
        print(repr(c()))
    except UnicodeError as e:
        print(type(e).__name__, e, '|', e.encoding, e.start, e.end, e.reason, repr(e.object)[:30])
    except Exception as e:
        print(type(e).__name__, e)
