# Binary writes through sys.stdout.buffer, mixed with text writes.
import sys
print('text first')
sys.stdout.flush()
sys.stdout.buffer.write(b'raw bytes \xc3\xa9\n')
sys.stdout.buffer.flush()
sys.stdout.write('text again\n')
print('unicode ✓ ü')
