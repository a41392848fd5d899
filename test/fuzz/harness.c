/* harness.c: a libFuzzer target around one tool's main(). The tool's source
 * is compiled with -Dmain=ar_tool_main; each input is written to a file and
 * the tool runs on it, with the arguments in FUZZ_ARGS (a comma-separated
 * list of string literals) and its output going to /dev/null.
 *
 * The tools are programs, with the global state of programs, so each input
 * runs in a child process: the parent turns a child killed by a signal, or
 * one ending with the sanitizers' exit code 99, into a crash of its own so
 * libFuzzer keeps the input. The price is that coverage measured in the
 * child does not guide the mutations: this is a sanitizer-checked random
 * search around the seed corpus. */
#include "../../src/lib/arlib.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int ar_tool_main(int argc, char **argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/ar-fuzz-XXXXXX";
	static int fd = -1;
	char *argv[] = { "ar-fuzz", FUZZ_ARGS, path, NULL };
	int argc = (int)(sizeof argv / sizeof *argv) - 1, st;
	pid_t pid;

	if (fd < 0 && (fd = mkstemp(path)) < 0)
		abort();
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	if ((pid = fork()) < 0)
		abort();
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		if (!getenv("AR_FUZZ_STDERR"))         /* to see why a child died */
			dup2(devnull, 2);
		_exit(ar_tool_main(argc, argv));
	}
	if (waitpid(pid, &st, 0) < 0)
		abort();
	if (WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) == 99)) {
		fprintf(stderr, "ar-fuzz: the tool crashed (%s %d) on this input\n",
		    WIFSIGNALED(st) ? "signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) : 99);
		abort();
	}
	return 0;
}
