/* -r: names for addresses from /etc/hosts, as the reference's resolver finds
 * them there.  No DNS: a listing never waits on the network. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* The next run of non-blank characters at *p (NULL if none); NUL-ends it. */
static char *next_word(char **p)
{
	char *w = *p + strspn(*p, " \t\n\v\f\r"), *end;

	if (!*w)
		return NULL;
	end = w + strcspn(w, " \t\n\v\f\r");
	*p = *end ? end + 1 : end;
	*end = '\0';
	return w;
}

bool hosts_lookup(int family, const void *addr, size_t len, char *buf,
		  size_t size)
{
	char line[512], *p, *a, *name;
	uint8_t bin[16];
	bool found = false;
	FILE *f;

	if ((family != AF_INET || len != 4) && (family != AF_INET6 || len != 16))
		return false;
	f = fopen("/etc/hosts", "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "#")] = '\0';
		p = line;
		a = next_word(&p);
		name = a ? next_word(&p) : NULL;
		if (name && inet_pton(family, a, bin) == 1 &&
		    !memcmp(bin, addr, len)) {
			/* A name of up to 255 characters, as before. */
			snprintf(buf, size, "%.255s", name);
			found = true;
		}
	}
	fclose(f);
	return found;
}
