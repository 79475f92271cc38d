/* A strict JSON checker (RFC 8259) for what the writer produced. */
#ifndef FUZZ_JSON_CHECK_H
#define FUZZ_JSON_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is exactly one JSON value, blanks around it allowed. */
bool json_valid(const char *s, size_t len);

#endif
