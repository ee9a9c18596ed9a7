#!/usr/bin/python3
"""Run unscrape's mapper over a folder or a JSONL file on a Dask cluster.

    python3 examples/dask/unscrape_dask.py INPUT OUTPUT.jsonl [--scheduler tcp://HOST:8786]
            [--workers N] [--partition-mb MB] [--unscrape 'COMMAND']

INPUT is a JSONL file of {"id": ..., "text": ...} records, or a folder of .md, .txt, .markdown,
.html and .htm files (each becomes {"id": its path under the folder, "text": its content}, read as
UTF-8). OUTPUT gets exactly one line per record, in input order: unscrape's schema-2 article with
`id`, or an error record (`error` set) for a record that could not be processed.

Each partition (about --partition-mb of input, 64 MB by default) is piped through one
`unscrape --jsonl-in --jobs 1 --quiet` process: one process per Dask worker thread, so give the
workers one thread each. Without --scheduler, a LocalCluster of --workers processes (default: the
cores) starts on this machine. On a real cluster, every worker needs Node and unscrape (`--unscrape
unscrape` for a global install) and, for a folder or a JSONL path, the same path on a shared file
system.

Lines are split on b"\\n" only, as bytes: a record may hold U+2028 or U+0085, which Python's
str.splitlines() would take for line ends.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_BIN = os.path.join(HERE, '..', '..', 'bin', 'unscrape.js')
EXTENSIONS = ('.md', '.txt', '.markdown', '.html', '.htm')
MAPPER_OPTIONS = ['--jsonl-in', '--jobs', '1', '--quiet']


def default_command():
    """This checkout's bin when the example runs from one, else an `unscrape` on PATH."""
    return ['node', os.path.abspath(REPO_BIN)] if os.path.exists(REPO_BIN) else ['unscrape']


# ---- Partitions: what each task reads, planned on the client without reading any text. -----------

def jsonl_partitions(path, size):
    """Byte ranges of `path`, each about `size` bytes and ending just after a b"\\n" (or at the end)."""
    total = os.path.getsize(path)
    ranges = []
    start = 0
    with open(path, 'rb') as f:
        while start < total:
            f.seek(min(start + size, total))
            f.readline()  # on to the end of the line the cut fell in
            end = min(f.tell(), total)
            ranges.append(('jsonl', path, start, end))
            start = end
    return ranges


def folder_partitions(root, size):
    """Lists of files under `root`, sorted by path, each list about `size` bytes of input."""
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        files.extend(os.path.join(folder, n) for n in names if n.lower().endswith(EXTENSIONS))
    files.sort(key=lambda p: os.path.relpath(p, root).encode('utf-8', 'surrogateescape'))
    partitions, current, current_bytes = [], [], 0
    for path in files:
        current.append(path)
        current_bytes += os.path.getsize(path)
        if current_bytes >= size:
            partitions.append(('files', root, current))
            current, current_bytes = [], 0
    if current:
        partitions.append(('files', root, current))
    return partitions


def records_of(partition):
    """The partition's input as JSON lines (bytes), one per record, each ending in b"\\n"."""
    if partition[0] == 'jsonl':
        _, path, start, end = partition
        with open(path, 'rb') as f:
            f.seek(start)
            data = f.read(end - start)
        lines = data.split(b'\n')
        if lines[-1] == b'':
            lines.pop()  # the last line's own b"\n"
        return [line + b'\n' for line in lines]
    _, root, files = partition
    out = []
    for path in files:
        with open(path, 'rb') as f:
            text = f.read().decode('utf-8', 'replace')
        record = {'id': os.path.relpath(path, root), 'text': text}
        out.append(json.dumps(record, ensure_ascii=True).encode('ascii') + b'\n')
    return out


# ---- One partition through one unscrape process. --------------------------------------------------

def error_record(line, message):
    """What a record gets when unscrape ended without answering it (it crashed or was killed)."""
    try:
        record = json.loads(line)
        record_id = record.get('id') if isinstance(record, dict) else None
    except ValueError:
        record_id = None
    return json.dumps({'schema': 'unscrape/2', 'id': record_id, 'error': message}, ensure_ascii=True).encode('ascii') + b'\n'


def run_mapper(command, lines):
    """Pipes `lines` through one mapper process; returns its complete output lines and its stderr."""
    result = subprocess.run(command + MAPPER_OPTIONS, input=b''.join(lines), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Split on b"\n" only; the piece after the last b"\n" is empty, or a line cut off by a crash.
    out = [line + b'\n' for line in result.stdout.split(b'\n')[:-1]]
    return out, result.returncode, result.stderr


def unscrape_partition(partition, command):
    """Every record of the partition answered, in order. unscrape itself answers every record (an
    error record for a bad one); if its process dies instead, the records it answered are kept, the
    one it died on gets an error record here, and the rest go to a new process."""
    lines = records_of(partition)
    answered = []
    while len(answered) < len(lines):
        rest = lines[len(answered):]
        out, code, stderr = run_mapper(command, rest)
        answered.extend(out[: len(rest)])
        if len(out) < len(rest):
            said = stderr.decode('utf-8', 'replace').strip().splitlines()
            detail = said[-1] if said else f'exit status {code}'
            answered.append(error_record(rest[len(out)], f'unscrape ended without answering this record ({detail})'))
    return b''.join(answered)


# ---- The run. ---------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('input', help='a JSONL file of {"id", "text"} records, or a folder')
    parser.add_argument('output', help='the JSONL file to write, one line per record, in order')
    parser.add_argument('--scheduler', help='address of a running distributed scheduler (default: a LocalCluster here)')
    parser.add_argument('--workers', type=int, default=os.cpu_count(), help='LocalCluster worker processes (default: the cores)')
    parser.add_argument('--partition-mb', type=float, default=64, help='input per partition, in MB (default 64)')
    parser.add_argument('--unscrape', help='the unscrape command (default: this checkout\'s bin/unscrape.js, else unscrape)')
    args = parser.parse_args(argv)

    command = shlex.split(args.unscrape) if args.unscrape else default_command()
    size = max(1, int(args.partition_mb * 1024 * 1024))
    source = os.path.abspath(args.input)
    partitions = folder_partitions(source, size) if os.path.isdir(source) else jsonl_partitions(source, size)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        # One thread per worker: each task is one single-threaded unscrape process.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host='127.0.0.1', dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.from_sequence(partitions, npartitions=max(1, len(partitions))).map(unscrape_partition, command)
        futures = client.compute(bag.to_delayed())  # one future per partition, in order
        records = failed = 0
        temporary = args.output + '.tmp'
        with open(temporary, 'wb') as out:
            for future in futures:
                for chunk in future.result():
                    out.write(chunk)
                    records += chunk.count(b'\n')
                    failed += sum(1 for line in chunk.split(b'\n') if b'"error":' in line and has_error(line))
                future.release()
        os.replace(temporary, args.output)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f'unscrape_dask: {records} records in {len(partitions)} partitions, {failed} failed', file=sys.stderr)
    return 1 if failed else 0


def has_error(line):
    """Whether an output line is an error record (or not JSON at all)."""
    try:
        record = json.loads(line)
    except ValueError:
        return True
    return isinstance(record, dict) and record.get('error') is not None


if __name__ == '__main__':
    sys.exit(main())
