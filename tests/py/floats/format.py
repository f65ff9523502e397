# Float formatting: format specs, % formatting, f-strings.
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1e-7, 123456789.123, 1e20, 1.5e300, float('inf'), float('nan')]
for v in vals:
    print(format(v, ''), format(v, 'f'), format(v, '.2f'), format(v, 'e'), format(v, '.3e'),
          format(v, 'g'), format(v, '.3g'), format(v, '%'), format(v, '.1%'), format(v, 'E'), format(v, 'G'))
for v in vals[:7]:
    print('%f|%.1f|%e|%g|%10.3f|%-10.2e|%+g|% g' % (v, v, v, v, v, v, v, v))
print(f'{3.14159:10.4f}|{3.14159:<10.2f}|{3.14159:^10.1f}|{-3.14159:=+10.2f}|{1234567.891:,.2f}|{1234567.891:_.1f}')
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(1.25, '.1f'), format(1.35, '.1f'))
print(format(1e16, ''), format(1e16, 'n'), format(12.0, 'g'), format(12.0, '#g'), format(0.0001, 'g'), format(0.00001, 'g'))
print(format(3.0, '.0e'), format(3.0, '#.0e'), format(3.0, '#.0f'), format(1/3, '.17g'), format(1/3, 'r') if False else '')
print(format(1.0, '010.3f'), format(-1.0, '010.3f'), format(1.0, '*>12.4e'))
