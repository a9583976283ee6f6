"""The published wheel ships the data and loads every table in a fresh virtual environment."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_into_fresh_venv_and_loads_every_table(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                            str(dist), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next(dist.glob("syria_deconfliction-*.whl"))
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                    str(wheel)], check=True, capture_output=True)
    code = (
        "import sys, syria_deconfliction as sd\n"
        "assert 'site-packages' in sd.__file__, sd.__file__\n"
        "tables = sd.tables()\n"
        "rows = {t: len(sd.load(t)) for t in tables}\n"
        "assert all(rows.values()), rows\n"
        "assert not {'pandera', 'frictionless', 'yaml'} & set(sys.modules), sys.modules\n"
        "print(len(tables), sum(rows.values()))\n"
    )
    out = subprocess.run([str(py), "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    n_tables, n_rows = map(int, out.stdout.split())
    assert n_tables >= 3 and n_rows > 0
    info = subprocess.run([str(env / "bin" / "syria-deconfliction"), "info"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert info.returncode == 0 and "data version" in info.stdout, info.stderr
    cli = str(env / "bin" / "syria-deconfliction")
    # Without the build extra, validate says in one line what it needs.
    plain = subprocess.run([cli, "validate"], capture_output=True, text=True, cwd=tmp_path)
    assert plain.returncode == 1 and "build extra" in plain.stderr
    assert plain.stderr.count("\n") == 1, plain.stderr
    version = subprocess.run([str(env / "bin" / "syria-deconfliction"), "--version"],
                             capture_output=True, text=True, cwd=tmp_path)
    from syria_deconfliction import __version__

    assert version.stdout.strip() == f"syria-deconfliction {__version__}", version.stderr
    _check_wheel_contents(wheel)

    # `extract` runs from a plain install of the wheel alone (no extras): schemas and general
    # knowledge ship inside it, and no file of the checkout is read.
    article = ROOT / "tests" / "fixtures" / "articles" / "f04_sochi_patrols.txt"
    out = tmp_path / "drafts"
    cmd = [str(env / "bin" / "syria-deconfliction"), "extract", str(article), "--out", str(out),
           "--quiet"]
    ext = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert ext.returncode == 0, ext.stderr
    assert "extracted 1 article(s)" in ext.stdout
    assert (out / "quotes.csv").read_text(encoding="utf-8").count("\n") > 3

    # With the build extra, the shipped descriptor points at the tables where the wheel puts
    # them, and the installed package validates there, Frictionless included.
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                    f"{wheel}[build]"], check=True, capture_output=True)
    val = subprocess.run([cli, "validate"], capture_output=True, text=True, cwd=tmp_path)
    assert val.returncode == 0 and "validation: OK" in val.stdout, val.stdout + val.stderr
    assert "site-packages" in val.stdout
    val = subprocess.run([cli, "validate", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert val.returncode == 0, val.stdout + val.stderr
    # build and add need a checkout and say so in one line.
    for args in (["build"], ["add", str(article)]):
        proc = subprocess.run([cli, *args], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 1 and "checkout" in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def _check_wheel_contents(wheel: Path) -> None:
    """The dataset card, codebook, dictionary and citation ship with the data, and the
    metadata links to the project (what a package index shows)."""
    import zipfile

    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for doc in ("docs/DATASET_CARD.md", "docs/CODEBOOK.md", "docs/DATA_DICTIONARY.md",
                    "CITATION.cff"):
            shipped = f"syria_deconfliction/{doc}"
            assert shipped in names, shipped
            assert z.read(shipped) == (ROOT / doc).read_bytes(), doc
        meta = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    urls = [line for line in meta.splitlines() if line.startswith("Project-URL:")]
    assert {u.split(":", 1)[1].split(",")[0].strip() for u in urls} >= {
        "Homepage", "Documentation", "Dataset card", "Source", "Issues"}
    # README images are absolute, so that they show on a package index page too
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", meta)
    assert images and all(i.startswith("https://") for i in images), images
