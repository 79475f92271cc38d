/* Every text of ip/usage.txt as lib/usage.c expands it, in the file's own
 * shape ("@N" for the name of the Nth, a backslash where a text ends
 * without a newline): tests/usage.bats compares the two. */
#include <stdio.h>
#include <string.h>

#include "usage_text.h"

int main(void)
{
	char text[USAGE_MAX];
	size_t n;
	int i;

	for (i = 0; i < USAGE_TEXTS; i++) {
		usage_expand(text, i);
		n = strlen(text);
		printf("@%d\n%s%s", i, text,
		       n && text[n - 1] == '\n' ? "" : "\\\n");
	}
	return 0;
}
