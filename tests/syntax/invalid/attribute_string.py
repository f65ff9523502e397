x = a.'b'
