#!/bin/sh
# A Slurm job array that codes a corpus in shards, one array task per
# shard, every task storing into one database (README, "Beyond one
# machine"). Submit from a directory every node sees:
#
#   sbatch --array=0-15 tools/slurm-array.sh postgresql://host/annals /data/corpus
#
# Each task runs `annals ingest --shard ID/COUNT` with ID and COUNT from
# Slurm; with ANNALS_OUT=DIR set it runs `annals code` instead and writes
# DIR/shard-ID.jsonl (the run-level records of that shard at its end).
# Outside Slurm, SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT may be set
# by hand (the tests do).
#SBATCH --job-name=annals
#SBATCH --cpus-per-task=2
#SBATCH --output=annals-%A_%a.log
set -eu
db=$1
shift
id=${SLURM_ARRAY_TASK_ID:?not inside a Slurm job array}
count=${SLURM_ARRAY_TASK_COUNT:?not inside a Slurm job array}
ANNALS=${ANNALS:-annals}
if [ -n "${ANNALS_OUT:-}" ]; then
	exec "$ANNALS" code -q -j "${SLURM_CPUS_PER_TASK:-1}" --shard "$id/$count" \
		-o "$ANNALS_OUT/shard-$id.jsonl" "$@"
fi
exec "$ANNALS" ingest -q --db "$db" --shard "$id/$count" "$@"
