/* harness.c: a libFuzzer target around one tool's main(). The tool's source
 * is compiled with -Dmain=ar_tool_main; each input is written to a file and
 * the tool runs on it in-process with the arguments in FUZZ_ARGS (a comma-
 * separated list of string literals), its output going to /dev/null. */
#include "../../src/lib/arlib.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int ar_tool_main(int argc, char **argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/ar-fuzz-XXXXXX";
	static int fd = -1, devnull = -1;
	char *argv[] = { "ar-fuzz", FUZZ_ARGS, path, NULL };
	int argc = (int)(sizeof argv / sizeof *argv) - 1;

	if (fd < 0) {
		if ((fd = mkstemp(path)) < 0 || (devnull = open("/dev/null", O_WRONLY)) < 0)
			abort();
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	dup2(devnull, 1);       /* the tool closes standard output when done */
	optind = 0;             /* glibc: reinitialize getopt */
	ar_tool_main(argc, argv);
	return 0;
}
