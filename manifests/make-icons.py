#!/usr/bin/env python3
"""Draws the Teams app icons (standard library only): python3 manifests/make-icons.py

color.png   192x192: a white speech bubble with two teal "people" inside, 96x96 symbol on a solid
            accent-colour square (48 px padding, no pre-rounded corners), as Teams asks.
outline.png 32x32: the same bubble in white on a fully transparent background, no padding;
            every pixel is white (255,255,255) with some alpha, the only thing Teams allows.
The output is deterministic, so re-running it leaves git clean.
"""
import math
import os
import struct
import zlib

ACCENT = (0x1F, 0x6F, 0x8B)  # manifest.json accentColor #1F6F8B
WHITE = (255, 255, 255)
SAMPLES = 4  # supersampling per axis, for anti-aliased edges


def rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def triangle(x, y, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])

    d1, d2, d3 = side((x, y), a, b), side((x, y), b, c), side((x, y), c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def bubble(x, y):
    """Speech bubble in unit coordinates (0..1 both ways)."""
    body = rounded_rect(x, y, 0.0, 0.04, 1.0, 0.78, 0.2)
    tail = triangle(x, y, (0.18, 0.70), (0.44, 0.70), (0.14, 0.98))
    return body or tail


def people(x, y):
    """Two people (head + shoulders) inside the bubble, in unit coordinates."""
    def person(cx, scale):
        head = (x - cx) ** 2 + (y - 0.30) ** 2 <= (0.085 * scale) ** 2
        dx, dy = (x - cx) / (0.17 * scale), (y - 0.62) / (0.17 * scale)
        shoulders = dy <= 0 and dx * dx + dy * dy <= 1.0 and y >= 0.45
        return head or shoulders

    return person(0.36, 1.0) or person(0.64, 1.0)


def render(size, pixel):
    """pixel(u, v) -> (r, g, b, a) floats for a point in 0..1; averaged over SAMPLES² points per pixel."""
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type None
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    r, g, b, a = pixel((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha <= 0:
                row += bytes([255, 255, 255, 0])
            else:
                row += bytes([round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def color_pixel(u, v):
    # Symbol occupies the centre 96x96 of 192x192 (48 px padding on each side).
    x, y = (u - 0.25) / 0.5, (v - 0.25) / 0.5
    if 0 <= x <= 1 and 0 <= y <= 1 and bubble(x, y):
        return (*(ACCENT if people(x, y) else WHITE), 1.0)
    return (*ACCENT, 1.0)


def outline_pixel(u, v):
    # No padding: the bubble fills the 32x32 square; the people are cut out (transparent).
    if bubble(u, v) and not people(u, v):
        return (*WHITE, 1.0)
    return (*WHITE, 0.0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, render(192, color_pixel))
    write_png(os.path.join(here, "outline.png"), 32, render(32, outline_pixel))
    print(os.path.join(here, "color.png"))
    print(os.path.join(here, "outline.png"))


if __name__ == "__main__":
    main()
