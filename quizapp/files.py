"""Reading the files a user names (banks, source texts, articles, imports),
safely: only regular files, never more than a size limit, and every failure
as a sentence for the user. No Textual here.

A FIFO would block a plain ``open`` forever, ``/dev/zero`` would be read
until memory runs out, and a path with a NUL byte, a symbolic-link loop or
an over-long name raises exceptions of three different kinds; `read_file`
turns each into a `FileProblem` with a message.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

#: The largest file quizapp reads: banks, source texts, articles, imports.
MAX_FILE_BYTES = 20 * 1024 * 1024


class FileProblem(Exception):
    """A file that cannot be read; ``str(problem)`` says why, for the user.

    ``missing`` is true when nothing is there (as opposed to something
    that cannot be used).
    """

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


def read_file(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises `FileProblem` for anything else: a missing file, a folder, a FIFO
    or device, a file over ``limit`` bytes, a path with a NUL byte, a
    symbolic-link loop, a name too long, no permission.
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead
        # of waiting; it is then refused as not a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except ValueError:
        raise FileProblem("the path contains a NUL byte") from None
    except OSError as exc:
        raise _problem(exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(
                f"not a regular file ({_kind(info.st_mode)}); quizapp reads only files"
            )
        if info.st_size > limit:
            raise FileProblem(f"the file is {_size(info.st_size)}; the limit is {_size(limit)}")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:  # the file grew past the limit while being read
            raise FileProblem(f"the file is larger than the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    finally:
        os.close(fd)


def read_text(path: Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of the regular file at ``path`` (a leading byte order
    mark dropped), read as `read_file` reads.

    Raises `FileProblem` as `read_file` does, and for bytes that are not UTF-8.
    """
    data = read_file(path, limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileProblem(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); "
            "save it as UTF-8"
        ) from None


def stat_path(path: Path) -> PathInfo:
    """What is at ``path`` (symbolic links followed), without opening it.

    Raises `FileProblem` when nothing can be found there (``missing``) or
    the path cannot be followed: a NUL byte, a loop of symbolic links, a
    name too long, no permission.
    """
    try:
        mode = os.stat(path).st_mode
    except ValueError:
        raise FileProblem("the path contains a NUL byte") from None
    except OSError as exc:
        raise _problem(exc) from None
    return PathInfo(stat.S_ISREG(mode), stat.S_ISDIR(mode), _kind(mode))


@dataclass(frozen=True, slots=True)
class PathInfo:
    """What `stat_path` found: a regular file, a folder, or another kind."""

    is_file: bool
    is_folder: bool
    #: "a FIFO", "a device" ... for anything that is neither.
    kind: str


def _problem(exc: OSError) -> FileProblem:
    return FileProblem(describe_os_error(exc), missing=exc.errno in (errno.ENOENT, errno.ENOTDIR))


def describe_os_error(exc: OSError, verb: str = "read") -> str:
    """A sentence for the user about a failed file operation (``verb`` names
    it in the catch-all sentence: read, write)."""
    reasons = {
        errno.ENOENT: "no such file" if verb == "read" else "its folder does not exist",
        errno.EISDIR: "this is a folder, not a file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "the path is a loop of symbolic links",
        errno.ENAMETOOLONG: "the path, or a part of it, is too long",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENOSPC: "no space left on the device",
        errno.EROFS: "the file system is read-only",
        errno.EPIPE: "the reader closed the pipe",
        errno.EFBIG: "the file is too large for the file system",
        errno.EDQUOT: "the disk quota is exceeded",
    }
    return reasons.get(exc.errno or 0) or f"cannot {verb} the file: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
