# Codecs commonly used from str/bytes.
s = 'Grüße, 世界'
for enc in ('utf-8', 'utf-16', 'utf-16-be', 'utf-32-le', 'latin-1', 'cp1252', 'ascii'):
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e.start, e.end, e.reason)
print('abc'.encode('utf-8-sig'), b'\xef\xbb\xbfabc'.decode('utf-8-sig'), 'x'.encode(encoding='UTF8'))
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(b'\\u00e9\\n'.decode('unicode_escape'), 'é\n'.encode('unicode_escape'), 'é'.encode('raw_unicode_escape'))
