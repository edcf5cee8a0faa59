"""Reads a .log file with python3-kafka's record parser (an implementation independent of tarn's)
and prints every record as JSON lines: offset, timestamp, key, value, headers, batch CRC validity.
Usage: /usr/bin/python3 independent-reader.py <file.log>"""
import json
import sys
from kafka.record import MemoryRecords

with open(sys.argv[1], 'rb') as f:
    data = f.read()
records = MemoryRecords(data)
out = []
while True:
    batch = records.next_batch()
    if batch is None:
        break
    crc_ok = batch.validate_crc()
    for r in batch:
        out.append({
            'offset': r.offset,
            'timestamp': r.timestamp,
            'key': None if r.key is None else r.key.hex(),
            'value': None if r.value is None else r.value.hex(),
            'headers': [[k, None if v is None else v.hex()] for k, v in r.headers],
            'crc_ok': crc_ok,
            'codec': batch.compression_type,
        })
print(json.dumps(out))
