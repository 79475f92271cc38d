/* qsort() for both static builds: a Shell sort in a few lines instead of
 * musl's smoothsort (2 KB) or glibc's merge sort (8 KB with what it pulls
 * in).  ip sorts short lists (namespace names, a link index) by total
 * orders, so neither stability nor the last factor of speed shows. */
#include <stdlib.h>

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t gap, i, j;

	for (gap = n / 2; gap; gap = gap == 2 ? 1 : gap * 5 / 11)
		for (i = gap; i < n; i++)
			for (j = i; j >= gap &&
			     cmp(b + (j - gap) * size, b + j * size) > 0; j -= gap)
				swap(b + (j - gap) * size, b + j * size, size);
}
