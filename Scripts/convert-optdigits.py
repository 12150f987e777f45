#!/usr/bin/env python3
"""Converts shared/data/optdigits-8x8.csv.gz (CSV, 64 pixel values 0..16 then the label) into
seeds/optdigits-8x8.txt, the compact text form spiketty reads (see seeds/README.md).

Usage: Scripts/convert-optdigits.py /path/to/optdigits-8x8.csv.gz > seeds/optdigits-8x8.txt
"""
import gzip
import sys

DIGITS = "0123456789abcdefg"  # pixel value v (0..16) is written as DIGITS[v]


def main(path):
    out = sys.stdout
    out.write("# spiketty digit set v1: UCI optdigits 8x8 (E. Alpaydin, C. Kaynak, 1998), CC BY 4.0\n")
    out.write("# converted from scikit-learn 1.9.1 sklearn/datasets/data/digits.csv.gz by Scripts/convert-optdigits.py\n")
    out.write("# one image a line: label, a space, 64 pixels row-major, each 0..16 as one character 0-9 a-g\n")
    rows = []
    with gzip.open(path, "rt") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            values = [int(float(x)) for x in line.split(",")]
            if len(values) != 65:
                sys.exit(f"{path}:{n}: expected 65 values, got {len(values)}")
            pixels, label = values[:64], values[64]
            if not 0 <= label <= 9 or any(not 0 <= p <= 16 for p in pixels):
                sys.exit(f"{path}:{n}: value out of range")
            rows.append(f"{label} " + "".join(DIGITS[p] for p in pixels))
    out.write(f"images {len(rows)} width 8 height 8 levels 16\n")
    for r in rows:
        out.write(r + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
