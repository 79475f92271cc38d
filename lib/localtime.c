/* Local time for ip monitor's -t/-ts timestamps, without the C library's
 * localtime_r()/gmtime_r(): in the static glibc build either one brings
 * 140 KB of time zone and locale machinery (measured: an 683 KB program
 * grows to 822 KB), a sixth of the binary, for one line per event.
 *
 * The zone is found as glibc finds it in the usual cases: TZ unset or
 * empty: /etc/localtime; TZ=":FILE" or "Area/City": that TZif file (under
 * /usr/share/zoneinfo unless absolute); a POSIX string such as "UTC0" or
 * "CET-1CEST,...": its standard offset (its daylight-time rule is not
 * read); anything unreadable: UTC.  From a TZif file only the version 1
 * data is read: the 32-bit transition times, which distributions' files
 * carry up to 2037. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* The offset from UTC in force at t, from an open TZif file; 0 if none. */
static long tzif_offset(FILE *f, int64_t t)
{
	unsigned char h[44], b[6];
	uint32_t timecnt, typecnt, i, last = 0;
	bool found = false;
	long off;

	if (fread(h, 1, sizeof(h), f) != sizeof(h) || memcmp(h, "TZif", 4))
		return 0;
	timecnt = be32(h + 32);
	typecnt = be32(h + 36);
	if (!typecnt || typecnt > 256 || timecnt > 65536)
		return 0;
	for (i = 0; i < timecnt && fread(b, 1, 4, f) == 4; i++) {
		if ((int32_t)be32(b) > t)
			break;
		last = i;
		found = true;
	}
	/* the type index of transition `last`, else type 0 */
	if (fseek(f, 44 + 4L * timecnt + (found ? last : 0), SEEK_SET) ||
	    fread(b, 1, 1, f) != 1)
		return 0;
	i = found ? b[0] : 0;
	if (i >= typecnt || fseek(f, 44 + 5L * timecnt + 6L * i, SEEK_SET) ||
	    fread(b, 1, 6, f) != 6)
		return 0;
	off = (int32_t)be32(b);
	return off;
}

/* "NAME[+-]hh[:mm[:ss]]...": west of Greenwich is positive. */
static long posix_offset(const char *tz)
{
	long h = 0, m = 0, s = 0, sign = -1;

	while (*tz && ((*tz >= 'A' && *tz <= 'Z') || (*tz >= 'a' && *tz <= 'z')))
		tz++;
	if (*tz == '+' || *tz == '-')
		sign = *tz++ == '-' ? 1 : -1;
	if (*tz < '0' || *tz > '9')
		return 0;
	h = strtol(tz, (char **)&tz, 10);
	if (*tz == ':')
		m = strtol(tz + 1, (char **)&tz, 10);
	if (*tz == ':')
		s = strtol(tz + 1, (char **)&tz, 10);
	return sign * (h * 3600 + m * 60 + s);
}

static long zone_offset(int64_t t)
{
	const char *tz = getenv("TZ");
	char path[512];
	FILE *f;
	long off;

	if (!tz || !*tz) {
		snprintf(path, sizeof(path), "/etc/localtime");
	} else {
		if (*tz == ':')
			tz++;
		snprintf(path, sizeof(path), "%s%s",
			 *tz == '/' ? "" : "/usr/share/zoneinfo/", tz);
	}
	f = fopen(path, "rb");
	if (!f)
		return tz ? posix_offset(tz) : 0;
	off = tzif_offset(f, t);
	fclose(f);
	return off;
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void civil(int64_t days, struct tm *tm)
{
	int64_t era, doe, yoe, doy, mp, y;

	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	tm->tm_mon = mp < 10 ? mp + 2 : mp - 10;
	tm->tm_year = y + (tm->tm_mon <= 1) - 1900;
}

void local_time(int64_t t, struct tm *tm)
{
	int64_t days, rem;

	memset(tm, 0, sizeof(*tm));
	t += zone_offset(t);
	days = t / 86400;
	rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	tm->tm_hour = rem / 3600;
	tm->tm_min = rem / 60 % 60;
	tm->tm_sec = rem % 60;
	tm->tm_wday = (int)(((days % 7) + 11) % 7);	/* 1970-01-01: Thursday */
	civil(days, tm);
}

/* "Thu Dec  3 13:33:54 2026", as asctime() without its newline. */
void format_ctime(char *buf, size_t size, const struct tm *tm)
{
	static const char wd[] = "SunMonTueWedThuFriSat";
	static const char mo[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

	snprintf(buf, size, "%.3s %.3s %2d %02d:%02d:%02d %d",
		 wd + 3 * tm->tm_wday, mo + 3 * tm->tm_mon, tm->tm_mday,
		 tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
}
