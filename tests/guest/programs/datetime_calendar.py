# datetime and calendar with fixed dates only (no clock).
import datetime as dt
import calendar
d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=1), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar()[:2], d.toordinal())
print(d.strftime("%A %d %B %Y"), d.replace(year=2023) + dt.timedelta(days=1), dt.date.fromisoformat("2000-01-01").ctime())
t = dt.datetime(2024, 12, 31, 23, 59, 30)
print(t + dt.timedelta(seconds=45), t.isoformat(), (t - dt.datetime(2024, 1, 1)).days, t.timetuple().tm_yday)
delta = dt.timedelta(days=3, hours=5, minutes=7, seconds=1.5)
print(delta, delta.total_seconds(), delta * 2, delta // 2, -delta, abs(-delta), dt.timedelta(weeks=1) > delta)
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
aware = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
print(aware.astimezone(tz), aware.astimezone(tz).tzname(), aware.utcoffset(), aware.isoformat())
print(sorted([dt.date(2020, 5, 1), dt.date(2019, 12, 31), dt.date(2020, 1, 15)]), dt.date(2024, 3, 1) - dt.date(2024, 2, 1))
print(calendar.isleap(2024), calendar.leapdays(1900, 2024), calendar.monthrange(2024, 2), calendar.weekday(2024, 7, 4))
print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12))
def age_on(birth, on):
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
print(age_on(dt.date(1990, 8, 15), dt.date(2024, 8, 14)), age_on(dt.date(1990, 8, 15), dt.date(2024, 8, 15)))
fridays13 = [dt.date(2024, m, 13).strftime("%b") for m in range(1, 13) if dt.date(2024, m, 13).weekday() == 4]
print(fridays13, dt.datetime.strptime("2021-03-04 05:06", "%Y-%m-%d %H:%M"), dt.time(7, 8, 9).isoformat())
