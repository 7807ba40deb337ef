"""Scanned and photographed copies of rendered documents: what a family member's phone or a prison copier makes.

`scanned(pdf)`: every page rasterised (at 200 dpi, or one in three at a low 150 dpi), turned a few degrees, blurred,
with noise and low contrast, saved as an image-only PDF. `photographed(pdf)`: every page as a JPEG photo: the sheet
on a darker table, seen at a slant (perspective), lit unevenly, a little out of focus, compressed; one in three
shrunk as a messaging app does (about 1,250 pixels across, some 140 dpi on the page).
"""

from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2
from PIL import Image, ImageFilter


def _pages(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in doc]
    finally:
        doc.close()


def _noise(image: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    gen = np.random.default_rng(rng.randrange(2**32))
    a = np.asarray(image, dtype=np.float32)
    a = a + gen.normal(0, sigma, a.shape)
    specks = gen.random(a.shape) < 0.0008
    a[specks] = gen.choice([0, 255], size=int(specks.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def _contrast(image: Image.Image, low: int, high: int) -> Image.Image:
    return image.point(lambda v: low + v * (high - low) // 255)


def scan_page(page: Image.Image, rng: random.Random) -> Image.Image:
    page = page.rotate(rng.uniform(-3.0, 3.0), resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    page = _contrast(page, rng.randrange(25, 75), rng.randrange(175, 235))
    return _noise(page, rng, rng.uniform(4, 14))


def scanned(pdf: bytes, rng: random.Random, dpi: int | None = None) -> bytes:
    dpi = dpi or rng.choice((200, 200, 150))
    pages = [scan_page(p, rng) for p in _pages(pdf, dpi)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def _perspective(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients PIL's PERSPECTIVE transform needs to map output points `dst` back to input points `src`."""
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(rows), np.array(rhs))]


def photo_page(page: Image.Image, rng: random.Random) -> Image.Image:
    w, h = page.size
    margin_x, margin_y = int(w * rng.uniform(0.08, 0.16)), int(h * rng.uniform(0.06, 0.12))
    size = (w + 2 * margin_x, h + 2 * margin_y)
    jitter = 0.03
    corners = [(margin_x + dx * w + rng.uniform(-jitter, jitter) * w, margin_y + dy * h + rng.uniform(-jitter, jitter)
                * h) for dx, dy in ((0, 0), (1, 0), (1, 1), (0, 1))]
    coefficients = _perspective([(0, 0), (w, 0), (w, h), (0, h)], corners)
    sheet = page.transform(size, Image.Transform.PERSPECTIVE, coefficients, resample=Image.Resampling.BICUBIC,
                           fillcolor=0)
    mask = Image.new("L", page.size, 255).transform(size, Image.Transform.PERSPECTIVE, coefficients, fillcolor=0)
    table = _noise(Image.new("L", size, rng.randrange(40, 110)), rng, 12).filter(ImageFilter.GaussianBlur(2))
    photo = Image.composite(sheet, table, mask)
    gen = np.random.default_rng(rng.randrange(2**32))
    gx = np.linspace(rng.uniform(0.7, 0.9), rng.uniform(0.95, 1.05), size[0])[None, :]
    gy = np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.9, 1.05), size[1])[:, None]
    light = gx * gy * (1 + gen.normal(0, 0.01, (size[1], 1)))
    lit = np.clip(np.asarray(photo, dtype=np.float32) * light, 0, 255).astype(np.uint8)
    photo = Image.fromarray(lit).filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    return _noise(photo, rng, rng.uniform(3, 8))


def photographed(pdf: bytes, rng: random.Random, dpi: int = 200) -> list[bytes]:
    out = []
    shrunk = rng.random() < 1 / 3
    for page in _pages(pdf, dpi):
        buffer = io.BytesIO()
        photo = photo_page(page, rng)
        if shrunk:
            photo = photo.resize((1250, round(photo.height * 1250 / photo.width)), Image.Resampling.BILINEAR)
        photo.convert("RGB").save(buffer, "JPEG", quality=rng.randrange(60, 86))
        out.append(buffer.getvalue())
    return out


def degraded(documents: list[tuple[str, bytes]], rng: random.Random, kind: str) -> list[tuple[str, bytes]]:
    """Each document scanned (one image PDF) or photographed (one JPEG per page)."""
    out: list[tuple[str, bytes]] = []
    for name, pdf in documents:
        stem = name.rsplit(".", 1)[0]
        if kind == "scan":
            out.append((f"{stem}-scan.pdf", scanned(pdf, rng)))
        else:
            out += [(f"{stem}-photo{n}.jpg", data) for n, data in enumerate(photographed(pdf, rng), start=1)]
    return out
