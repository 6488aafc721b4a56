"""Audio and video: duration, picture size and a poster frame, read with ffmpeg.

ffprobe and ffmpeg are driven as programs (Debian's ffmpeg package): their JSON
output is stable and well documented, and the Python wrappers on PyPI add little.
"""

import json
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

NOT_INSTALLED = "ffmpeg is not installed: `make run` and `make test` install it (Debian package ffmpeg)."


def _require(program):
    if not shutil.which(program):
        raise RuntimeError(NOT_INSTALLED)


@contextmanager
def local_copy(filelike, suffix=""):
    """A temporary local file with the contents of `filelike` (which may come from S3)."""
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        filelike.seek(0)
        for chunk in iter(lambda: filelike.read(1024 * 1024), b""):
            tmp.write(chunk)
        tmp.flush()
        filelike.seek(0)
        yield Path(tmp.name)


def probe(path):
    """ffprobe's view of a file: {"duration", "width", "height", "has_video", "has_audio"}; ValueError if unreadable."""
    _require("ffprobe")
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise ValueError((result.stderr.strip().splitlines() or ["ffprobe could not read it"])[-1])
    info = json.loads(result.stdout or "{}")
    streams = info.get("streams", [])
    video = [s for s in streams if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")]
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    if not video and not audio:
        raise ValueError("it has no audio or video stream")
    duration = float(info.get("format", {}).get("duration") or 0)
    return {
        "duration": duration,
        "width": int(video[0]["width"]) if video else None,
        "height": int(video[0]["height"]) if video else None,
        "has_video": bool(video),
        "has_audio": bool(audio),
    }


def check_media_upload(filelike, filename):
    """Raise ValidationError (naming the file) unless ffmpeg can read it; return the probe."""
    if getattr(filelike, "size", None) == 0:
        raise ValidationError(_("%(name)s is empty (0 bytes).") % {"name": filename})
    with local_copy(filelike, Path(filename).suffix) as path:
        try:
            return probe(path)
        except ValueError as exc:
            raise ValidationError(
                _("%(name)s cannot be played: ffmpeg could not read it (%(reason)s).")
                % {"name": filename, "reason": exc}
            ) from exc


def poster_frame(path, at_seconds):
    """A JPEG of the frame at `at_seconds`."""
    _require("ffmpeg")
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "poster.jpg"
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-ss",
                f"{at_seconds:.2f}",
                "-i",
                str(path),
                "-frames:v",
                "1",
                "-q:v",
                "3",
                str(out),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return out.read_bytes()


def process_av(media):
    """Read duration and size of an audio/video file and make a poster frame for a video."""
    from media_library.models import CustomMedia

    started = time.monotonic()
    with media.open_file() as f, local_copy(f, Path(media.file.name).suffix) as path:
        info = probe(path)
        updates = {"duration": round(info["duration"], 3), "width": info["width"], "height": info["height"]}
        if info["has_video"] and not media.thumbnail:
            poster = poster_frame(path, min(1.0, info["duration"] / 2))
            media.thumbnail.save(f"{Path(media.file.name).stem}-poster.jpg", ContentFile(poster), save=False)
            updates["thumbnail"] = media.thumbnail.name
    CustomMedia.objects.filter(pk=media.pk).update(**updates)
    return {**info, "seconds": round(time.monotonic() - started, 2)}
