/* main() for the harnesses without libFuzzer: run each file once.  Files are
 * read before the harness cages itself, so any path works. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sanitizer/common_interface_defs.h>

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	uint8_t *data;
	size_t size;
};

static int slurp(const char *path, struct input *in)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096;

	if (!f)
		return -1;
	in->data = malloc(cap);
	in->size = 0;
	for (;;) {
		size_t n = fread(in->data + in->size, 1, cap - in->size, f);

		in->size += n;
		if (in->size < cap)
			break;
		cap *= 2;
		in->data = realloc(in->data, cap);
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	struct input *in = calloc(argc, sizeof(*in));
	int i, err = dup(2), null = open("/dev/null", O_WRONLY);

	for (i = 1; i < argc; i++) {
		if (slurp(argv[i], &in[i])) {
			perror(argv[i]);
			return 1;
		}
	}
	/* Reports keep the real stderr; what ip prints there is noise. */
	__sanitizer_set_report_fd((void *)(intptr_t)err);
	if (!getenv("FUZZ_VERBOSE"))
		dup2(null, 2);
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		LLVMFuzzerTestOneInput(in[i].data, in[i].size);
		free(in[i].data);
	}
	dprintf(err, "%d inputs replayed\n", argc - 1);
	free(in);
	return 0;
}
