# datetime arithmetic and formatting on fixed dates (never the current time).
import datetime as dt
d = dt.date(2024, 2, 28)
print(d + dt.timedelta(days=1), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.replace(year=2023))
t = dt.datetime(2021, 12, 31, 23, 59, 30, 250000)
print(t, t + dt.timedelta(seconds=45), t.isoformat(), t.strftime('%Y-%m-%d %H:%M:%S.%f %j %a %b'), repr(t))
delta = dt.datetime(2022, 3, 1) - dt.datetime(2021, 2, 28, 12)
print(delta, delta.days, delta.seconds, delta.total_seconds(), -delta, delta // 7, abs(-delta))
print(dt.date.fromisoformat('2000-01-01'), dt.datetime.fromisoformat('2011-11-04T00:05:23'), dt.datetime.strptime('05/06/07 08:09', '%d/%m/%y %H:%M'))
utc = dt.timezone.utc
aware = dt.datetime(2020, 6, 1, 12, tzinfo=utc)
plus2 = dt.timezone(dt.timedelta(hours=2), 'PLUS2')
print(aware, aware.astimezone(plus2), aware.tzname(), aware.astimezone(plus2).tzname(), aware.utcoffset())
print(dt.timedelta(weeks=1, hours=-1), dt.timedelta(microseconds=-1), dt.date.min, dt.date.max, sorted([dt.date(2020, 1, 2), dt.date(2019, 5, 5)]))
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print('ValueError', e)
