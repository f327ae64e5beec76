"""Make src/readmit_forms/data/sRGB.icc: the sRGB profile of the bundle's PDF/A output intent.

LittleCMS (through Pillow's ImageCms) builds the standard sRGB profile (IEC 61966-2-1:
D65 primaries, the sRGB tone curve as parametric curves) and writes it as ICC version
4.4. PDF/A-3 rests on ISO 32000-1, which names ICC.1:2004-10 (profile version 4.2); the
profile uses no tag or type newer than 4.2, so its header is set to 4.2.0. Its profile
ID is zero (not computed), so the change leaves no checksum wrong.

    .venv/bin/python tools/make_srgb_icc.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import ImageCms

TARGET = Path(__file__).resolve().parent.parent / "src/readmit_forms/data/sRGB.icc"


def main() -> None:
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB ", "not an RGB ICC profile"
    assert not any(data[84:100]), "the profile has an ID: changing its header would break it"
    data[8:12] = bytes([4, 0x20, 0, 0])  # ICC.1:2004-10, version 4.2.0
    TARGET.write_bytes(bytes(data))
    print(f"wrote {TARGET} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
