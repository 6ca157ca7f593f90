"""Files as they are: a folder the build reads is read through no link that leaves it or
loops, so nothing from elsewhere on the machine is published and no walk runs forever."""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problems


def links_out(folder: Path, label_of, problems: Problems) -> None:
    """Report each symbolic link below `folder` that is broken, leads out of it, or (a
    folder's link) leads back to a folder that holds it."""
    root = folder.resolve()
    for current, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(current) / name
            if not path.is_symlink():
                continue
            try:
                target = Path(os.path.realpath(path, strict=True))
            except OSError as err:  # ELOOP for a loop of links, ENOENT for a broken one
                problems.add(
                    label_of(path),
                    None,
                    None,
                    "liên kết vòng hoặc hỏng: tệp mà liên kết chỉ tới không đọc "
                    f"được ({err.strerror}); hãy thay liên kết bằng chính tệp",
                )
                continue
            if not (target == root or root in target.parents):
                problems.add(
                    label_of(path),
                    None,
                    None,
                    f"liên kết chỉ ra ngoài thư mục {folder.name}/ (tới {target}); "
                    "chỉ tệp nằm trong thư mục mới được đọc: hãy chép tệp vào đây thay cho liên kết",
                )
            elif target.is_dir() and (target == path.parent.resolve() or target in path.parent.resolve().parents):
                problems.add(
                    label_of(path),
                    None,
                    None,
                    "liên kết vòng: thư mục này chỉ lại thư mục chứa nó, nên "
                    "đọc nó sẽ không bao giờ dừng; hãy xóa liên kết",
                )
