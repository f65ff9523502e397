# Unicode: code points, len, ord/chr, escapes, combining characters.
s = 'naïve café 日本語 😀 \u0301e'
print(len(s), [ord(c) for c in s])
print(s.encode('utf-8'), len(s.encode('utf-8')), s.encode('utf-16-le')[:10], s.encode('ascii', 'replace'))
print(s.encode('ascii', 'ignore'), s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'))
print(chr(0x1F600), chr(65), chr(0x10FFFF) == '\U0010ffff', ord('€'), '\N{GREEK SMALL LETTER ALPHA}', '\u00e9' == 'é')
print(repr('\x00\x07\t\n\r\x1b\x7f\x80\xa0\xad\u200b\ud800'), ascii('日本 😀'), repr('😀'))
print('😀' < '日', sorted(['b', 'á', 'a', 'Z', '😀', '日']), max('abc😀'))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(b'\xff\xfeA'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'a\xffb'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
print(b'caf\xc3\xa9'.decode(), 'x'.encode('latin-1'), 'é'.encode('latin-1'), b'\xe9'.decode('latin-1'))
