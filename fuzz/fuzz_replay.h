/*
 * fuzz_replay.h: the plain main of a fuzz target built without libFuzzer
 * (FUZZ_REPLAY): replays the files named on its command line, so seeds and
 * past crashers run in `make test` and under the sanitizers in `make check`.
 */
int main(int argc, char **argv)
{
	int n = 0;
	static uint8_t buf[1 << 20];
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t len = fread(buf, 1, sizeof buf, f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		n++;
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
