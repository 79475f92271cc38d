#ifndef USAGE_H
#define USAGE_H

#include <stdio.h>

/* The help texts (ip/usage.txt) are stored packed, 8 KB less in the
 * binary: ip/usage.awk packs them into ip/usage_text.c, with their ids in
 * ip/usage_text.h. */

#define USAGE_MAX 2048 /* longest text + 1 (the generated file checks) */
#define USAGE_REF 246 /* the first code of a reference (ip/usage.awk) */

extern const unsigned char usage_pairs[][2];
extern const unsigned char usage_packed[];

/* Text ID into text[USAGE_MAX], as ip/usage.txt has it. */
void usage_expand(char *text, int id);

/* Text ID, a printf format, printed to f with the arguments. */
void usage_print(FILE *f, int id, ...);

#endif
